import { changeRecordSets, type RecordChange, type RecordSetInput } from "@/lib/aws/route53";
import type { HealthCheckSummary, RecordSetSummary } from "@/lib/aws/types";
import { APP_SERVICES, appServicesNames, type AppServicesNames } from "@/lib/lab/app-services";
import { blocked, exists, fail, manual, msg, pass, unobservable, update } from "@/lib/lab/build";
import { forgetDnsAnswer } from "@/lib/lab/dns-answer";
import type { Facts } from "@/lib/lab/facts";
import { defineStep, type CheckItem, type PlanEntry } from "@/lib/lab/types";
import {
  classmateEntry,
  exactly,
  judgeValues,
  noElasticIpEntry,
  recordsByRole,
  webElasticIp,
  zoneReadiness,
} from "@/lib/lab/zone-records";

/** The S3 website endpoint of Seoul as the console's alias list names it. */
const WEBSITE_ENDPOINT = `s3-website.${APP_SERVICES.websiteRegion}.amazonaws.com`;

const regionOfWebsite = (dnsName: string) =>
  /(?:^|\.)s3-website[.-]([a-z0-9-]+)\.amazonaws\.com$/.exec(dnsName)?.[1];

/** The console's endpoint, or the bucket's own website host (what the API also accepts). */
const isSeoulWebsite = (dnsName: string, names: AppServicesNames) =>
  dnsName === WEBSITE_ENDPOINT || dnsName === names.websiteHost;

type HealthChecks = {
  mine?: HealthCheckSummary;
  inOwnAccount?: HealthCheckSummary;
  all: HealthCheckSummary[];
};

/** A record can use only a health check of its zone's account: the instructor's, named like the record. */
function healthChecksFor(
  facts: Pick<Facts, "instructorHealthChecks" | "healthChecks">,
  record: string,
): HealthChecks {
  const all =
    facts.instructorHealthChecks.state === "read" ? facts.instructorHealthChecks.healthChecks : [];
  return {
    mine: all.find((check) => check.name === record),
    inOwnAccount: facts.healthChecks.find((check) => check.name === record),
    all,
  };
}

function primaryHealthCheckItem(
  primary: RecordSetSummary,
  checks: HealthChecks,
  record: string,
): CheckItem {
  const id = "primary-health-check";
  const associated = primary.healthCheckId;
  if (associated && associated === checks.mine?.id) {
    return pass(id, msg("check.failoverRouting.healthCheck", { name: record }));
  }
  if (!associated || associated === checks.inOwnAccount?.id) {
    if (checks.mine) {
      return fail(
        id,
        msg("check.failoverRouting.noHealthCheck", { name: record }),
        msg("fix.failoverRouting.associate", { name: record }),
      );
    }
    if (checks.inOwnAccount) {
      return fail(
        id,
        msg("check.failoverRouting.healthCheckInOwnAccount", { name: record }),
        msg("fix.failoverRouting.healthCheckInOwnAccount"),
      );
    }
    return fail(
      id,
      msg("check.failoverRouting.noHealthCheckYet", { name: record }),
      msg("fix.failoverRouting.healthCheckFirst"),
    );
  }
  const other = checks.all.find((check) => check.id === associated);
  if (other?.name) {
    return fail(
      id,
      msg("check.failoverRouting.otherHealthCheck", { name: other.name, id: associated }),
      msg("fix.failoverRouting.associate", { name: record }),
    );
  }
  return fail(
    id,
    msg(
      other
        ? "check.failoverRouting.unnamedHealthCheck"
        : "check.failoverRouting.unknownHealthCheck",
      {
        id: associated,
      },
    ),
    msg("fix.failoverRouting.associate", { name: record }),
  );
}

/** Secondary: an alias to Seoul's S3 website endpoint, target health not evaluated, no health check. */
function secondaryItems(
  secondary: RecordSetSummary | undefined,
  names: AppServicesNames,
): CheckItem[] {
  const record = names.record;
  if (!secondary) {
    return [
      fail(
        "secondary",
        msg("check.failoverRouting.secondaryMissing", { name: record }),
        msg("fix.failoverRouting.secondary"),
      ),
    ];
  }
  if (!secondary.alias) {
    return [
      fail(
        "secondary",
        msg("check.failoverRouting.secondaryNotAlias", { values: secondary.values.join(", ") }),
        msg("fix.failoverRouting.secondaryAlias"),
      ),
    ];
  }
  const alias = secondary.alias;
  const items: CheckItem[] = [pass("secondary", msg("check.failoverRouting.secondary"))];
  const region = regionOfWebsite(alias.dnsName);
  if (!isSeoulWebsite(alias.dnsName, names)) {
    items.push(
      fail(
        "secondary-target",
        region
          ? msg("check.failoverRouting.otherRegion", { target: alias.dnsName, region })
          : msg("check.failoverRouting.notWebsite", { target: alias.dnsName }),
        msg("fix.failoverRouting.target", { endpoint: WEBSITE_ENDPOINT }),
      ),
    );
  } else if (alias.hostedZoneId !== APP_SERVICES.websiteHostedZoneId) {
    items.push(
      fail(
        "secondary-target",
        msg("check.failoverRouting.aliasZone", {
          zoneId: alias.hostedZoneId,
          expected: APP_SERVICES.websiteHostedZoneId,
        }),
        msg("fix.failoverRouting.target", { endpoint: WEBSITE_ENDPOINT }),
      ),
    );
  } else {
    items.push(
      pass("secondary-target", msg("check.failoverRouting.target", { target: alias.dnsName })),
    );
  }
  items.push(
    alias.evaluateTargetHealth
      ? fail(
          "evaluate-target-health",
          msg("check.failoverRouting.evaluateOn"),
          msg("fix.failoverRouting.evaluateOff"),
        )
      : pass("evaluate-target-health", msg("check.failoverRouting.evaluateOff")),
  );
  if (secondary.healthCheckId) {
    items.push(
      fail(
        "secondary-health-check",
        msg("check.failoverRouting.secondaryHealthCheck", { id: secondary.healthCheckId }),
        msg("fix.failoverRouting.secondaryHealthCheck"),
      ),
    );
  }
  return items;
}

function dnsItem(
  facts: Pick<Facts, "recordDnsAnswer">,
  elasticIp: string | undefined,
): CheckItem[] {
  const answer = facts.recordDnsAnswer;
  if (answer.state === "sandbox") {
    return [unobservable("failover", msg("check.failoverRouting.sandbox"))];
  }
  if (answer.state === "not-asked") return [];
  if (answer.responseCode !== "NOERROR" || answer.values.length === 0) {
    return [
      fail(
        "failover",
        msg("check.failoverRouting.noAnswer", { code: answer.responseCode }),
        msg("fix.failoverRouting.noAnswer"),
      ),
    ];
  }
  const values = answer.values.join(", ");
  return [
    pass(
      "failover",
      msg(
        elasticIp && answer.values.includes(elasticIp)
          ? "check.failoverRouting.answersPrimary"
          : "check.failoverRouting.answersSecondary",
        { values },
      ),
    ),
  ];
}

const isRightPrimary = (primary: RecordSetSummary, elasticIp: string, healthCheckId: string) =>
  !primary.alias &&
  primary.values.length === 1 &&
  primary.values[0] === elasticIp &&
  primary.ttl === APP_SERVICES.recordTtl &&
  primary.healthCheckId === healthCheckId;

const isRightSecondary = (secondary: RecordSetSummary, names: AppServicesNames) =>
  Boolean(
    secondary.alias &&
    isSeoulWebsite(secondary.alias.dnsName, names) &&
    secondary.alias.hostedZoneId === APP_SERVICES.websiteHostedZoneId &&
    !secondary.alias.evaluateTargetHealth &&
    !secondary.healthCheckId,
  );

export const failoverRoutingStep = defineStep({
  id: "failover-routing",
  needs: [
    "zoneRecords",
    "instructorAccess",
    "instructorHealthChecks",
    "healthChecks",
    "instances",
    "addresses",
    "buckets",
    "recordDnsAnswer",
  ],
  started: (facts) =>
    facts.zoneRecords.state === "read" &&
    facts.zoneRecords.records.some((record) => record.routing === "failover"),
  check(facts, ctx) {
    const zone = zoneReadiness(facts, ctx);
    if (!zone.ready) return [zone.item];
    const names = appServicesNames(ctx.initials ?? "", zone.zone.domain);
    const record = zone.name;
    const byRole = recordsByRole(zone.records);
    const items: CheckItem[] = [];
    if (byRole.primary) {
      items.push(
        pass(
          "primary",
          msg("check.failoverRouting.primary", { id: byRole.primary.setIdentifier ?? "" }),
        ),
        primaryHealthCheckItem(byRole.primary, healthChecksFor(facts, record), record),
      );
    } else {
      items.push(
        fail(
          "primary",
          msg(
            byRole.simple
              ? "check.failoverRouting.stillSimple"
              : "check.failoverRouting.primaryMissing",
            {
              name: record,
            },
          ),
          msg("fix.failoverRouting.primary"),
        ),
      );
    }
    items.push(...secondaryItems(byRole.secondary, names));
    if (byRole.simple && (byRole.primary || byRole.secondary)) {
      items.push(
        fail(
          "simple-left",
          msg("check.failoverRouting.simpleLeft", { values: byRole.simple.values.join(", ") }),
          msg("fix.failoverRouting.simpleLeft"),
        ),
      );
    }
    const bucket = names.bucket;
    items.push(
      facts.buckets.some((candidate) => candidate.name === bucket)
        ? pass("maintenance-bucket", msg("check.failoverRouting.bucket", { bucket }))
        : fail(
            "maintenance-bucket",
            msg("check.failoverRouting.bucketMissing", { bucket }),
            msg("fix.failoverRouting.bucket"),
          ),
    );
    items.push(...dnsItem(facts, webElasticIp(facts)));
    return items;
  },
  async plan(facts, ctx) {
    const zone = zoneReadiness(facts, ctx);
    if (!zone.ready) return [zone.entry];
    const elasticIp = webElasticIp(facts);
    if (!elasticIp) return [noElasticIpEntry];
    const names = appServicesNames(ctx.initials ?? "", zone.zone.domain);
    const record = zone.name;
    const checks = healthChecksFor(facts, record);
    if (!checks.mine) {
      return [
        blocked(
          "health-check",
          msg(
            checks.inOwnAccount
              ? "plan.failoverRouting.healthCheckInOwnAccount"
              : "plan.failoverRouting.needsHealthCheck",
            {
              name: record,
            },
          ),
        ),
      ];
    }
    const byRole = recordsByRole(zone.records);
    for (const current of [byRole.simple, byRole.primary]) {
      if (!current || current.alias) continue;
      const verdict = await judgeValues(current.values, elasticIp, ctx);
      if (verdict.kind === "classmate") return [classmateEntry(verdict.ip, verdict.owner)];
    }
    const entries: PlanEntry[] = [];
    const bucket = names.bucket;
    if (!facts.buckets.some((candidate) => candidate.name === bucket)) {
      entries.push(
        manual("maintenance-bucket", msg("plan.failoverRouting.bucketMissing", { bucket })),
      );
    }
    const primaryRight =
      byRole.primary && isRightPrimary(byRole.primary, elasticIp, checks.mine.id);
    const secondaryRight = byRole.secondary && isRightSecondary(byRole.secondary, names);
    if (primaryRight && secondaryRight && !byRole.simple) {
      return [...entries, exists("records", msg("plan.failoverRouting.exists", { name: record }))];
    }
    const label = ctx.initials ?? record;
    const changes: RecordChange[] = [];
    // Route 53 refuses a simple record next to failover ones: the swap is one batch.
    for (const leftover of [byRole.simple, byRole.cname]) {
      if (leftover) changes.push({ action: "DELETE", record: exactly(leftover) });
    }
    const primary: RecordSetInput = {
      name: record,
      type: "A",
      ttl: APP_SERVICES.recordTtl,
      values: [elasticIp],
      setIdentifier: byRole.primary?.setIdentifier ?? `${label}-primary`,
      failover: "PRIMARY",
      healthCheckId: checks.mine.id,
    };
    const secondary: RecordSetInput = {
      name: record,
      type: "A",
      setIdentifier: byRole.secondary?.setIdentifier ?? `${label}-secondary`,
      failover: "SECONDARY",
      alias: {
        dnsName: WEBSITE_ENDPOINT,
        hostedZoneId: APP_SERVICES.websiteHostedZoneId,
        evaluateTargetHealth: false,
      },
    };
    // The emulator's DELETE of the simple record takes every A record of the name with it.
    if (!primaryRight || byRole.simple) changes.push({ action: "UPSERT", record: primary });
    if (!secondaryRight || byRole.simple) changes.push({ action: "UPSERT", record: secondary });
    const params = { name: record, healthCheck: checks.mine.name ?? checks.mine.id };
    entries.push(
      update(
        "records",
        msg(byRole.simple ? "plan.failoverRouting.fromSimple" : "plan.failoverRouting.fix", params),
        msg("done.failoverRouting.applied", params),
        async () => {
          await changeRecordSets(
            zone.aws,
            zone.zone.zoneId,
            changes,
            `AWS 101: failover for ${record}`,
          );
          forgetDnsAnswer(zone.zone.zoneId, record);
        },
      ),
    );
    return entries;
  },
});
