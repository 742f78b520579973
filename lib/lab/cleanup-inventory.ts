import { z } from "zod";
import type {
  AddressSummary,
  AlarmSummary,
  ConsoleUserSummary,
  DbInstanceSummary,
  HealthCheckSummary,
  IngressRule,
  InstanceProfileSummary,
  InstanceSummary,
  KeyPairSummary,
  RecordSetSummary,
  ResourceTags,
  RoleSummary,
  SecurityGroupSummary,
  TopicSummary,
  UserSummary,
} from "@/lib/aws/types";
import { appServicesNames } from "@/lib/lab/app-services";
import { hasAdmin } from "@/lib/lab/identity";
import { LAB } from "@/lib/lab/names";
import { costPerHour } from "@/lib/lab/prices";

/** The regions the lab is done in, and the one the console opens in for a new account. */
export const CLEANUP_REGIONS = ["ap-northeast-2", "us-east-1"] as const;

/** The IAM user Module 4's do-it-for-me makes (an attendee's own has a name of their choosing). */
export const MODULE4_USER = "awslab-user";
const S3_EVENTS_TOPIC = "awslab-s3-events";
const HEALTH_METRIC = "HealthCheckStatus";

/** One page of a bucket's object versions: enough to tell the lab's objects from others. */
export type BucketContentsScan = { versions: number; deleteMarkers: number; keys: string[] };

export type RegionScan = {
  region: string;
  instances: InstanceSummary[];
  securityGroups: SecurityGroupSummary[];
  keyPairs: KeyPairSummary[];
  addresses: AddressSummary[];
  dbInstances: DbInstanceSummary[];
  topics: TopicSummary[];
  alarms: AlarmSummary[];
};

export type ScannedBucket = { name: string; region: string; contents: BucketContentsScan };

/** The instructor's account as the attendee reaches it through the event's role. */
export type ZoneScan =
  | { state: "none" }
  | { state: "unreadable"; why: string }
  | {
      state: "read";
      zoneId: string;
      records: RecordSetSummary[];
      healthChecks: HealthCheckSummary[];
      /** us-east-1 of the instructor's account; undefined when the role may not read them. */
      alarms?: AlarmSummary[];
      topics?: TopicSummary[];
    };

/** Everything clean-up looks at in the attendee's account (both regions) and the class zone. */
export type CleanupScan = {
  regions: RegionScan[];
  /** Only buckets named like the lab's, with their region and contents. */
  buckets: ScannedBucket[];
  roles: RoleSummary[];
  instanceProfiles: InstanceProfileSummary[];
  users: UserSummary[];
  healthChecks: HealthCheckSummary[];
  zone: ZoneScan;
};

/** In the order they must go: what depends on something is deleted before it. */
export const RESOURCE_KINDS = [
  "zone-records",
  "health-check",
  "alarm",
  "topic",
  "address",
  "instance",
  "key-pair",
  "db-instance",
  "group-reference",
  "security-group",
  "bucket",
  "instance-profile",
  "role",
  "user",
] as const;

export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type Account = "own" | "instructor";

export type LabResource = {
  /** Stable across scans: kind, account, region and AWS id. */
  key: string;
  kind: ResourceKind;
  account: Account;
  /** A region, "global" (IAM, Route 53) or the zone's domain. */
  region: string;
  id: string;
  name: string;
  costPerHour: number;
  /** AWS's own status while it works on it (shutting-down, deleting). */
  status?: string;
  associationId?: string;
  /** A group-reference: the lab group holding the rule, and the rule to revoke. */
  rule?: { groupId: string; ingress: IngressRule };
  roles?: string[];
  zoneId?: string;
  contents?: BucketContentsScan;
};

export type AmbiguousBucket = {
  key: string;
  name: string;
  region: string;
  /** Keys the lab never writes (the first few). */
  foreignKeys: string[];
};

/**
 * An IAM user made during the event that may be the attendee's Module 4 user, or not: deleted
 * only on the attendee's word. `kept`: the user the portal itself signs in as, never deleted.
 */
export type AmbiguousUser = {
  key: string;
  name: string;
  why: "several" | "incomplete" | "kept";
};

export type Inventory = {
  resources: LabResource[];
  ambiguous: AmbiguousBucket[];
  ambiguousUsers: AmbiguousUser[];
  zone: ZoneScan["state"] | "read";
  zoneWhy?: string;
};

const journalEntrySchema = z.object({
  kind: z.enum(RESOURCE_KINDS),
  account: z.enum(["own", "instructor"]),
  region: z.string(),
  id: z.string(),
  name: z.string(),
  costPerHour: z.number(),
  state: z.enum(["claimed", "started", "deleted", "failed", "waiting"]),
  at: z.string(),
  code: z.string().optional(),
});

/** What clean-up has claimed and done so far, by resource key: a re-run after a crash finishes. */
export const journalSchema = z.object({
  resources: z.record(z.string(), journalEntrySchema).default({}),
  /** Ambiguous buckets (by name) and users (`user:` and name) the attendee said to delete too. */
  confirmed: z.array(z.string()).default([]),
});

export type CleanupJournal = z.infer<typeof journalSchema>;
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const emptyJournal = (): CleanupJournal => ({ resources: {}, confirmed: [] });

export function parseJournal(value: unknown): CleanupJournal {
  const parsed = journalSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyJournal();
}

export const resourceKey = (kind: ResourceKind, account: Account, region: string, id: string) =>
  `${kind}|${account}|${region}|${id}`;

const isPortalTagged = (tags: ResourceTags) => "aws101:attendee" in tags || "aws101:event" in tags;

const topicName = (arn: string) => arn.split(":").pop() ?? arn;

const LAUNCH_WIZARD = /^launch-wizard-\d+$/;
/** Server access log objects: <prefix>YYYY-MM-DD-HH-MM-SS-<16 hex>. */
const ACCESS_LOG_KEY = /\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9A-F]{16}$/;
const APP_PREFIXES = ["uploads/", "s3-101/", "logs/"];
const LAB_DOCUMENTS = ["hello.txt", "index.html", "error.html", "maintenance.html"];

/** Whether the lab (the app, S3 101, do it for me, the page's hands-on) would write this key. */
function labKey(bucketKind: "lab" | "logs" | "maintenance", key: string): boolean {
  if (bucketKind === "logs") return key.startsWith("logs/") || ACCESS_LOG_KEY.test(key);
  if (bucketKind === "maintenance") return LAB_DOCUMENTS.includes(key);
  return APP_PREFIXES.some((prefix) => key.startsWith(prefix)) || LAB_DOCUMENTS.includes(key);
}

export type InventoryScope = {
  initials?: string;
  domain?: string;
  journal: CleanupJournal;
  /** Console details of the newest few users and awslab-user (the iam-user step's view). */
  consoleUsers?: ConsoleUserSummary[];
  /** When the attendee joined the event: a user made before then is not the lab's. */
  since?: string;
  /** The principal the portal acts as: its user is never deleted under it. */
  principalArn?: string;
};

/** How a confirmed ambiguous user is written in the journal (bucket names never hold a colon). */
export const USER_CONFIRMATION = "user:";

/**
 * The lab's IAM users by the iam-user step's rule: awslab-user (do it for me), an earlier run's
 * claim, and among the users examined the one made since the attendee joined with a console
 * password and AdministratorAccess. Several such, or one made then without both, are asked about.
 */
function labUsers(scan: CleanupScan, scope: InventoryScope) {
  const portalUser = scope.principalArn?.match(/:user\/(?:[^/]*\/)*([^/]+)$/)?.[1];
  const claimed = (name: string) =>
    resourceKey("user", "own", "global", name) in scope.journal.resources ||
    scope.journal.confirmed.includes(`${USER_CONFIRMATION}${name}`);
  const sure = new Set(
    scan.users
      .filter((user) => user.name === MODULE4_USER || claimed(user.name))
      .map((user) => user.name),
  );
  // IAM keeps creation times to the second.
  const since = scope.since ? Math.floor(Date.parse(scope.since) / 1000) * 1000 : Number.NaN;
  const madeDuringEvent = (scope.consoleUsers ?? []).filter(
    (user) =>
      user.name !== MODULE4_USER &&
      user.name !== portalUser &&
      Date.parse(user.createdAt ?? "") >= since,
  );
  const complete = madeDuringEvent.filter((user) => user.loginProfile && hasAdmin(user));
  // Users an earlier run claimed count too: deleting one of several never makes another the only one.
  const earlier = Object.values(scope.journal.resources).filter(
    (entry) =>
      entry.kind === "user" &&
      entry.name !== MODULE4_USER &&
      !complete.some((user) => user.name === entry.name),
  );
  const [only] = complete;
  if (only && complete.length === 1 && earlier.length === 0) sure.add(only.name);
  const ask = (name: string, why: AmbiguousUser["why"]): AmbiguousUser => ({
    key: resourceKey("user", "own", "global", name),
    name,
    why,
  });
  const asked = [
    ...madeDuringEvent
      .filter((user) => !complete.includes(user))
      .map((user) => ask(user.name, "incomplete")),
    ...(complete.length + earlier.length > 1
      ? complete.map((user) => ask(user.name, "several"))
      : []),
  ].filter((user) => !sure.has(user.name));
  if (portalUser && sure.delete(portalUser)) asked.push(ask(portalUser, "kept"));
  return { sure, asked };
}

/**
 * The lab's resources in a scan, found the way attendees make them: by the lab's names, by the
 * portal's aws101:* tags, by the console's side effects (launch-wizard-N groups on Web, the
 * Elastic IP on Web), and by what an earlier clean-up run claimed. Never the `default` group.
 */
export function labInventory(scan: CleanupScan, scope: InventoryScope): Inventory {
  const claimed = (key: string) => key in scope.journal.resources;
  const names =
    scope.initials && scope.domain ? appServicesNames(scope.initials, scope.domain) : undefined;
  const resources: LabResource[] = [];
  const add = (resource: Omit<LabResource, "key">) =>
    resources.push({
      ...resource,
      key: resourceKey(resource.kind, resource.account, resource.region, resource.id),
    });
  const publicIps = new Set<string>();
  const labTopicArns = new Set<string>();

  for (const region of scan.regions) {
    const key = (kind: ResourceKind, id: string) => resourceKey(kind, "own", region.region, id);
    const instances = region.instances.filter(
      (instance) =>
        instance.name === LAB.instanceName ||
        isPortalTagged(instance.tags) ||
        claimed(key("instance", instance.id)),
    );
    const instanceIds = new Set(instances.map((instance) => instance.id));
    const addresses = region.addresses.filter(
      (address) =>
        (address.instanceId !== undefined && instanceIds.has(address.instanceId)) ||
        isPortalTagged(address.tags) ||
        claimed(key("address", address.allocationId)),
    );
    for (const address of addresses) {
      publicIps.add(address.publicIp);
      add({
        kind: "address",
        account: "own",
        region: region.region,
        id: address.allocationId,
        name: address.publicIp,
        associationId: address.associationId,
        costPerHour: costPerHour({ kind: "address", region: region.region }),
      });
    }
    const withAddress = new Set(addresses.flatMap((address) => address.instanceId ?? []));
    for (const instance of instances) {
      if (instance.publicIp) publicIps.add(instance.publicIp);
      const running = instance.state === "running" || instance.state === "pending";
      add({
        kind: "instance",
        account: "own",
        region: region.region,
        id: instance.id,
        name: `${instance.name ?? instance.id} (${instance.id})`,
        status: instance.state,
        costPerHour:
          instance.state === "shutting-down"
            ? 0
            : costPerHour({
                kind: "instance",
                region: region.region,
                instanceType: instance.instanceType,
                running,
                ownPublicIp: Boolean(instance.publicIp) && !withAddress.has(instance.id),
              }),
      });
    }
    for (const pair of region.keyPairs) {
      if (
        pair.name !== LAB.keyPair &&
        !isPortalTagged(pair.tags) &&
        !claimed(key("key-pair", pair.name))
      ) {
        continue;
      }
      add({
        kind: "key-pair",
        account: "own",
        region: region.region,
        id: pair.name,
        name: pair.name,
        costPerHour: 0,
      });
    }
    for (const db of region.dbInstances) {
      if (
        db.id !== LAB.dbInstance &&
        !isPortalTagged(db.tags) &&
        !claimed(key("db-instance", db.id))
      )
        continue;
      add({
        kind: "db-instance",
        account: "own",
        region: region.region,
        id: db.id,
        name: db.id,
        status: db.status,
        costPerHour:
          db.status === "deleting"
            ? 0
            : costPerHour({
                kind: "db-instance",
                region: region.region,
                instanceClass: db.instanceClass,
                multiAz: db.multiAz,
                storageGiB: db.allocatedStorageGiB,
              }),
      });
    }
    const onLabInstances = new Set(
      instances.flatMap((instance) => instance.securityGroups.map((group) => group.id)),
    );
    const groups = region.securityGroups.filter(
      (group) =>
        group.name !== "default" &&
        (group.name === LAB.securityGroup ||
          group.name === LAB.dbSecurityGroup ||
          (LAUNCH_WIZARD.test(group.name) && onLabInstances.has(group.id)) ||
          isPortalTagged(group.tags) ||
          claimed(key("security-group", group.id))),
    );
    const groupIds = new Set(groups.map((group) => group.id));
    // rds-mysql-sg admits web-server-sg: the rule goes first, so each group can go on its own.
    for (const group of groups) {
      for (const ingress of group.ingress) {
        if (ingress.source.kind !== "group" || !groupIds.has(ingress.source.groupId)) continue;
        add({
          kind: "group-reference",
          account: "own",
          region: region.region,
          id: `${group.id}<-${ingress.source.groupId}:${ingress.fromPort ?? "all"}`,
          name: `${group.name} ← ${ingress.source.groupId}`,
          rule: { groupId: group.id, ingress },
          costPerHour: 0,
        });
      }
    }
    for (const group of groups) {
      add({
        kind: "security-group",
        account: "own",
        region: region.region,
        id: group.id,
        name: `${group.name} (${group.id})`,
        costPerHour: 0,
      });
    }
    for (const topic of region.topics) {
      const name = topicName(topic.arn);
      if (
        name === S3_EVENTS_TOPIC ||
        (names && name === names.topic) ||
        claimed(key("topic", topic.arn))
      ) {
        labTopicArns.add(topic.arn);
      }
    }
  }

  const labHealthCheck = (check: HealthCheckSummary) =>
    (names !== undefined &&
      (check.name === names.healthCheck || check.domainName === names.record)) ||
    (check.ipAddress !== undefined && publicIps.has(check.ipAddress));
  const ownChecks = scan.healthChecks.filter(
    (check) =>
      labHealthCheck(check) || claimed(resourceKey("health-check", "own", "global", check.id)),
  );
  for (const check of ownChecks) {
    add({
      kind: "health-check",
      account: "own",
      region: "global",
      id: check.id,
      name: check.name ?? check.ipAddress ?? check.id,
      costPerHour: costPerHour({ kind: "health-check" }),
    });
  }

  let instructorCheckIds = new Set<string>();
  if (scan.zone.state === "read") {
    const zone = scan.zone;
    const domain = scope.domain ?? "zone";
    if (names && zone.records.some((record) => record.name === names.record)) {
      const mine = zone.records.filter((record) => record.name === names.record);
      add({
        kind: "zone-records",
        account: "instructor",
        region: domain,
        id: names.record,
        name: `${names.record} (${mine.map((record) => `${record.type}${record.failover ? ` ${record.failover}` : ""}`).join(", ")})`,
        zoneId: zone.zoneId,
        costPerHour: 0,
      });
    }
    const checks = zone.healthChecks.filter(
      (check) =>
        labHealthCheck(check) ||
        claimed(resourceKey("health-check", "instructor", "global", check.id)),
    );
    instructorCheckIds = new Set(checks.map((check) => check.id));
    for (const check of checks) {
      add({
        kind: "health-check",
        account: "instructor",
        region: "global",
        id: check.id,
        name: check.name ?? check.ipAddress ?? check.id,
        costPerHour: costPerHour({ kind: "health-check" }),
      });
    }
    for (const alarm of zone.alarms ?? []) {
      const checkId = alarm.dimensions.HealthCheckId;
      if (alarm.metric !== HEALTH_METRIC || !checkId || !instructorCheckIds.has(checkId)) continue;
      add({
        kind: "alarm",
        account: "instructor",
        region: "us-east-1",
        id: alarm.name,
        name: alarm.name,
        costPerHour: costPerHour({ kind: "alarm" }),
      });
    }
    for (const topic of zone.topics ?? []) {
      if (!names || topicName(topic.arn) !== names.topic) continue;
      add({
        kind: "topic",
        account: "instructor",
        region: "us-east-1",
        id: topic.arn,
        name: topicName(topic.arn),
        costPerHour: 0,
      });
    }
  }

  const labCheckIds = new Set([...ownChecks.map((check) => check.id), ...instructorCheckIds]);
  for (const region of scan.regions) {
    const isLabAlarm = (alarm: AlarmSummary) =>
      (alarm.metric === HEALTH_METRIC && labCheckIds.has(alarm.dimensions.HealthCheckId ?? "")) ||
      alarm.actions.some((action) => labTopicArns.has(action)) ||
      claimed(resourceKey("alarm", "own", region.region, alarm.name));
    for (const alarm of region.alarms.filter(isLabAlarm)) {
      add({
        kind: "alarm",
        account: "own",
        region: region.region,
        id: alarm.name,
        name: alarm.name,
        costPerHour: costPerHour({ kind: "alarm" }),
      });
    }
    for (const topic of region.topics) {
      if (!labTopicArns.has(topic.arn)) continue;
      add({
        kind: "topic",
        account: "own",
        region: region.region,
        id: topic.arn,
        name: topicName(topic.arn),
        costPerHour: 0,
      });
    }
  }

  const ambiguous: AmbiguousBucket[] = [];
  for (const bucket of scan.buckets) {
    const kind = bucketKind(bucket.name, names?.bucket);
    if (!kind) continue;
    const key = resourceKey("bucket", "own", bucket.region, bucket.name);
    const foreignKeys = bucket.contents.keys.filter((objectKey) => !labKey(kind, objectKey));
    if (foreignKeys.length > 0 && !scope.journal.confirmed.includes(bucket.name)) {
      ambiguous.push({
        key,
        name: bucket.name,
        region: bucket.region,
        foreignKeys: foreignKeys.slice(0, 3),
      });
      continue;
    }
    add({
      kind: "bucket",
      account: "own",
      region: bucket.region,
      id: bucket.name,
      name: bucket.name,
      contents: bucket.contents,
      costPerHour: 0,
    });
  }

  const profiles = scan.instanceProfiles.filter(
    (profile) =>
      profile.name === LAB.role ||
      profile.roles.includes(LAB.role) ||
      claimed(resourceKey("instance-profile", "own", "global", profile.name)),
  );
  for (const profile of profiles) {
    add({
      kind: "instance-profile",
      account: "own",
      region: "global",
      id: profile.name,
      name: profile.name,
      roles: profile.roles,
      costPerHour: 0,
    });
  }
  for (const role of scan.roles) {
    if (role.name !== LAB.role) continue;
    add({
      kind: "role",
      account: "own",
      region: "global",
      id: role.name,
      name: role.name,
      costPerHour: 0,
    });
  }
  const users = labUsers(scan, scope);
  for (const user of scan.users) {
    if (!users.sure.has(user.name)) continue;
    add({
      kind: "user",
      account: "own",
      region: "global",
      id: user.name,
      name: user.name,
      costPerHour: 0,
    });
  }

  const order = (resource: LabResource) => RESOURCE_KINDS.indexOf(resource.kind);
  return {
    resources: resources.sort((a, b) => order(a) - order(b)),
    ambiguous,
    ambiguousUsers: users.asked,
    zone: scan.zone.state,
    ...(scan.zone.state === "unreadable" ? { zoneWhy: scan.zone.why } : {}),
  };
}

/** Which of the lab's buckets this is, by its name; undefined for any other bucket. */
export function bucketKind(
  name: string,
  maintenanceBucket: string | undefined,
): "lab" | "logs" | "maintenance" | undefined {
  if (name.startsWith(LAB.bucketPrefix)) return "lab";
  if (name.startsWith(LAB.logsBucketPrefix)) return "logs";
  if (maintenanceBucket !== undefined && name === maintenanceBucket) return "maintenance";
  return undefined;
}

/** USD per hour of what is still running. */
export const runningCost = (resources: LabResource[]) =>
  resources.reduce((sum, resource) => sum + resource.costPerHour, 0);
