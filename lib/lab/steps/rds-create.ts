import { randomInt } from "node:crypto";
import { z } from "zod";
import { createSecurityGroup } from "@/lib/aws/ec2";
import { createDbInstance, modifyDbInstance } from "@/lib/aws/rds";
import type { DbInstanceSummary, SecurityGroupSummary } from "@/lib/aws/types";
import { blocked, create, exists, fail, msg, pass, pending, update, warn } from "@/lib/lab/build";
import { findWebInstance } from "@/lib/lab/compute-facts";
import { findDbGroup, findLabDb, groupsOnDb, vpcOfDb } from "@/lib/lab/database-facts";
import type { Facts } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import { isRdsBusy, rdsProgress } from "@/lib/lab/rds-progress";
import {
  defineStep,
  type CheckItem,
  type PlanEntry,
  type StepContext,
  type StepMemory,
} from "@/lib/lab/types";

const STEP_ID = "rds-create";
const group = LAB.dbSecurityGroup;

/** When the instance entered its current working status, for the progress bar. */
const statusMemory = z.object({ dbId: z.string(), status: z.string(), since: z.string() });

async function statusSince(db: DbInstanceSummary, memory: StepMemory): Promise<string> {
  const status = db.status ?? "?";
  // AWS's own create time, when it gives one, beats the portal's first sight.
  if (status === "creating" && db.createdAt) return db.createdAt;
  const remembered = statusMemory.safeParse(await memory.read(STEP_ID));
  if (remembered.success && remembered.data.dbId === db.id && remembered.data.status === status) {
    return remembered.data.since;
  }
  const since = new Date().toISOString();
  await memory.write(STEP_ID, { dbId: db.id, status, since });
  return since;
}

/** AWS statuses that need the attendee, by the message suffix that says what to do. */
const FAILED_STATUSES: Record<
  string,
  "failed" | "incompatibleParameters" | "storageFull" | "incompatibleNetwork"
> = {
  failed: "failed",
  "incompatible-parameters": "incompatibleParameters",
  "storage-full": "storageFull",
  "incompatible-network": "incompatibleNetwork",
};

async function statusItem(db: DbInstanceSummary, ctx: StepContext): Promise<CheckItem> {
  const status = db.status ?? "?";
  if (status === "available") {
    return pass(
      "status",
      msg("check.rds.status.available", { endpoint: db.endpoint?.address ?? "—" }),
    );
  }
  if (isRdsBusy(status)) {
    return {
      ...pending("status", msg("check.rds.status.busy", { status })),
      progress: rdsProgress(status, await statusSince(db, ctx.memory)),
    };
  }
  const failed = FAILED_STATUSES[status];
  if (failed) {
    return fail(
      "status",
      msg(`check.rds.status.${failed}`, { status }),
      msg(`fix.rds.status.${failed}`),
    );
  }
  if (status === "stopped" || status === "stopping") {
    return fail(
      "status",
      msg("check.rds.status.stopped", { status }),
      msg("fix.rds.status.stopped"),
    );
  }
  return fail("status", msg("check.rds.status.other", { status }), msg("fix.rds.status.other"));
}

const majorMinor = (version: string | undefined) => version?.split(".").slice(0, 2).join(".") ?? "";

function engineItems(db: DbInstanceSummary): CheckItem[] {
  if (db.engine !== "mysql") {
    return [
      fail(
        "engine",
        msg("check.rds.engine.wrong", { engine: db.engine ?? "?" }),
        msg("fix.rds.recreate"),
      ),
    ];
  }
  const version = db.engineVersion ?? "?";
  const series = majorMinor(db.engineVersion);
  const versionItem =
    series === LAB.dbEngineVersion
      ? pass("version", msg("check.rds.version.ok", { version }))
      : series === "8.0"
        ? warn(
            "version",
            msg("check.rds.version.mysql80", { version }),
            msg("fix.rds.version.upgrade"),
          )
        : series === "5.7"
          ? fail(
              "version",
              msg("check.rds.version.mysql57", { version }),
              msg("fix.rds.version.upgrade"),
            )
          : warn("version", msg("check.rds.version.other", { version }));
  return [pass("engine", msg("check.rds.engine.ok")), versionItem];
}

function classItem(db: DbInstanceSummary): CheckItem {
  const instanceClass = db.instanceClass ?? "?";
  if ((LAB.acceptedDbInstanceClasses as readonly string[]).includes(instanceClass)) {
    return pass("class", msg("check.rds.class.ok", { instanceClass }));
  }
  if (instanceClass.startsWith("db.t2.")) {
    return fail("class", msg("check.rds.class.t2", { instanceClass }), msg("fix.rds.class"));
  }
  return warn("class", msg("check.rds.class.other", { instanceClass }), msg("fix.rds.class"));
}

function multiAzItem(db: DbInstanceSummary): CheckItem {
  if (!db.multiAz && db.pendingMultiAz) {
    return pending("multi-az", msg("check.rds.multiAz.converting"));
  }
  if (!db.multiAz) return fail("multi-az", msg("check.rds.multiAz.single"), msg("fix.rds.multiAz"));
  const az = db.availabilityZone ?? "?";
  return pass(
    "multi-az",
    db.secondaryAvailabilityZone
      ? msg("check.rds.multiAz.standby", { az, standby: db.secondaryAvailabilityZone })
      : msg("check.rds.multiAz.ok", { az }),
  );
}

const publicItem = (db: DbInstanceSummary): CheckItem =>
  db.publiclyAccessible
    ? fail("public", msg("check.rds.public.yes"), msg("fix.rds.public"))
    : pass("public", msg("check.rds.public.no"));

function groupItem(
  groups: SecurityGroupSummary[],
  db: DbInstanceSummary,
  dbGroup: SecurityGroupSummary | undefined,
): CheckItem {
  if (!dbGroup)
    return fail(
      "security-group",
      msg("check.rds.sg.missing", { group }),
      msg("fix.rds.sg.missing", { group }),
    );
  if (db.securityGroupIds.includes(dbGroup.id)) {
    return pass("security-group", msg("check.rds.sg.attached", { group, id: dbGroup.id }));
  }
  const attached =
    groupsOnDb(groups, db)
      .map((candidate) => candidate.name)
      .join(", ") || "—";
  return fail(
    "security-group",
    msg("check.rds.sg.notAttached", { group, attached }),
    msg("fix.rds.sg.notAttached", { group }),
  );
}

function storageItems(db: DbInstanceSummary): CheckItem[] {
  const type = db.storageType ?? "?";
  const size = db.allocatedStorageGiB ?? 0;
  const storage =
    type !== "gp3" && type !== "gp2"
      ? warn("storage", msg("check.rds.storage.type", { type, size }), msg("fix.rds.storage"))
      : size > LAB.dbStorageGiB
        ? warn("storage", msg("check.rds.storage.larger", { type, size }), msg("fix.rds.storage"))
        : pass("storage", msg("check.rds.storage.ok", { type, size }));
  const max = db.maxAllocatedStorageGiB;
  const autoscaling =
    max !== undefined && max > size
      ? pass("autoscaling", msg("check.rds.autoscaling.ok", { max }))
      : warn("autoscaling", msg("check.rds.autoscaling.off"), msg("fix.rds.autoscaling"));
  return [storage, autoscaling];
}

const masterUserItem = (db: DbInstanceSummary): CheckItem =>
  db.masterUsername === LAB.dbMasterUsername
    ? pass("master-user", msg("check.rds.masterUser.ok"))
    : warn("master-user", msg("check.rds.masterUser.other", { user: db.masterUsername ?? "?" }));

/** A group reference works only inside one VPC: Web and awslab must share it. */
function vpcItems(facts: Pick<Facts, "instances" | "securityGroups">, db: DbInstanceSummary) {
  const web = findWebInstance(facts.instances);
  const dbVpc = vpcOfDb(facts.securityGroups, db);
  if (!web?.vpcId || !dbVpc) return [];
  return web.vpcId === dbVpc
    ? [pass("vpc", msg("check.rds.vpc.same", { vpc: dbVpc }))]
    : [
        fail(
          "vpc",
          msg("check.rds.vpc.differs", { dbVpc, webVpc: web.vpcId }),
          msg("fix.rds.recreate"),
        ),
      ];
}

function missingDbItem(elsewhere: Facts["dbElsewhere"]): CheckItem {
  const id = LAB.dbInstance;
  if (elsewhere?.found) {
    return fail(
      "instance",
      msg("check.rds.instance.otherRegion", {
        id,
        region: elsewhere.searchedRegion,
        other: elsewhere.otherRegion,
      }),
      msg("fix.rds.instance.otherRegion", { region: elsewhere.searchedRegion }),
    );
  }
  return fail(
    "instance",
    msg("check.rds.instance.missing", { id }),
    msg("fix.rds.instance.missing"),
  );
}

/** RDS refuses `/`, `@`, `"` and spaces in a master password; letters and digits are always fine. */
function masterPassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  return Array.from({ length: 24 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** What do-it-for-me may change on an existing instance: the settings the lab's checks fail on. */
function changeEntries(
  db: DbInstanceSummary,
  dbGroup: SecurityGroupSummary | undefined,
  groups: SecurityGroupSummary[],
): PlanEntry[] {
  const id = db.id;
  const entries: PlanEntry[] = [];
  if (!db.multiAz && !db.pendingMultiAz) {
    entries.push(
      update("multi-az", msg("plan.rds.multiAz"), msg("done.rds.multiAz"), ({ aws }) =>
        modifyDbInstance(aws, id, { multiAz: true }),
      ),
    );
  }
  if (db.publiclyAccessible) {
    entries.push(
      update("public", msg("plan.rds.private"), msg("done.rds.private"), ({ aws }) =>
        modifyDbInstance(aws, id, { publiclyAccessible: false }),
      ),
    );
  }
  if (dbGroup && !db.securityGroupIds.includes(dbGroup.id)) {
    // The VPC's default group was never meant for it; any other group the attendee added stays.
    const kept = groupsOnDb(groups, db)
      .filter((candidate) => candidate.name !== "default")
      .map((candidate) => candidate.id);
    entries.push(
      update(
        "security-group",
        msg("plan.rds.attachGroup", { group }),
        msg("done.rds.attachedGroup", { group }),
        ({ aws }) => modifyDbInstance(aws, id, { securityGroupIds: [dbGroup.id, ...kept] }),
      ),
    );
  }
  if (entries.length === 0 || db.status === "available") return entries;
  // RDS takes modifications only from an available instance.
  return [blocked("changes", msg("plan.rds.waitForAvailable", { status: db.status ?? "?" }))];
}

export const rdsCreateStep = defineStep({
  id: STEP_ID,
  needs: ["dbInstances", "securityGroups", "instances", "dbElsewhere"],
  planNeeds: ["network"],
  started: (facts) =>
    findLabDb(facts.dbInstances) !== undefined ||
    facts.securityGroups.some((candidate) => candidate.name === group),
  async check(facts, ctx) {
    const db = findLabDb(facts.dbInstances);
    const dbGroup = findDbGroup(facts.securityGroups, db);
    if (!db) {
      return [
        missingDbItem(facts.dbElsewhere),
        dbGroup
          ? pass("security-group", msg("check.rds.sg.exists", { group, id: dbGroup.id }))
          : fail(
              "security-group",
              msg("check.rds.sg.missing", { group }),
              msg("fix.rds.sg.missing", { group }),
            ),
      ];
    }
    return [
      pass("instance", msg("check.rds.instance.found", { id: db.id })),
      await statusItem(db, ctx),
      ...engineItems(db),
      classItem(db),
      multiAzItem(db),
      publicItem(db),
      groupItem(facts.securityGroups, db, dbGroup),
      ...storageItems(db),
      masterUserItem(db),
      ...vpcItems(facts, db),
    ];
  },
  plan(facts) {
    const db = findLabDb(facts.dbInstances);
    const dbGroup = findDbGroup(facts.securityGroups, db);
    const entries: PlanEntry[] = [];
    const defaultVpc = facts.network.vpcs.find((vpc) => vpc.isDefault)?.id;
    if (dbGroup) {
      entries.push(exists("security-group", msg("plan.rds.sg.exists", { group, id: dbGroup.id })));
    } else if (defaultVpc) {
      entries.push(
        create(
          "security-group",
          msg("plan.rds.sg.create", { group }),
          msg("done.rds.sg.created", { group }),
          async ({ aws, tags, results }) => {
            results.set(
              "security-group",
              await createSecurityGroup(aws, {
                name: group,
                description: LAB.dbSecurityGroupDescription,
                vpcId: defaultVpc,
                tags,
              }),
            );
          },
        ),
      );
    } else {
      entries.push(blocked("security-group", msg("plan.rds.noDefaultVpc")));
      if (!db) return entries;
    }

    if (db) {
      entries.push(
        exists(
          "instance",
          msg("plan.rds.instance.exists", { id: db.id, status: db.status ?? "?" }),
        ),
      );
      entries.push(...changeEntries(db, dbGroup, facts.securityGroups));
      return entries;
    }
    const settings = {
      id: LAB.dbInstance,
      version: LAB.dbEngineVersion,
      instanceClass: LAB.dbInstanceClass,
      size: LAB.dbStorageGiB,
      group,
    };
    entries.push(
      create(
        "instance",
        msg("plan.rds.instance.create", settings),
        msg("done.rds.instance.created", settings),
        async ({ aws, ctx, tags, results, handOver }) => {
          const securityGroupId = dbGroup?.id ?? results.get("security-group");
          if (!securityGroupId) throw new Error("no security group for the new DB instance");
          const password = masterPassword();
          await createDbInstance(aws, {
            id: LAB.dbInstance,
            engineVersion: LAB.dbEngineVersion,
            instanceClass: LAB.dbInstanceClass,
            allocatedStorageGiB: LAB.dbStorageGiB,
            maxAllocatedStorageGiB: LAB.dbMaxStorageGiB,
            storageType: LAB.dbStorageType,
            masterUsername: LAB.dbMasterUsername,
            masterPassword: password,
            securityGroupId,
            tags,
          });
          await handOver({
            filename: `${LAB.dbInstance}-master-password.txt`,
            content: `RDS ${LAB.dbInstance}\nMaster username: ${LAB.dbMasterUsername}\nMaster password: ${password}\n`,
          });
          await ctx.memory.write(STEP_ID, {
            dbId: LAB.dbInstance,
            status: "creating",
            since: new Date().toISOString(),
          });
        },
      ),
    );
    return entries;
  },
});
