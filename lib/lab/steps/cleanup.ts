import type { AwsClients } from "@/lib/aws/client";
import { releaseAddress, revokeIngress } from "@/lib/aws/ec2";
import { AwsCallError } from "@/lib/aws/errors";
import { readDbInstances } from "@/lib/aws/rds";
import {
  deleteAlarm,
  deleteDbInstance,
  deleteHealthCheck,
  deleteInstanceProfile,
  deleteKeyPair,
  deleteRecordSetsNamed,
  deleteRoleCompletely,
  deleteSecurityGroup,
  deleteTopicWithSubscriptions,
  deleteUserCompletely,
  disassociateAddress,
  emptyAndDeleteBucket,
  instanceState,
  readInstancesNotTerminated,
  terminateInstance,
  unlessGone,
} from "@/lib/aws/teardown";
import {
  exists,
  fail,
  manual,
  msg,
  pass,
  pending,
  remove,
  unobservable,
  warn,
} from "@/lib/lab/build";
import {
  CLEANUP_REGIONS,
  labInventory,
  parseJournal,
  runningCost,
  USER_CONFIRMATION,
  type AmbiguousUser,
  type CleanupJournal,
  type Inventory,
  type JournalEntry,
  type LabResource,
} from "@/lib/lab/cleanup-inventory";
import type { Facts } from "@/lib/lab/facts";
import { usd } from "@/lib/lab/prices";
import { estimatedProgress } from "@/lib/lab/rds-progress";
import {
  defineStep,
  type CheckItem,
  type MessageRef,
  type OperationContext,
  type PlanEntry,
  type StepContext,
} from "@/lib/lab/types";

export const CLEANUP_STEP_ID = "cleanup";

/** EC2 usually terminates a t3.micro within a minute: the apply waits that long, no longer. */
export const TERMINATION_WAIT = { totalMs: 120_000, pollMs: 5_000 };
const TYPICAL_MINUTES = { "shutting-down": 2, deleting: 10 } as const;
const HOURS_PER_DAY = 24;

async function readJournal(ctx: Pick<StepContext, "memory">): Promise<CleanupJournal> {
  return parseJournal(await ctx.memory.read(CLEANUP_STEP_ID));
}

/** Recorded as it happens, so a crash or a closed tab loses nothing a re-run needs. */
async function note(
  ctx: Pick<StepContext, "memory">,
  resource: LabResource,
  state: JournalEntry["state"],
  code?: string,
) {
  const journal = await readJournal(ctx);
  const before = journal.resources[resource.key];
  journal.resources[resource.key] = {
    kind: resource.kind,
    account: resource.account,
    region: resource.region,
    id: resource.id,
    name: resource.name,
    // A terminating instance no longer costs anything: keep what it cost when claimed.
    costPerHour: Math.max(before?.costPerHour ?? 0, resource.costPerHour),
    state,
    at: state === before?.state && before.at ? before.at : new Date().toISOString(),
    ...(code ? { code } : {}),
  };
  await ctx.memory.write(CLEANUP_STEP_ID, journal);
}

/**
 * Before the first deletion of an apply, everything planned is claimed: the launch-wizard group
 * of a terminated Web, or an Elastic IP once disassociated, is no longer found by convention.
 */
async function claimAll(op: OperationContext, resources: LabResource[]) {
  if (op.results.has("cleanup:claimed")) return;
  const journal = await readJournal(op.ctx);
  const at = new Date().toISOString();
  for (const resource of resources) {
    if (journal.resources[resource.key]) continue;
    journal.resources[resource.key] = {
      kind: resource.kind,
      account: resource.account,
      region: resource.region,
      id: resource.id,
      name: resource.name,
      costPerHour: resource.costPerHour,
      state: "claimed",
      at,
    };
  }
  await op.ctx.memory.write(CLEANUP_STEP_ID, journal);
  op.results.set("cleanup:claimed", "yes");
}

type Outcome = { state: "deleted" | "started" } | { state: "waiting"; on: string };

/** The clients that reach a resource: the attendee's own, or the instructor's through the role. */
function clientsFor(
  op: OperationContext,
  resource: LabResource,
  facts: Pick<Facts, "instructorAccess">,
): AwsClients {
  if (resource.account === "own") {
    return resource.region === "global" ? op.aws : op.aws.inRegion(resource.region);
  }
  if (facts.instructorAccess.state !== "granted") {
    throw new AwsCallError({ code: "access_denied", awsCode: "NoRoleSession" });
  }
  const aws = facts.instructorAccess.aws;
  return resource.kind === "alarm" || resource.kind === "topic"
    ? aws.inRegion(resource.region)
    : aws;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitForTermination(aws: AwsClients, instanceId: string): Promise<boolean> {
  const deadline = Date.now() + TERMINATION_WAIT.totalMs;
  for (;;) {
    if ((await instanceState(aws, instanceId)) === "terminated") return true;
    if (Date.now() >= deadline) return false;
    await sleep(TERMINATION_WAIT.pollMs);
  }
}

/** What still uses a group: an instance not yet terminated, or a DB instance. */
async function groupUsers(aws: AwsClients, groupId: string): Promise<string[]> {
  const [instances, dbs] = await Promise.all([
    readInstancesNotTerminated(aws),
    readDbInstances(aws),
  ]);
  return [
    ...instances
      .filter((instance) => instance.securityGroups.some((group) => group.id === groupId))
      .map((instance) => instance.name ?? instance.id),
    ...dbs.filter((db) => db.securityGroupIds.includes(groupId)).map((db) => db.id),
  ];
}

async function act(aws: AwsClients, resource: LabResource): Promise<Outcome> {
  switch (resource.kind) {
    case "zone-records":
      await deleteRecordSetsNamed(aws, resource.zoneId ?? "", resource.id);
      return { state: "deleted" };
    case "health-check":
      await deleteHealthCheck(aws, resource.id);
      return { state: "deleted" };
    case "alarm":
      await deleteAlarm(aws, resource.id);
      return { state: "deleted" };
    case "topic":
      await deleteTopicWithSubscriptions(aws, resource.id);
      return { state: "deleted" };
    case "address":
      if (resource.associationId) await disassociateAddress(aws, resource.associationId);
      await unlessGone(() => releaseAddress(aws, resource.id));
      return { state: "deleted" };
    case "instance":
      if (resource.status !== "shutting-down") await terminateInstance(aws, resource.id);
      return { state: (await waitForTermination(aws, resource.id)) ? "deleted" : "started" };
    case "key-pair":
      await deleteKeyPair(aws, resource.id);
      return { state: "deleted" };
    case "db-instance":
      await deleteDbInstance(aws, resource.id);
      return { state: "started" };
    case "group-reference": {
      const rule = resource.rule;
      if (rule) await unlessGone(() => revokeIngress(aws, rule.groupId, rule.ingress));
      return { state: "deleted" };
    }
    case "security-group": {
      const users = await groupUsers(aws, resource.id);
      if (users.length > 0) return { state: "waiting", on: users.join(", ") };
      await deleteSecurityGroup(aws, resource.id);
      return { state: "deleted" };
    }
    case "bucket":
      await emptyAndDeleteBucket(aws, resource.id);
      return { state: "deleted" };
    case "instance-profile":
      await deleteInstanceProfile(aws, { name: resource.id, roles: resource.roles ?? [] });
      return { state: "deleted" };
    case "role":
      await deleteRoleCompletely(aws, resource.id);
      return { state: "deleted" };
    case "user":
      await deleteUserCompletely(aws, resource.id);
      return { state: "deleted" };
  }
}

const paramsOf = (resource: LabResource) => ({
  name: resource.name,
  region: resource.region,
  cost: usd(resource.costPerHour),
});

/** Codes that say something else still holds the resource. */
const IN_USE = new Set([
  "DependencyViolation",
  "InvalidGroup.InUse",
  "DeleteConflict",
  "BucketNotEmpty",
]);

function deletionEntry(
  resource: LabResource,
  inventory: Inventory,
  facts: Pick<Facts, "instructorAccess">,
): PlanEntry {
  const params = paramsOf(resource);
  return remove(
    resource.key,
    msg(`plan.cleanup.${resource.kind}`, params),
    msg(`done.cleanup.${resource.kind}`, params),
    async (op): Promise<MessageRef | void> => {
      await claimAll(op, inventory.resources);
      try {
        const outcome = await act(clientsFor(op, resource, facts), resource);
        await note(op.ctx, resource, outcome.state);
        if (outcome.state === "waiting")
          return msg("done.cleanup.waiting", { ...params, on: outcome.on });
        if (outcome.state === "started")
          return msg(
            resource.kind === "db-instance" ? "started.cleanup.db" : "started.cleanup.instance",
            params,
          );
      } catch (error) {
        if (!(error instanceof AwsCallError)) throw error;
        const code = error.problem.awsCode ?? error.problem.code;
        await note(op.ctx, resource, "failed", code);
        return msg("done.cleanup.failed", { ...params, code });
      }
    },
  );
}

/** Check items of ambiguous buckets carry this before the bucket's name (the confirm list). */
export const CONFIRM_PREFIX = "confirm|";

/**
 * The attendee's word that an ambiguous bucket (its name) or IAM user (`user:` and its name) may
 * go: the next apply deletes it too.
 */
export async function confirmAmbiguous(memory: StepContext["memory"], name: string) {
  const journal = await readJournal({ memory });
  if (journal.confirmed.includes(name)) return;
  journal.confirmed.push(name);
  await memory.write(CLEANUP_STEP_ID, journal);
}

/** Check items of a user the portal itself signs in as carry this: it is never offered to confirm. */
const KEPT_PREFIX = "kept|";

function ambiguousUserItem(user: AmbiguousUser): CheckItem {
  if (user.why === "kept") {
    return fail(
      `${KEPT_PREFIX}${user.name}`,
      msg("check.cleanup.keptUser", { name: user.name }),
      msg("fix.cleanup.keptUser", { name: user.name }),
    );
  }
  return fail(
    `${CONFIRM_PREFIX}${USER_CONFIRMATION}${user.name}`,
    msg(`check.cleanup.ambiguousUser.${user.why}`, { name: user.name }),
    msg("fix.cleanup.ambiguousUser", { name: user.name }),
  );
}

const busy = (resource: LabResource) =>
  (resource.kind === "db-instance" && resource.status === "deleting") ||
  (resource.kind === "instance" && resource.status === "shutting-down");

function progressOf(resource: LabResource, journal: CleanupJournal) {
  const status = resource.status === "deleting" ? "deleting" : "shutting-down";
  const since = journal.resources[resource.key]?.at ?? new Date().toISOString();
  return estimatedProgress(status, since, TYPICAL_MINUTES[status]);
}

/** What the lab cost per hour before clean-up, counted over everything claimed that is gone now. */
function avoidedPerHour(inventory: Inventory, journal: CleanupJournal): number {
  const left = new Set(inventory.resources.map((resource) => resource.key));
  return Object.entries(journal.resources)
    .filter(([key]) => !left.has(key))
    .reduce((sum, [, entry]) => sum + entry.costPerHour, 0);
}

const regionsChecked = () => CLEANUP_REGIONS.join(", ");

function zoneItem(inventory: Inventory): CheckItem[] {
  if (inventory.zone !== "unreadable") return [];
  return [
    unobservable("zone", msg("check.cleanup.zoneUnreadable", { why: inventory.zoneWhy ?? "—" })),
  ];
}

function fixFor(entry: JournalEntry | undefined): MessageRef {
  if (entry?.state !== "failed" || !entry.code) return msg("fix.cleanup.run");
  if (IN_USE.has(entry.code)) return msg("fix.cleanup.inUse", { code: entry.code });
  if (/denied|unauthorized|NoRoleSession/i.test(entry.code)) {
    return msg("fix.cleanup.denied", { code: entry.code });
  }
  return msg("fix.cleanup.failed", { code: entry.code });
}

function resourceItem(resource: LabResource, journal: CleanupJournal): CheckItem {
  const params = paramsOf(resource);
  if (busy(resource)) {
    return {
      ...pending(
        resource.key,
        msg(`check.cleanup.busy.${resource.status === "deleting" ? "db" : "instance"}`, params),
      ),
      progress: progressOf(resource, journal),
    };
  }
  const entry = journal.resources[resource.key];
  if (entry?.state === "waiting")
    return pending(resource.key, msg("check.cleanup.waiting", params));
  return fail(resource.key, msg(`check.cleanup.left.${resource.kind}`, params), fixFor(entry));
}

async function inventoryOf(facts: Pick<Facts, "cleanupScan" | "consoleUsers">, ctx: StepContext) {
  const journal = await readJournal(ctx);
  const inventory = labInventory(facts.cleanupScan, {
    initials: ctx.initials,
    domain: ctx.sharedZone?.domain,
    journal,
    consoleUsers: facts.consoleUsers,
    since: ctx.joinedAt,
    principalArn: ctx.principalArn,
  });
  return { journal, inventory };
}

export const cleanupStep = defineStep({
  id: CLEANUP_STEP_ID,
  needs: ["cleanupScan", "consoleUsers"],
  planNeeds: ["instructorAccess"],
  started: () => false,
  async check(facts, ctx) {
    const { journal, inventory } = await inventoryOf(facts, ctx);
    const items: CheckItem[] = [
      ...inventory.resources.map((resource) => resourceItem(resource, journal)),
      ...inventory.ambiguous.map((bucket) =>
        fail(
          `${CONFIRM_PREFIX}${bucket.name}`,
          msg("check.cleanup.ambiguous", {
            name: bucket.name,
            keys: bucket.foreignKeys.join(", "),
          }),
          msg("fix.cleanup.ambiguous", { name: bucket.name }),
        ),
      ),
      ...inventory.ambiguousUsers.map(ambiguousUserItem),
      ...zoneItem(inventory),
    ];
    if (items.length > 0) {
      const hour = runningCost(inventory.resources);
      if (hour > 0) {
        items.push(
          warn(
            "cost",
            msg("check.cleanup.cost", { hour: usd(hour), day: usd(hour * HOURS_PER_DAY) }),
          ),
        );
      }
      return items;
    }
    const avoided = avoidedPerHour(inventory, journal);
    return [
      pass("nothing-left", msg("check.cleanup.none", { regions: regionsChecked() })),
      ...(avoided > 0
        ? [
            pass(
              "avoided",
              msg("check.cleanup.avoided", {
                day: usd(avoided * HOURS_PER_DAY),
                hour: usd(avoided),
              }),
            ),
          ]
        : []),
    ];
  },
  async plan(facts, ctx) {
    const { journal, inventory } = await inventoryOf(facts, ctx);
    const entries: PlanEntry[] = [];
    const hour = runningCost(inventory.resources);
    if (
      inventory.resources.length === 0 &&
      inventory.ambiguous.length === 0 &&
      inventory.ambiguousUsers.length === 0
    ) {
      entries.push(exists("nothing", msg("plan.cleanup.nothing", { regions: regionsChecked() })));
    } else {
      entries.push(
        exists(
          "total",
          msg("plan.cleanup.total", { hour: usd(hour), day: usd(hour * HOURS_PER_DAY) }),
        ),
      );
    }
    for (const resource of inventory.resources) {
      if (resource.kind === "db-instance" && resource.status === "deleting") {
        const progress = progressOf(resource, journal);
        entries.push(
          exists(
            resource.key,
            msg("plan.cleanup.dbDeleting", { ...paramsOf(resource), minutes: progress.etaMinutes }),
          ),
        );
        continue;
      }
      entries.push(deletionEntry(resource, inventory, facts));
    }
    for (const bucket of inventory.ambiguous) {
      entries.push(
        manual(
          bucket.key,
          msg("plan.cleanup.ambiguous", { name: bucket.name, keys: bucket.foreignKeys.join(", ") }),
        ),
      );
    }
    for (const user of inventory.ambiguousUsers) {
      entries.push(
        manual(user.key, msg(`plan.cleanup.ambiguousUser.${user.why}`, { name: user.name })),
      );
    }
    if (inventory.zone === "unreadable") {
      entries.push(
        manual("zone", msg("plan.cleanup.zoneUnreadable", { why: inventory.zoneWhy ?? "—" })),
      );
    }
    return entries;
  },
});
