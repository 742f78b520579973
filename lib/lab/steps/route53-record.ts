import { changeRecordSets, type RecordChange } from "@/lib/aws/route53";
import type { RecordSetSummary } from "@/lib/aws/types";
import { APP_SERVICES } from "@/lib/lab/app-services";
import { blocked, create, exists, fail, msg, pass, update } from "@/lib/lab/build";
import { forgetDnsAnswer } from "@/lib/lab/dns-answer";
import { defineStep, type CheckItem, type StepContext } from "@/lib/lab/types";
import {
  classmateEntry,
  exactly,
  judgeValues,
  noElasticIpEntry,
  noElasticIpItem,
  ownerName,
  recordsByRole,
  webElasticIp,
  zoneReadiness,
} from "@/lib/lab/zone-records";

const TTL = APP_SERVICES.recordTtl;
/** What the console's "레코드 생성" fills in when the attendee leaves TTL alone. */
const CONSOLE_DEFAULT_TTL = 300;

/** Why there is no A record the step can judge, from what does sit under the name. */
function missingItem(name: string, byRole: ReturnType<typeof recordsByRole>): CheckItem {
  if (byRole.otherRouting) {
    return fail(
      "record",
      msg("check.record.otherRouting", { name, routing: byRole.otherRouting.routing }),
      msg("fix.record.otherRouting"),
    );
  }
  if (byRole.cname) {
    return fail(
      "record",
      msg("check.record.cname", { name, target: byRole.cname.values.join(", ") }),
      msg("fix.record.cname"),
    );
  }
  if (byRole.aaaa) {
    return fail("record", msg("check.record.aaaa", { name }), msg("fix.record.aaaa"));
  }
  if (byRole.secondary) {
    return fail("record", msg("check.record.noPrimary", { name }), msg("fix.record.noPrimary"));
  }
  return fail("record", msg("check.record.missing", { name }), msg("fix.record.missing"));
}

async function valueItem(
  record: RecordSetSummary,
  elasticIp: string,
  ctx: StepContext,
): Promise<CheckItem> {
  const verdict = await judgeValues(record.values, elasticIp, ctx);
  const name = record.name;
  switch (verdict.kind) {
    case "right":
      return pass(
        "record",
        msg(record.failover ? "check.record.pointsPrimary" : "check.record.points", {
          name,
          ip: elasticIp,
        }),
      );
    case "classmate":
      return fail(
        "record",
        msg("check.record.classmateIp", { name, ip: verdict.ip, owner: ownerName(verdict.owner) }),
        msg("fix.record.wrongIp", { ip: elasticIp }),
      );
    case "extra":
      return fail(
        "record",
        msg("check.record.extraValues", { name, values: verdict.values }),
        msg("fix.record.wrongIp", { ip: elasticIp }),
      );
    case "own":
      return fail(
        "record",
        msg("check.record.ownOtherIp", { name, ip: verdict.ip }),
        msg("fix.record.wrongIp", { ip: elasticIp }),
      );
    case "unknown":
      return fail(
        "record",
        msg("check.record.unknownIp", { name, ip: verdict.ip }),
        msg("fix.record.wrongIp", { ip: elasticIp }),
      );
  }
}

function ttlItem(record: RecordSetSummary): CheckItem {
  if (record.ttl === TTL) return pass("ttl", msg("check.record.ttl", { ttl: TTL }));
  return fail(
    "ttl",
    msg(
      record.ttl === CONSOLE_DEFAULT_TTL
        ? "check.record.ttlConsoleDefault"
        : "check.record.ttlWrong",
      {
        ttl: record.ttl ?? 0,
        expected: TTL,
      },
    ),
    msg("fix.record.ttl", { expected: TTL }),
  );
}

export const route53RecordStep = defineStep({
  id: "route53-record",
  needs: ["zoneRecords", "instructorAccess", "instances", "addresses"],
  started: (facts) => facts.zoneRecords.state === "read" && facts.zoneRecords.records.length > 0,
  async check(facts, ctx) {
    const zone = zoneReadiness(facts, ctx);
    if (!zone.ready) return [zone.item];
    const elasticIp = webElasticIp(facts);
    if (!elasticIp) return [noElasticIpItem];
    const items: CheckItem[] = [pass("address", msg("check.record.elasticIp", { ip: elasticIp }))];
    const byRole = recordsByRole(zone.records);
    // After failover routing (step 6) the record lives on as the PRIMARY: it must still pass here.
    const record = byRole.simple ?? byRole.primary;
    if (!record) return [...items, missingItem(zone.name, byRole)];
    if (record.alias) {
      items.push(
        fail(
          "record",
          msg("check.record.alias", { name: zone.name, target: record.alias.dnsName }),
          msg("fix.record.alias", { ip: elasticIp }),
        ),
      );
      return items;
    }
    items.push(await valueItem(record, elasticIp, ctx), ttlItem(record));
    return items;
  },
  async plan(facts, ctx) {
    const zone = zoneReadiness(facts, ctx);
    if (!zone.ready) return [zone.entry];
    const elasticIp = webElasticIp(facts);
    if (!elasticIp) return [noElasticIpEntry];
    const byRole = recordsByRole(zone.records);
    const record = byRole.simple ?? byRole.primary;
    if (record && !record.alias) {
      const verdict = await judgeValues(record.values, elasticIp, ctx);
      if (verdict.kind === "classmate") return [classmateEntry(verdict.ip, verdict.owner)];
      if (verdict.kind === "right" && record.ttl === TTL) {
        return [exists("record", msg("plan.record.exists", { name: zone.name, ip: elasticIp }))];
      }
    }
    if (!record && byRole.secondary) {
      return [blocked("record", msg("plan.record.finishFailover", { name: zone.name }))];
    }
    if (!record && byRole.otherRouting) {
      return [
        blocked(
          "record",
          msg("plan.record.otherRouting", {
            name: zone.name,
            routing: byRole.otherRouting.routing,
          }),
        ),
      ];
    }
    const changes: RecordChange[] = [];
    // A CNAME can't share its name with any other record: it goes in the same batch.
    if (byRole.cname && !record) changes.push({ action: "DELETE", record: exactly(byRole.cname) });
    const keepFailover =
      record?.failover === "PRIMARY"
        ? {
            setIdentifier: record.setIdentifier,
            failover: "PRIMARY" as const,
            healthCheckId: record.healthCheckId,
          }
        : {};
    changes.push({
      action: "UPSERT",
      record: { name: zone.name, type: "A", ttl: TTL, values: [elasticIp], ...keepFailover },
    });
    const run = async () => {
      await changeRecordSets(zone.aws, zone.zone.zoneId, changes, `AWS 101: ${zone.name}`);
      forgetDnsAnswer(zone.zone.zoneId, zone.name);
    };
    const params = { name: zone.name, ip: elasticIp, ttl: TTL };
    if (!record) {
      return [
        create(
          "record",
          msg(byRole.cname ? "plan.record.replaceCname" : "plan.record.create", params),
          msg("done.record.created", params),
          run,
        ),
      ];
    }
    return [
      update("record", msg("plan.record.update", params), msg("done.record.updated", params), run),
    ];
  },
});
