import { z } from "zod";
import { rebootWithFailover } from "@/lib/aws/rds";
import type { DbEventSummary, DbInstanceSummary } from "@/lib/aws/types";
import { blocked, exists, fail, msg, pass, pending, unobservable, update } from "@/lib/lab/build";
import {
  clockTime,
  dbNotReadyEntry,
  dbNotReadyItem,
  findLabDb,
  needsDbEntry,
  needsDbItem,
} from "@/lib/lab/database-facts";
import { defineStep, type CheckItem, type StepContext } from "@/lib/lab/types";

const STEP_ID = "rds-failover";

/**
 * Where the primary was when the attendee began, so a later AZ can be compared with it. Tied to
 * the instance's create time: a re-created awslab starts afresh.
 */
const baselineSchema = z.object({
  dbId: z.string(),
  createdAt: z.string().optional(),
  az: z.string(),
  since: z.string(),
  rebootRequestedAt: z.string().optional(),
});

type Baseline = z.infer<typeof baselineSchema>;

async function recall(db: DbInstanceSummary, ctx: StepContext): Promise<Baseline | undefined> {
  const remembered = baselineSchema.safeParse(await ctx.memory.read(STEP_ID));
  if (
    remembered.success &&
    remembered.data.dbId === db.id &&
    remembered.data.createdAt === db.createdAt
  ) {
    return remembered.data;
  }
  return undefined;
}

/** The AZ the attendee starts from: remembered the first time awslab is seen with one. */
async function baseline(db: DbInstanceSummary, ctx: StepContext): Promise<Baseline | undefined> {
  const known = await recall(db, ctx);
  if (known || !db.availabilityZone) return known;
  const fresh: Baseline = {
    dbId: db.id,
    ...(db.createdAt ? { createdAt: db.createdAt } : {}),
    az: db.availabilityZone,
    since: new Date().toISOString(),
  };
  await ctx.memory.write(STEP_ID, fresh);
  return fresh;
}

const isFailoverEvent = (event: DbEventSummary) =>
  event.categories.includes("failover") || /failover/i.test(event.message);

// RDS-EVENT-0015 "Multi-AZ failover to standby complete …", RDS-EVENT-0049 "Multi-AZ instance failover completed."
const isCompleted = (event: DbEventSummary) =>
  isFailoverEvent(event) && /complete/i.test(event.message);
// RDS-EVENT-0034 "Abandoning user requested failover since a failover recently occurred …"
const isAbandoned = (event: DbEventSummary) =>
  isFailoverEvent(event) && /abandon/i.test(event.message);

function failoverItem(db: DbInstanceSummary, events: DbEventSummary[], start: Baseline): CheckItem {
  const after = events.filter((event) => event.date >= start.since && isFailoverEvent(event));
  const completed = after.filter(isCompleted).at(-1);
  const now = db.availabilityZone ?? "?";
  const moved = db.availabilityZone !== undefined && db.availabilityZone !== start.az;
  if (completed && moved) {
    return pass(
      "failover",
      msg("check.failover.done", { from: start.az, to: now, at: clockTime(completed.date) }),
    );
  }
  if (completed) {
    return pending(
      "failover",
      msg("check.failover.azNotYet", { az: start.az, at: clockTime(completed.date) }),
    );
  }
  const abandoned = after.filter(isAbandoned).at(-1);
  if (abandoned) {
    return fail(
      "failover",
      msg("check.failover.abandoned", { at: clockTime(abandoned.date) }),
      msg("fix.failover.retry"),
    );
  }
  if (after.length > 0 || db.status === "rebooting" || moved) {
    return pending(
      "failover",
      msg("check.failover.running", { az: start.az, status: db.status ?? "?" }),
    );
  }
  if (start.rebootRequestedAt) {
    return pending(
      "failover",
      msg("check.failover.requested", { at: clockTime(start.rebootRequestedAt) }),
    );
  }
  return fail(
    "failover",
    msg("check.failover.notYet", { az: start.az, since: clockTime(start.since) }),
    msg("fix.failover.reboot"),
  );
}

export const rdsFailoverStep = defineStep({
  id: STEP_ID,
  needs: ["dbInstances", "dbEvents"],
  started: (facts) => facts.dbEvents.some(isFailoverEvent),
  async check(facts, ctx) {
    const db = findLabDb(facts.dbInstances);
    if (!db) return [needsDbItem];
    if (!db.multiAz && db.pendingMultiAz) return [dbNotReadyItem(db)];
    if (!db.multiAz) {
      return [fail("multi-az", msg("check.failover.singleAz"), msg("fix.rds.multiAz"))];
    }
    const start = await baseline(db, ctx);
    if (!start) return [dbNotReadyItem(db)];
    const items: CheckItem[] = [pass("multi-az", msg("check.failover.multiAz", { az: start.az }))];
    if (ctx.sandbox) {
      // The emulator accepts the reboot but never moves the primary nor logs an event.
      items.push(
        start.rebootRequestedAt
          ? unobservable(
              "failover",
              msg("check.failover.sandbox", {
                at: clockTime(start.rebootRequestedAt),
                az: start.az,
              }),
            )
          : fail(
              "failover",
              msg("check.failover.notYet", { az: start.az, since: clockTime(start.since) }),
              msg("fix.failover.reboot"),
            ),
      );
      return items;
    }
    items.push(failoverItem(db, facts.dbEvents, start));
    return items;
  },
  async plan(facts, ctx) {
    const db = findLabDb(facts.dbInstances);
    if (!db) return [needsDbEntry];
    if (!db.multiAz) return [blocked("multi-az", msg("plan.failover.needsMultiAz"))];
    const start = await baseline(db, ctx);
    if (!start) return [dbNotReadyEntry(db)];
    if (facts.dbEvents.some((event) => event.date >= start.since && isCompleted(event))) {
      return [exists("reboot", msg("plan.failover.done"))];
    }
    if (start.rebootRequestedAt) {
      return [
        exists(
          "reboot",
          msg("plan.failover.requested", { at: clockTime(start.rebootRequestedAt) }),
        ),
      ];
    }
    if (db.status !== "available") return [dbNotReadyEntry(db)];
    return [
      update(
        "reboot",
        msg("plan.failover.reboot", { id: db.id, az: start.az }),
        msg("done.failover.rebooted", { id: db.id }),
        async ({ aws, ctx: context }) => {
          await rebootWithFailover(aws, db.id);
          await context.memory.write(STEP_ID, {
            ...start,
            rebootRequestedAt: new Date().toISOString(),
          });
        },
      ),
    ];
  },
});
