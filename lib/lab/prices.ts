/**
 * What the lab's resources cost while they run, in USD per hour, on demand, for the two regions
 * the lab touches. Approximate list prices as of PRICES_AS_OF (the same figures the lab pages'
 * cost notes quote); update both together when AWS changes them. Monthly prices are per 730 hours.
 */
export const PRICES_AS_OF = "2025-06";

export type PricedRegion = "ap-northeast-2" | "us-east-1";

const HOURS_PER_MONTH = 730;

type RegionPrices = {
  instance: Record<string, number>;
  /** gp3, per GiB-month. */
  ebsGiBMonth: number;
  /** Single-AZ MySQL, per hour; Multi-AZ runs two. */
  db: Record<string, number>;
  /** RDS gp3, per GiB-month, single-AZ. */
  dbStorageGiBMonth: number;
};

const REGIONS: Record<PricedRegion, RegionPrices> = {
  "ap-northeast-2": {
    instance: { "t3.micro": 0.013, "t2.micro": 0.0144, "t3.small": 0.026 },
    ebsGiBMonth: 0.0912,
    db: { "db.t3.micro": 0.026, "db.t4g.micro": 0.025 },
    dbStorageGiBMonth: 0.131,
  },
  "us-east-1": {
    instance: { "t3.micro": 0.0104, "t2.micro": 0.0116, "t3.small": 0.0208 },
    ebsGiBMonth: 0.08,
    db: { "db.t3.micro": 0.017, "db.t4g.micro": 0.016 },
    dbStorageGiBMonth: 0.115,
  },
};

/** Every public IPv4 address, attached or idle, since 2024-02-01. */
const PUBLIC_IPV4_HOUR = 0.005;
/** A basic health check of an AWS endpoint. */
const HEALTH_CHECK_MONTH = 0.5;
/** A standard-resolution metric alarm. */
const ALARM_MONTH = 0.1;
const ROOT_VOLUME_GIB = 8;

const regionPrices = (region: string): RegionPrices =>
  REGIONS[region as PricedRegion] ?? REGIONS["ap-northeast-2"];

const perHour = (monthly: number) => monthly / HOURS_PER_MONTH;

export type PricedResource =
  | {
      kind: "instance";
      region: string;
      instanceType?: string;
      running: boolean;
      /** An auto-assigned public IPv4 address (an Elastic IP is priced on its own). */
      ownPublicIp: boolean;
    }
  | { kind: "address"; region: string }
  | {
      kind: "db-instance";
      region: string;
      instanceClass?: string;
      multiAz: boolean;
      storageGiB?: number;
    }
  | { kind: "health-check" }
  | { kind: "alarm" }
  | { kind: "free" };

/**
 * USD per hour. A stopped instance still pays for its volume. Unknown sizes are priced like the
 * lab's own.
 */
export function costPerHour(resource: PricedResource): number {
  switch (resource.kind) {
    case "instance": {
      const prices = regionPrices(resource.region);
      const volume = perHour(prices.ebsGiBMonth * ROOT_VOLUME_GIB);
      if (!resource.running) return volume;
      const compute =
        prices.instance[resource.instanceType ?? "t3.micro"] ?? prices.instance["t3.micro"] ?? 0;
      return compute + volume + (resource.ownPublicIp ? PUBLIC_IPV4_HOUR : 0);
    }
    case "address":
      return PUBLIC_IPV4_HOUR;
    case "db-instance": {
      const prices = regionPrices(resource.region);
      const copies = resource.multiAz ? 2 : 1;
      const compute =
        prices.db[resource.instanceClass ?? "db.t3.micro"] ?? prices.db["db.t3.micro"] ?? 0;
      const storage = perHour(prices.dbStorageGiBMonth * (resource.storageGiB ?? 20));
      return (compute + storage) * copies;
    }
    case "health-check":
      return perHour(HEALTH_CHECK_MONTH);
    case "alarm":
      return perHour(ALARM_MONTH);
    case "free":
      return 0;
  }
}

/** "0.0712" for small sums, "1.71" for larger: enough digits to be honest, no more. */
export function usd(amount: number): string {
  if (amount === 0) return "0";
  return amount < 1 ? amount.toFixed(4) : amount.toFixed(2);
}
