import "server-only";
import type { AwsClients } from "@/lib/aws/client";
import {
  isLiveInstance,
  readAddresses,
  readImages,
  readKeyPairs,
  readNetwork,
  readSecurityGroups,
  readUserData,
} from "@/lib/aws/ec2";
import { readConsoleUsers, readInstanceProfiles, readRoles, readUsers } from "@/lib/aws/iam";
import { readRolePolicies, type RolePolicies } from "@/lib/aws/iam-policies";
import { getCallerIdentityWith } from "@/lib/aws/identity";
import {
  HEALTH_CHECK_METRICS_REGION,
  readHealthCheckAlarms,
  readHealthCheckStatus,
  readNamedHealthChecks,
  readTopicSubscriptions,
} from "@/lib/aws/monitoring";
import { readDbEvents, readDbInstances } from "@/lib/aws/rds";
import {
  readBucketAccessConfig,
  readBucketFeatures,
  readBuckets,
  readBucketVersions,
  type BucketVersionsPage,
} from "@/lib/aws/s3";
import { readAccountPublicAccessBlock, type AccountPublicAccess } from "@/lib/aws/s3-control";
import { readInstancesNotTerminated, readRegionAlarms, readRegionTopics } from "@/lib/aws/teardown";
import type {
  AddressSummary,
  ConsoleUserSummary,
  AlarmSummary,
  BucketAccessConfig,
  BucketFeatures,
  BucketSummary,
  DbEventSummary,
  DbInstanceSummary,
  HealthCheckSummary,
  ImageSummary,
  InstanceProfileSummary,
  RecordSetSummary,
  InstanceSummary,
  KeyPairSummary,
  NetworkSummary,
  RoleSummary,
  SecurityGroupSummary,
  TopicSummary,
  UserSummary,
  HealthCheckObservation,
  TopicSubscriptions,
} from "@/lib/aws/types";
import { AwsCallError } from "@/lib/aws/errors";
import { appServicesNames, type SharedZone } from "@/lib/lab/app-services";
import { bucketKind, type CleanupScan } from "@/lib/lab/cleanup-inventory";
import { scanForCleanup } from "@/lib/lab/cleanup-scan";
import { classZoneView, type ClassZoneView } from "@/lib/lab/class-zone";
import { IDENTITY } from "@/lib/lab/identity";
import { instructorAccess, type InstructorAccess } from "@/lib/lab/cross-account";
import { budgetedDnsAnswer, type RecordDnsAnswer } from "@/lib/lab/dns-answer";
import { budgetedRoute53Read } from "@/lib/lab/route53-budget";
import {
  alarmRegionMistake,
  HEALTH_CHECK,
  healthTopicArn,
  namedHealthCheck,
} from "@/lib/lab/health-check";
import { LAB } from "@/lib/lab/names";
import type { MaintenanceSite } from "@/lib/lab/maintenance-names";
import { readMaintenanceSite } from "@/lib/lab/maintenance-site";

/** Where else the attendee's Web might be, looked up only when the event's region has none. */
export type WebElsewhere = { searchedRegion: string; otherRegion: string; instanceIds: string[] };

/** Where else the lab's DB instance might be, looked up only when the event's region has none. */
export type DbElsewhere = { searchedRegion: string; otherRegion: string; found: boolean };

/** The attendee's record sets in the class zone, read through the event's role. */
export type ZoneRecords =
  | { state: "read"; name: string; records: RecordSetSummary[] }
  | { state: "unreadable"; why: ClassZoneUnreadable };

export type ClassZoneUnreadable = "no-zone-configured" | "no-initials" | "no-access" | "no-zone";

/** The instructor account's health checks (with their console Names), or why they can't be read. */
export type InstructorHealthChecks =
  | { state: "read"; healthChecks: HealthCheckSummary[] }
  | { state: "unreadable"; why: Exclude<ClassZoneUnreadable, "no-initials"> };

/**
 * The alarms on the attendee's health check in the instructor's account: in us-east-1, and only
 * when there are none there, in the region an alarm made by mistake ends up in.
 */
export type HealthAlarms =
  | {
      state: "read";
      healthCheckId: string;
      alarms: AlarmSummary[];
      elsewhere?: { region: string; alarms: AlarmSummary[] };
    }
  | { state: "not-asked" };

/** The attendee's `<initials>_route53_health` topic in the instructor's account (us-east-1). */
export type HealthTopic = ({ state: "read" } & TopicSubscriptions) | { state: "not-asked" };

/** What Route 53's checkers see of the attendee's health check; the emulator always says healthy. */
export type HealthCheckStatus =
  | { state: "sandbox" }
  | { state: "not-asked" }
  | { state: "read"; healthCheckId: string; observations: HealthCheckObservation[] };

/** The lab's experiment takes minutes: a health check's status a few seconds old is fresh enough. */
const HEALTH_STATUS_TTL_MS = 15_000;

/** Who is asking, beyond their credentials: what the event and the attendee's choices say. */
export type LabScope = {
  accountId?: string;
  principalArn?: string;
  sharedZone?: SharedZone;
  initials?: string;
};

/** What the portal can know about an attendee's account, one entry per resource kind. */
export type Facts = {
  /** Every instance not yet terminated, shutting-down ones too (clean-up waits for them). */
  instancesNotTerminated: InstanceSummary[];
  /** The live ones: terminated and shutting-down instances are gone from the attendee's view. */
  instances: InstanceSummary[];
  securityGroups: SecurityGroupSummary[];
  keyPairs: KeyPairSummary[];
  addresses: AddressSummary[];
  /** The AMIs of the live instances, by image id. */
  images: Record<string, ImageSummary>;
  /** Decoded user data of the instances named Web. */
  webUserData: Record<string, string | undefined>;
  /** Undefined when Web is in the event's region (then nothing else is read). */
  webElsewhere: WebElsewhere | undefined;
  network: NetworkSummary;
  dbInstances: DbInstanceSummary[];
  /** The last day's RDS events of the lab's instance (awslab); none when it doesn't exist. */
  dbEvents: DbEventSummary[];
  /** Undefined when awslab is in the event's region. */
  dbElsewhere: DbElsewhere | undefined;
  buckets: BucketSummary[];
  /** Who may read each lab bucket in the event's region, by bucket name. */
  labBucketAccess: Record<string, BucketAccessConfig>;
  /** One bucket's first page of versions (named when read): S3 101 and clean-up both look. */
  bucketVersions: BucketVersionsPage;
  /** The S3 101 configurations of each lab bucket in the event's region, by bucket name. */
  labBucketFeatures: Record<string, BucketFeatures>;
  /** The account's Block Public Access; undefined while there is no lab bucket to ask about. */
  accountPublicAccess: AccountPublicAccess | undefined;
  roles: RoleSummary[];
  /** awslab-ec2-role's inline and attached policies; undefined while the role doesn't exist. */
  labRolePolicies: RolePolicies | undefined;
  instanceProfiles: InstanceProfileSummary[];
  users: UserSummary[];
  healthChecks: HealthCheckSummary[];
  /** The alarms of one region (by default the event's). */
  regionAlarms: AlarmSummary[];
  /** The topics of one region (by default the event's). */
  regionTopics: TopicSummary[];
  /** us-east-1's alarms, where Route 53's health-check metrics are. */
  alarms: AlarmSummary[];
  /** us-east-1's topics, where a health check's alarm notifies. */
  topics: TopicSummary[];
  /** The account's Block Public Access, whatever the account holds. */
  publicAccessBlock: AccountPublicAccess;
  /** The attendee's session in the instructor's account through the event's role, or why not. */
  instructorAccess: InstructorAccess;
  /** The attendee's record sets (their initials' name) in the class zone. */
  zoneRecords: ZoneRecords;
  instructorHealthChecks: InstructorHealthChecks;
  /** The whole class zone as every attendee shares it; steps read the two kinds above instead. */
  classZone:
    | ({ state: "read"; zone: SharedZone } & ClassZoneView)
    | { state: "unreadable"; why: Exclude<ClassZoneUnreadable, "no-initials"> };
  /** Everything clean-up looks at: both lab regions, IAM, the lab's buckets, the class zone. */
  cleanupScan: CleanupScan;
  /** Route 53's answer for the attendee's name once it has failover records (never in the sandbox). */
  recordDnsAnswer: RecordDnsAnswer;
  /** Console password and managed policies of the newest few users and the portal's awslab-user. */
  consoleUsers: ConsoleUserSummary[];
  /** The maintenance page's bucket in the attendee's account (named like their record). */
  maintenanceSite: MaintenanceSite;
  instructorHealthAlarms: HealthAlarms;
  instructorHealthTopic: HealthTopic;
  healthCheckStatus: HealthCheckStatus;
};

export type FactKind = keyof Facts;

/**
 * Kinds listed per region: read in the event's region unless another is named (clean-up scans
 * both lab regions, a wrong-region look reads the other), each region once per refresh.
 */
export const REGIONAL_KINDS = [
  "instancesNotTerminated",
  "securityGroups",
  "keyPairs",
  "addresses",
  "dbInstances",
  "regionAlarms",
  "regionTopics",
] as const satisfies readonly FactKind[];

export type RegionalKind = (typeof REGIONAL_KINDS)[number];

/** Kinds read per resource, named by the caller: each resource once per refresh. */
type PerResourceKind = "bucketVersions";

export type ReadFact = <K extends FactKind>(
  kind: K,
  ...where: K extends RegionalKind
    ? [region?: string]
    : K extends PerResourceKind
      ? [resource: string]
      : []
) => Promise<Facts[K]>;

type Reader<K extends FactKind> = (
  aws: AwsClients,
  read: ReadFact,
  scope: LabScope,
  resource: string,
) => Promise<Facts[K]>;

const maintenanceBucketOf = (scope: LabScope) =>
  scope.initials && scope.sharedZone
    ? appServicesNames(scope.initials, scope.sharedZone.domain).bucket
    : undefined;

const webInstances = async (read: ReadFact) =>
  (await read("instances")).filter((instance) => instance.name === LAB.instanceName);

const labDbExists = async (read: ReadFact) =>
  (await read("dbInstances")).some((db) => db.id === LAB.dbInstance);

/** Per-bucket configuration is read only for the lab's own buckets, and only where the event is. */
const labBucketsHere = async (aws: AwsClients, read: ReadFact) =>
  (await read("buckets"))
    .filter(
      (bucket) =>
        bucket.name.startsWith(LAB.bucketPrefix) && bucket.details?.region === aws.target.region,
    )
    .map((bucket) => bucket.name);

async function perLabBucket<T>(
  aws: AwsClients,
  read: ReadFact,
  readOne: (aws: AwsClients, bucket: string) => Promise<T>,
): Promise<Record<string, T>> {
  const names = await labBucketsHere(aws, read);
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await readOne(aws, name)] as const)),
  );
}

/** The console opens in us-east-1 for a new account: the likeliest wrong region. */
const likelyWrongRegion = (region: string) =>
  region === "us-east-1" ? "ap-northeast-2" : "us-east-1";

/** The attendee's named health check in the instructor's account, and the session to ask about it. */
async function instructorHealthCheck(read: ReadFact, scope: LabScope) {
  if (!scope.initials || !scope.sharedZone) return undefined;
  const [checks, access] = await Promise.all([
    read("instructorHealthChecks"),
    read("instructorAccess"),
  ]);
  if (checks.state !== "read" || access.state !== "granted") return undefined;
  const name = appServicesNames(scope.initials, scope.sharedZone.domain).healthCheck;
  const check = namedHealthCheck(checks.healthChecks, name);
  return check && { check, aws: access.aws };
}

const readers: { [K in FactKind]: Reader<K> } = {
  instancesNotTerminated: readInstancesNotTerminated,
  instances: async (_aws, read) => (await read("instancesNotTerminated")).filter(isLiveInstance),
  securityGroups: readSecurityGroups,
  keyPairs: readKeyPairs,
  addresses: readAddresses,
  images: async (aws, read) =>
    readImages(aws, [
      ...new Set((await read("instances")).flatMap((instance) => instance.imageId ?? [])),
    ]),
  webUserData: async (aws, read) => readUserData(aws, await webInstances(read)),
  webElsewhere: async (aws, read) => {
    if ((await webInstances(read)).length > 0) return undefined;
    const otherRegion = likelyWrongRegion(aws.target.region);
    return {
      searchedRegion: aws.target.region,
      otherRegion,
      instanceIds: (await read("instancesNotTerminated", otherRegion))
        .filter((instance) => isLiveInstance(instance) && instance.name === LAB.instanceName)
        .map((instance) => instance.id),
    };
  },
  network: readNetwork,
  dbInstances: readDbInstances,
  dbEvents: async (aws, read) =>
    (await labDbExists(read)) ? readDbEvents(aws, LAB.dbInstance) : [],
  dbElsewhere: async (aws, read) => {
    if (await labDbExists(read)) return undefined;
    const otherRegion = likelyWrongRegion(aws.target.region);
    const elsewhere = await read("dbInstances", otherRegion);
    return {
      searchedRegion: aws.target.region,
      otherRegion,
      found: elsewhere.some((db) => db.id === LAB.dbInstance),
    };
  },
  buckets: (aws, _read, scope) =>
    readBuckets(aws, (name) => {
      if (name.startsWith(LAB.bucketPrefix)) return "configuration";
      // The other lab buckets (S3 101's logs, the maintenance page's): clean-up and their steps
      // need only their region.
      return bucketKind(name, maintenanceBucketOf(scope)) ? "region" : "none";
    }),
  labBucketAccess: (aws, read) => perLabBucket(aws, read, readBucketAccessConfig),
  bucketVersions: async (aws, read, _scope, bucket) => {
    const region = (await read("buckets")).find((one) => one.name === bucket)?.details?.region;
    return readBucketVersions(aws.inRegion(region ?? aws.target.region), bucket);
  },
  labBucketFeatures: (aws, read) =>
    perLabBucket(aws, read, (here, bucket) =>
      readBucketFeatures(here, bucket, read("bucketVersions", bucket)),
    ),
  accountPublicAccess: async (aws, read) =>
    (await labBucketsHere(aws, read)).length > 0 ? read("publicAccessBlock") : undefined,
  publicAccessBlock: async (aws, _read, scope) =>
    readAccountPublicAccessBlock(
      aws,
      scope.accountId ?? (await getCallerIdentityWith(aws)).accountId,
    ),
  roles: readRoles,
  labRolePolicies: async (aws, read) =>
    (await read("roles")).some((role) => role.name === LAB.role)
      ? readRolePolicies(aws, LAB.role)
      : undefined,
  instanceProfiles: readInstanceProfiles,
  users: readUsers,
  healthChecks: readNamedHealthChecks,
  regionAlarms: readRegionAlarms,
  regionTopics: readRegionTopics,
  alarms: (_aws, read) => read("regionAlarms", HEALTH_CHECK_METRICS_REGION),
  topics: (_aws, read) => read("regionTopics", HEALTH_CHECK_METRICS_REGION),
  instructorAccess: (aws, _read, scope) => instructorAccess(aws, scope),
  zoneRecords: async (_aws, read, scope) => {
    if (!scope.initials) {
      return { state: "unreadable", why: scope.sharedZone ? "no-initials" : "no-zone-configured" };
    }
    const view = await read("classZone");
    if (view.state !== "read") return view;
    const name = appServicesNames(scope.initials, view.zone.domain).record;
    return { state: "read", name, records: view.records.filter((record) => record.name === name) };
  },
  instructorHealthChecks: async (_aws, read) => {
    const view = await read("classZone");
    return view.state === "read" ? { state: "read", healthChecks: view.healthChecks } : view;
  },
  classZone: async (_aws, read, scope) => {
    if (!scope.sharedZone) return { state: "unreadable", why: "no-zone-configured" };
    const access = await read("instructorAccess");
    if (access.state !== "granted") return { state: "unreadable", why: "no-access" };
    try {
      return {
        state: "read",
        zone: scope.sharedZone,
        ...(await classZoneView(access.aws, scope.sharedZone)),
      };
    } catch (error) {
      if (error instanceof AwsCallError && error.problem.awsCode === "NoSuchHostedZone") {
        return { state: "unreadable", why: "no-zone" };
      }
      throw error;
    }
  },
  cleanupScan: (aws, read, scope) =>
    scanForCleanup(aws, read, {
      zoneId: scope.initials ? scope.sharedZone?.zoneId : undefined,
      maintenanceBucket: maintenanceBucketOf(scope),
    }),
  recordDnsAnswer: async (aws, read, scope) => {
    // The emulator has no TestDNSAnswer and serves no DNS.
    if (aws.target.endpoint) return { state: "sandbox" };
    const [records, access] = await Promise.all([read("zoneRecords"), read("instructorAccess")]);
    if (records.state !== "read" || access.state !== "granted" || !scope.sharedZone) {
      return { state: "not-asked" };
    }
    const roles = new Set(records.records.map((record) => record.failover));
    if (!roles.has("PRIMARY") || !roles.has("SECONDARY")) return { state: "not-asked" };
    const answer = await budgetedDnsAnswer(
      access.aws,
      scope.sharedZone.instructorAccountId,
      scope.sharedZone.zoneId,
      records.name,
    );
    return answer ? { state: "answered", ...answer } : { state: "deferred" };
  },
  consoleUsers: async (aws, read) =>
    readConsoleUsers(aws, await read("users"), {
      newest: IDENTITY.usersExamined,
      always: [IDENTITY.portalUser],
    }),
  maintenanceSite: (aws, read, scope) => readMaintenanceSite(aws, read, scope),
  instructorHealthAlarms: async (aws, read, scope) => {
    const mine = await instructorHealthCheck(read, scope);
    if (!mine) return { state: "not-asked" };
    const id = mine.check.id;
    const alarms = await readHealthCheckAlarms(mine.aws, id, HEALTH_CHECK.metricsRegion);
    if (alarms.length > 0) return { state: "read", healthCheckId: id, alarms };
    const region = alarmRegionMistake(aws.target.region);
    return {
      state: "read",
      healthCheckId: id,
      alarms,
      elsewhere: { region, alarms: await readHealthCheckAlarms(mine.aws, id, region) },
    };
  },
  instructorHealthTopic: async (_aws, read, scope) => {
    if (!scope.initials || !scope.sharedZone) return { state: "not-asked" };
    const access = await read("instructorAccess");
    if (access.state !== "granted") return { state: "not-asked" };
    const topic = appServicesNames(scope.initials, scope.sharedZone.domain).topic;
    return {
      state: "read",
      ...(await readTopicSubscriptions(
        access.aws,
        healthTopicArn(scope.sharedZone.instructorAccountId, topic),
      )),
    };
  },
  healthCheckStatus: async (aws, read, scope) => {
    // The emulator reports every health check healthy whatever its target does.
    if (aws.target.endpoint) return { state: "sandbox" };
    const mine = await instructorHealthCheck(read, scope);
    if (!mine) return { state: "not-asked" };
    const observations = await budgetedRoute53Read(
      scope.sharedZone?.instructorAccountId ?? "",
      `status|${mine.check.id}`,
      HEALTH_STATUS_TTL_MS,
      () => readHealthCheckStatus(mine.aws, mine.check.id),
    );
    if (!observations) return { state: "not-asked" };
    return {
      state: "read",
      healthCheckId: mine.check.id,
      observations,
    };
  },
};

type AccountReads = { generation: number; inFlight: Map<string, Promise<unknown>> };

// Per process, not per route bundle: concurrent refreshes of one account share a read.
const accounts = ((
  globalThis as { __aws101FactReads?: Map<string, AccountReads> }
).__aws101FactReads ??= new Map());

function accountReads(accountKey: string): AccountReads {
  let reads = accounts.get(accountKey);
  if (!reads) {
    reads = { generation: 0, inFlight: new Map() };
    accounts.set(accountKey, reads);
  }
  return reads;
}

/**
 * After a change to the account, reads already under way may predate it: later callers must not
 * join them.
 */
export function invalidateFacts(accountKey: string) {
  const reads = accountReads(accountKey);
  reads.generation += 1;
  reads.inFlight.clear();
}

/**
 * One refresh's view of an account: each kind is read at most once (dependent kinds share what
 * they depend on), and a read of the same kind already in flight for the account is joined.
 */
export function factReader(aws: AwsClients, accountKey: string, scope: LabScope = {}) {
  const reads = accountReads(accountKey);
  const mine = new Map<string, Promise<unknown>>();
  const regional = new Set<FactKind>(REGIONAL_KINDS);
  const read = (<K extends FactKind>(kind: K, named?: string) => {
    const perRegion = regional.has(kind);
    const where = perRegion ? (named ?? aws.target.region) : aws.target.region;
    const resource = perRegion ? "" : (named ?? "");
    const key = `${kind}@${where}|${resource}`;
    let promise = mine.get(key) as Promise<Facts[K]> | undefined;
    if (!promise) {
      const sharedKey = `${reads.generation}|${key}`;
      promise = reads.inFlight.get(sharedKey) as Promise<Facts[K]> | undefined;
      if (!promise) {
        const started = (readers[kind] as Reader<K>)(aws.inRegion(where), read, scope, resource);
        promise = started;
        reads.inFlight.set(sharedKey, started);
        const forget = () => {
          if (reads.inFlight.get(sharedKey) === started) reads.inFlight.delete(sharedKey);
        };
        started.then(forget, forget);
      }
      mine.set(key, promise);
    }
    return promise;
  }) as ReadFact;
  return {
    read,
    async readAll<K extends FactKind>(kinds: readonly K[]): Promise<Pick<Facts, K>> {
      const entries = await Promise.all(
        [...new Set(kinds)].map(
          async (kind) => [kind, await (read as (k: K) => Promise<Facts[K]>)(kind)] as const,
        ),
      );
      return Object.fromEntries(entries) as Pick<Facts, K>;
    },
  };
}
