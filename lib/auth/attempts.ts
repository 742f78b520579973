import "server-only";
import { isIP } from "node:net";
import { db } from "@/lib/db";
import {
  DatabaseWindowStore,
  MemoryWindowStore,
  WindowLimiter,
  type WindowStore,
} from "@/lib/limits";

/** Names a limiter's store: memory for tests, the database so every instance counts alike. */
export type StoreFor = (name: string, windowMs: number) => WindowStore;
const inMemory: StoreFor = (_name, windowMs) => new MemoryWindowStore(windowMs);
const inDatabase =
  (prefix: string): StoreFor =>
  (name) =>
    new DatabaseWindowStore(`${prefix}.${name}`, db);

/** `device` is set only for a device cookie the portal issued (lib/auth/device.ts). */
export type Client = { device?: string; address: string };
export type ClientBlock = "device" | "address";

export type ClientLimits = {
  /** Failures per browser: one attendee's typos never lock out the others behind the same address. */
  perDevice: number;
  /** Failures per address from clients without a device cookie, who would otherwise go unnamed. */
  cookieless: number;
  /** Failures per address (per /64 for IPv6, where one host holds a whole prefix)... */
  perAddress: number;
  /** ...plus this many for every success from it in the window (a venue proves itself)... */
  perSuccess: number;
  /** ...up to this ceiling. */
  addressCeiling: number;
  windowMs: number;
};

/**
 * A browser can always get a new device cookie by loading a page, so the address is the bound on
 * guessing: small for an address nobody has joined from, growing with every attendee who joins
 * from it, so a class of 300 behind one venue NAT, each with a typo or three, keeps joining.
 */
export const JOIN_LIMITS: ClientLimits = {
  perDevice: 5,
  cookieless: 10,
  perAddress: 50,
  perSuccess: 3,
  addressCeiling: 1000,
  windowMs: 10 * 60 * 1000,
};

export const INSTRUCTOR_LIMITS: ClientLimits & { perEmail: number } = {
  perEmail: 5,
  perDevice: 10,
  cookieless: 10,
  perAddress: 50,
  perSuccess: 0,
  addressCeiling: 50,
  windowMs: 15 * 60 * 1000,
};

/** The key an address is limited by: IPv4 as it is, IPv6 by its /64. */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

/**
 * Failed attempts per client. A browser that keeps its device cookie is counted on its own; one
 * without (it dropped the cookie, or never kept one) shares a small allowance with every other
 * cookieless client at its address, so dropping the cookie buys nothing.
 */
export class ClientAttempts {
  private readonly devices: WindowLimiter;
  private readonly cookieless: WindowLimiter;
  private readonly addresses: WindowLimiter;
  private readonly successes: WindowLimiter;

  constructor(
    private readonly limits: ClientLimits,
    now: () => number = Date.now,
    storeFor: StoreFor = inMemory,
  ) {
    const make = (name: string, max: number) =>
      new WindowLimiter(max, limits.windowMs, now, storeFor(name, limits.windowMs));
    this.devices = make("device", limits.perDevice);
    this.cookieless = make("cookieless", limits.cookieless);
    this.addresses = make("address", limits.addressCeiling);
    this.successes = make("success", limits.addressCeiling);
  }

  private async addressAllowance(key: string): Promise<number> {
    const earned =
      this.limits.perAddress + this.limits.perSuccess * (await this.successes.count(key));
    return Math.min(this.limits.addressCeiling, earned);
  }

  private own(client: Client): [WindowLimiter, string] {
    return client.device
      ? [this.devices, client.device]
      : [this.cookieless, addressKey(client.address)];
  }

  async blockedBy(client: Client): Promise<ClientBlock | undefined> {
    const [limiter, key] = this.own(client);
    if (await limiter.isBlocked(key)) return "device";
    const address = addressKey(client.address);
    if ((await this.addresses.count(address)) >= (await this.addressAllowance(address))) {
      return "address";
    }
    return undefined;
  }

  async fail(client: Client) {
    const [limiter, key] = this.own(client);
    await limiter.record(key);
    await this.addresses.record(addressKey(client.address));
  }

  async succeed(client: Client) {
    if (this.limits.perSuccess > 0) await this.successes.record(addressKey(client.address));
  }
}

/** Instructor sign-in: per client as above, and per email whoever tries it. */
export class InstructorAttempts {
  private readonly clients: ClientAttempts;
  private readonly emails: WindowLimiter;

  constructor(
    limits: typeof INSTRUCTOR_LIMITS,
    now: () => number = Date.now,
    storeFor: StoreFor = inMemory,
  ) {
    this.clients = new ClientAttempts(limits, now, storeFor);
    this.emails = new WindowLimiter(
      limits.perEmail,
      limits.windowMs,
      now,
      storeFor("email", limits.windowMs),
    );
  }

  async isBlocked(email: string, client: Client): Promise<boolean> {
    return (
      (await this.emails.isBlocked(email)) || (await this.clients.blockedBy(client)) !== undefined
    );
  }

  async fail(email: string, client: Client) {
    await this.emails.record(email);
    await this.clients.fail(client);
  }
}

export const joinAttempts = new ClientAttempts(JOIN_LIMITS, Date.now, inDatabase("join"));
/** Wrong co-instructor invitation tokens, per client as for instructor sign-in. */
export const inviteAttempts = new ClientAttempts(INSTRUCTOR_LIMITS, Date.now, inDatabase("invite"));
export const instructorAttempts = new InstructorAttempts(
  INSTRUCTOR_LIMITS,
  Date.now,
  inDatabase("instructor"),
);
