import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  createLabBucket,
  enableWebsite,
  putBucketPolicy,
  putPublicAccessBlock,
  putTextObject,
  setContentType,
} from "@/lib/aws/s3";
import type { WebsiteBucketConfig } from "@/lib/aws/types";
import { APP_SERVICES, appServicesNames } from "@/lib/lab/app-services";
import {
  blocked,
  create,
  exists,
  fail,
  manual,
  msg,
  pass,
  unobservable,
  update,
  warn,
} from "@/lib/lab/build";
import type { Facts } from "@/lib/lab/facts";
import type { MaintenanceSite } from "@/lib/lab/maintenance-names";
import {
  addPermStatement,
  anonymousMay,
  publicReadOf,
  withStatement,
  type PublicRead,
} from "@/lib/lab/storage-facts";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";

const PAGE = APP_SERVICES.maintenanceDocument;
const SEOUL = APP_SERVICES.websiteRegion;

type ReadSite = Extract<MaintenanceSite, { state: "read" }>;
type Level = "account" | "bucket";

const isHtml = (contentType: string | undefined) =>
  contentType?.split(";")[0]?.trim().toLowerCase() === "text/html";

function readOf(site: ReadSite, config: WebsiteBucketConfig): PublicRead {
  return publicReadOf({
    bucket: site.bucket,
    access: config.access,
    bucketBlock: config.publicAccessBlock,
    account: site.account,
    key: PAGE,
  });
}

/** The switch AWS applies first wins: the account's before the bucket's. */
const firstLevel = (levels: Level[]): Level | undefined =>
  levels.includes("account") ? "account" : levels[0];

function missingBucketItem(site: ReadSite): CheckItem {
  const { bucket } = site;
  if (site.region) {
    return fail(
      "bucket",
      msg("check.maint.bucket.region", { bucket, region: site.region }),
      msg("fix.maint.bucket.region", { bucket }),
    );
  }
  const [similar] = site.similar;
  if (similar) {
    return fail(
      "bucket",
      msg("check.maint.bucket.misnamed", { bucket, found: similar }),
      msg("fix.maint.bucket.create", { bucket }),
    );
  }
  return fail(
    "bucket",
    msg("check.maint.bucket.missing", { bucket }),
    msg("fix.maint.bucket.create", { bucket }),
  );
}

function pageItem(bucket: string, config: WebsiteBucketConfig): CheckItem {
  if (!config.page) {
    return fail("page", msg("check.maint.page.missing", { bucket }), msg("fix.maint.page.upload"));
  }
  const contentType = config.page.contentType ?? "";
  if (!isHtml(contentType)) {
    return fail(
      "page",
      msg("check.maint.page.contentType", { contentType: contentType || "—" }),
      msg("fix.maint.page.contentType"),
    );
  }
  return pass("page", msg("check.maint.page.ok", { contentType }));
}

function websiteItem(bucket: string, config: WebsiteBucketConfig): CheckItem {
  const website = config.website;
  const fix = msg("fix.maint.website", { bucket });
  if (!website) return fail("website", msg("check.maint.website.off"), fix);
  if (website.redirectAllTo) {
    return fail(
      "website",
      msg("check.maint.website.redirect", { host: website.redirectAllTo }),
      fix,
    );
  }
  if (website.indexDocument !== PAGE) {
    return fail(
      "website",
      msg("check.maint.website.index", { index: website.indexDocument ?? "—" }),
      fix,
    );
  }
  return pass("website", msg("check.maint.website.ok"));
}

/** Whether anyone may GET the page, and when not, the one switch or statement that stops them. */
function publicItem(read: PublicRead, bucket: string): CheckItem {
  if (read.viaPolicy) return pass("public-read", msg("check.maint.public.viaPolicy"));
  if (read.viaAcl) return pass("public-read", msg("check.maint.public.viaAcl"));
  const fixPolicy = msg("fix.maint.public.policy", { bucket });
  const fixBpa = (level: Level) =>
    level === "account"
      ? msg("fix.maint.public.accountBpa")
      : msg("fix.maint.public.bucketBpa", { bucket });
  const ignoredAt = firstLevel(read.policyIgnoredAt);
  if (read.policy?.verdict === "allowed" && ignoredAt) {
    return fail("public-read", msg(`check.maint.public.ignored.${ignoredAt}`), fixBpa(ignoredAt));
  }
  const blockedAt = firstLevel(read.policyBlockedAt);
  switch (read.policy?.verdict) {
    case "explicit-deny":
      return fail("public-read", msg("check.maint.public.deny"), fixPolicy);
    case "bucket-arn-only":
      return fail("public-read", msg("check.maint.public.bucketArnOnly", { bucket }), fixPolicy);
    case "other-bucket":
      return fail(
        "public-read",
        msg("check.maint.public.otherBucket", { bucket, others: read.policy.buckets.join(", ") }),
        fixPolicy,
      );
    case "action-missing":
      return fail(
        "public-read",
        msg("check.maint.public.actionMissing", { granted: read.policy.granted.join(", ") }),
        fixPolicy,
      );
    default:
      if (read.acl && read.aclsDisabled) {
        return fail("public-read", msg("check.maint.public.aclDisabled"), fixPolicy);
      }
      return fail(
        "public-read",
        msg(blockedAt ? `check.maint.public.none.${blockedAt}` : "check.maint.public.none"),
        blockedAt ? fixBpa(blockedAt) : fixPolicy,
      );
  }
}

/** Anyone may do more than read: the lab's policy grants s3:GetObject only. */
const WRITE_ACTIONS = ["s3:PutObject", "s3:DeleteObject"];

function tooBroadItems(bucket: string, config: WebsiteBucketConfig, read: PublicRead): CheckItem[] {
  const policy = config.access.policy;
  if (!policy || !read.viaPolicy) return [];
  const granted = WRITE_ACTIONS.filter((action) => anonymousMay(policy, action, bucket, PAGE));
  return granted.length > 0
    ? [
        warn(
          "policy-scope",
          msg("check.maint.public.tooBroad", { actions: granted.join(", ") }),
          msg("fix.maint.public.tooBroad", { bucket }),
        ),
      ]
    : [];
}

/** On AWS, the website endpoint itself; the emulator has none, so the sandbox can't see it. */
async function servedItem(websiteHost: string, ctx: StepContext): Promise<CheckItem> {
  const url = `http://${websiteHost}/`;
  if (ctx.sandbox) return unobservable("served", msg("check.maint.served.sandbox", { url }));
  const result = await ctx.probe(url);
  if (!result.ok) {
    return fail(
      "served",
      msg("check.maint.served.refused", { url, status: result.status ?? result.reason }),
      msg("fix.maint.served"),
    );
  }
  return result.looksLikeSampleApp
    ? pass("served", msg("check.maint.served.ok", { url }))
    : warn("served", msg("check.maint.served.otherPage", { url }));
}

function accountUnreadableItems(site: ReadSite): CheckItem[] {
  return site.account && !site.account.readable
    ? [warn("account-bpa", msg("check.maint.accountUnreadable", { code: site.account.code }))]
    : [];
}

type SiteFacts = Pick<Facts, "maintenanceSite">;

function unreadableItem(why: Extract<MaintenanceSite, { state: "unreadable" }>["why"]): CheckItem {
  return why === "no-initials"
    ? fail("initials", msg("check.maint.initials.missing"), msg("fix.maint.initials"))
    : fail("initials", msg("check.maint.noZone"));
}

async function checkSite(facts: SiteFacts, ctx: StepContext): Promise<CheckItem[]> {
  const site = facts.maintenanceSite;
  if (site.state === "unreadable") return [unreadableItem(site.why)];
  const { bucket, config } = site;
  if (!config) return [missingBucketItem(site)];
  const read = readOf(site, config);
  const items = [
    pass("bucket", msg("check.maint.bucket.ok", { bucket, region: SEOUL })),
    pageItem(bucket, config),
    websiteItem(bucket, config),
    ...accountUnreadableItems(site),
    publicItem(read, bucket),
    ...tooBroadItems(bucket, config, read),
  ];
  if (items.some((item) => item.status === "fail") || !ctx.initials || !ctx.sharedZone)
    return items;
  const { websiteHost } = appServicesNames(ctx.initials, ctx.sharedZone.domain);
  return [...items, await servedItem(websiteHost, ctx)];
}

const samplePage = () => readFile(path.join(process.cwd(), "sample-app", PAGE), "utf8");

function pageEntries(bucket: string, config: WebsiteBucketConfig | undefined): PlanEntry[] {
  if (config?.page && isHtml(config.page.contentType)) {
    return [exists("page", msg("plan.maint.page.exists", { bucket }))];
  }
  if (config?.page) {
    return [
      update(
        "page",
        msg("plan.maint.page.contentType", { bucket }),
        msg("done.maint.page.contentType", { bucket }),
        ({ aws }) =>
          setContentType(aws.inRegion(SEOUL), { bucket, key: PAGE, contentType: "text/html" }),
      ),
    ];
  }
  return [
    create(
      "page",
      msg("plan.maint.page.upload", { bucket }),
      msg("done.maint.page.upload", { bucket }),
      async ({ aws }) => putTextObject(aws.inRegion(SEOUL), bucket, PAGE, await samplePage()),
    ),
  ];
}

function websiteEntries(bucket: string, config: WebsiteBucketConfig | undefined): PlanEntry[] {
  const website = config?.website;
  if (website && !website.redirectAllTo && website.indexDocument === PAGE) {
    return [exists("website", msg("plan.maint.website.exists", { bucket }))];
  }
  return [
    update(
      "website",
      msg("plan.maint.website", { bucket }),
      msg("done.maint.website", { bucket }),
      ({ aws }) => enableWebsite(aws.inRegion(SEOUL), bucket, PAGE),
    ),
  ];
}

/** As Module 3 does it: the bucket's two policy switches off, never the account's; AddPerm added. */
function publicEntries(site: ReadSite, config: WebsiteBucketConfig | undefined): PlanEntry[] {
  const { bucket } = site;
  const read = config && readOf(site, config);
  if (read?.viaPolicy || read?.viaAcl) {
    return [exists("public-read", msg("plan.maint.public.exists", { bucket }))];
  }
  const account = site.account;
  if (
    account?.readable &&
    (account.flags.blockPublicPolicy || account.flags.restrictPublicBuckets)
  ) {
    return [blocked("account-bpa", msg("plan.maint.public.accountBlocks"))];
  }
  if (read?.policy?.verdict === "explicit-deny") {
    return [manual("policy", msg("plan.maint.public.deny", { bucket }))];
  }
  // A bucket do it for me creates starts as the console makes one: every switch on.
  const bucketBlock = config?.publicAccessBlock;
  const entries: PlanEntry[] = [];
  if (!bucketBlock || bucketBlock.blockPublicPolicy || bucketBlock.restrictPublicBuckets) {
    entries.push(
      update(
        "bucket-bpa",
        msg("plan.maint.public.bpaOff", { bucket }),
        msg("done.maint.public.bpaOff", { bucket }),
        ({ aws }) =>
          putPublicAccessBlock(aws.inRegion(SEOUL), bucket, {
            blockPublicAcls: bucketBlock?.blockPublicAcls ?? true,
            ignorePublicAcls: bucketBlock?.ignorePublicAcls ?? true,
            blockPublicPolicy: false,
            restrictPublicBuckets: false,
          }),
      ),
    );
  }
  if (read?.policy?.verdict !== "allowed") {
    entries.push(
      update(
        "policy",
        msg("plan.maint.public.addPerm", { bucket }),
        msg("done.maint.public.addPerm", { bucket }),
        ({ aws }) =>
          putBucketPolicy(
            aws.inRegion(SEOUL),
            bucket,
            withStatement(config?.access.policy, addPermStatement(bucket)),
          ),
      ),
    );
  }
  return entries;
}

function planSite(facts: SiteFacts): PlanEntry[] {
  const site = facts.maintenanceSite;
  if (site.state === "unreadable") {
    return [
      blocked(
        "initials",
        msg(site.why === "no-initials" ? "plan.maint.needsInitials" : "plan.maint.noZone"),
      ),
    ];
  }
  const { bucket, config } = site;
  if (site.region && site.region !== SEOUL) {
    return [manual("bucket", msg("plan.maint.bucket.region", { bucket, region: site.region }))];
  }
  const bucketEntry = config
    ? exists("bucket", msg("plan.maint.bucket.exists", { bucket }))
    : create(
        "bucket",
        msg("plan.maint.bucket.create", { bucket }),
        msg("done.maint.bucket.create", { bucket }),
        ({ aws, tags }) =>
          createLabBucket(aws.inRegion(SEOUL), { name: bucket, region: SEOUL, tags }),
      );
  return [
    bucketEntry,
    ...pageEntries(bucket, config),
    ...websiteEntries(bucket, config),
    ...publicEntries(site, config),
  ];
}

export const maintenancePageStep = defineStep({
  id: "maintenance-page",
  needs: ["maintenanceSite"],
  started: (facts) =>
    facts.maintenanceSite.state === "read" &&
    (facts.maintenanceSite.region !== undefined || facts.maintenanceSite.similar.length > 0),
  check: checkSite,
  plan: planSite,
});
