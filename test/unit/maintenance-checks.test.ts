import { describe, expect, it } from "vitest";
import { ALL_BLOCKED } from "@/lib/aws/s3";
import { NO_BLOCK } from "@/lib/aws/s3-control";
import type { WebsiteBucketConfig } from "@/lib/aws/types";
import { similarBucketNames, type MaintenanceSite } from "@/lib/lab/maintenance-names";
import { stepDefinition } from "@/lib/lab/registry";
import { stepStateOf, type StepContext } from "@/lib/lab/types";
import { context, facts } from "./snapshot-fixtures";

const BUCKET = "kim.aws101.example";
const HOST = `${BUCKET}.s3-website.ap-northeast-2.amazonaws.com`;
const ZONE = {
  domain: "aws101.example",
  zoneId: "Z1",
  instructorAccountId: "210987654321",
  roleName: "awslab_crossaccount_role",
};
const OFF = NO_BLOCK;
const ON = ALL_BLOCKED;
const addPerm = (
  Action: unknown = ["s3:GetObject"],
  Resource: unknown = [`arn:aws:s3:::${BUCKET}/*`],
) => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "AddPerm", Effect: "Allow", Principal: "*", Action, Resource }],
});

/** The maintenance bucket done right: what each test then spoils one way. */
const rightConfig = (overrides: Partial<WebsiteBucketConfig> = {}): WebsiteBucketConfig => ({
  publicAccessBlock: { ...ON, blockPublicPolicy: false, restrictPublicBuckets: false },
  website: { indexDocument: "maintenance.html" },
  access: {
    policy: addPerm(),
    ownership: "BucketOwnerEnforced",
    newestUpload: { key: "maintenance.html", publicReadAcl: false },
  },
  page: { contentType: "text/html", size: 1800 },
  ...overrides,
});

const site = (overrides: Partial<Extract<MaintenanceSite, { state: "read" }>> = {}) =>
  facts({
    maintenanceSite: {
      state: "read",
      bucket: BUCKET,
      similar: [],
      region: "ap-northeast-2",
      config: rightConfig(),
      account: { readable: true, flags: OFF },
      ...overrides,
    },
  });

const ctx = (overrides: Partial<StepContext> = {}) =>
  context({ initials: "kim", sharedZone: ZONE, ...overrides });

const step = stepDefinition("maintenance-page");

async function items(f = site(), c = ctx()) {
  return Object.fromEntries((await step.check(f, c)).map((item) => [item.id, item]));
}

describe("maintenance-page check", () => {
  it("without initials, the only item says to choose them", async () => {
    const result = await step.check(
      facts({ maintenanceSite: { state: "unreadable", why: "no-initials" } }),
      ctx({ initials: undefined }),
    );
    expect(result).toEqual([
      {
        id: "initials",
        status: "fail",
        message: { key: "check.maint.initials.missing" },
        fix: { key: "fix.maint.initials" },
      },
    ]);
  });

  it("a missing bucket, a near-miss name, a wrong region", async () => {
    expect((await items(site({ region: undefined, config: undefined })))["bucket"]).toEqual({
      id: "bucket",
      status: "fail",
      message: { key: "check.maint.bucket.missing", params: { bucket: BUCKET } },
      fix: { key: "fix.maint.bucket.create", params: { bucket: BUCKET } },
    });
    expect(
      (await items(site({ region: undefined, config: undefined, similar: ["kim"] })))["bucket"]
        ?.message,
    ).toEqual({ key: "check.maint.bucket.misnamed", params: { bucket: BUCKET, found: "kim" } });
    expect((await items(site({ region: "us-east-1", config: undefined })))["bucket"]).toEqual({
      id: "bucket",
      status: "fail",
      message: {
        key: "check.maint.bucket.region",
        params: { bucket: BUCKET, region: "us-east-1" },
      },
      fix: { key: "fix.maint.bucket.region", params: { bucket: BUCKET } },
    });
  });

  it("names near misses of the bucket name, not unrelated buckets", () => {
    expect(
      similarBucketNames(
        [
          BUCKET,
          "kim",
          "www.kim.aws101.example",
          "kim-aws101-example",
          "https-kim.aws101.example",
          "awslab-s3-kim",
          "lee.aws101.example",
        ],
        "kim",
        "aws101.example",
      ),
    ).toEqual(["kim", "www.kim.aws101.example", "kim-aws101-example", "https-kim.aws101.example"]);
  });

  it("a page uploaded as binary/octet-stream fails with the content type", async () => {
    const result = await items(
      site({ config: rightConfig({ page: { contentType: "binary/octet-stream" } }) }),
    );
    expect(result["page"]).toEqual({
      id: "page",
      status: "fail",
      message: {
        key: "check.maint.page.contentType",
        params: { contentType: "binary/octet-stream" },
      },
      fix: { key: "fix.maint.page.contentType" },
    });
    expect(result["served"]).toBeUndefined();
  });

  it("website hosting off, or with another index document", async () => {
    expect(
      (await items(site({ config: rightConfig({ website: undefined }) })))["website"]?.message,
    ).toEqual({
      key: "check.maint.website.off",
    });
    expect(
      (await items(site({ config: rightConfig({ website: { indexDocument: "index.html" } }) })))[
        "website"
      ]?.message,
    ).toEqual({ key: "check.maint.website.index", params: { index: "index.html" } });
  });

  it("says which Block Public Access switch stops the policy: the account's first", async () => {
    const bucketBlocks = await items(site({ config: rightConfig({ publicAccessBlock: ON }) }));
    expect(bucketBlocks["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.maint.public.ignored.bucket" },
      fix: { key: "fix.maint.public.bucketBpa", params: { bucket: BUCKET } },
    });
    const accountBlocks = await items(
      site({
        config: rightConfig({ publicAccessBlock: ON }),
        account: { readable: true, flags: ON },
      }),
    );
    expect(accountBlocks["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.maint.public.ignored.account" },
      fix: { key: "fix.maint.public.accountBpa" },
    });
    const noPolicy = await items(
      site({
        config: rightConfig({
          publicAccessBlock: ON,
          access: { ownership: "BucketOwnerEnforced" },
        }),
      }),
    );
    expect(noPolicy["public-read"]?.message).toEqual({ key: "check.maint.public.none.bucket" });
  });

  it("a policy on the bucket ARN, or s3:* for everyone (a warning)", async () => {
    const arnOnly = await items(
      site({
        config: rightConfig({
          access: { policy: addPerm("s3:GetObject", `arn:aws:s3:::${BUCKET}`) },
        }),
      }),
    );
    expect(arnOnly["public-read"]?.message).toEqual({
      key: "check.maint.public.bucketArnOnly",
      params: { bucket: BUCKET },
    });
    const broad = await items(
      site({ config: rightConfig({ access: { policy: addPerm("s3:*") } }) }),
      ctx({ sandbox: true }),
    );
    expect(broad["public-read"]?.status).toBe("pass");
    expect(broad["policy-scope"]).toEqual({
      id: "policy-scope",
      status: "warn",
      message: {
        key: "check.maint.public.tooBroad",
        params: { actions: "s3:PutObject, s3:DeleteObject" },
      },
      fix: { key: "fix.maint.public.tooBroad", params: { bucket: BUCKET } },
    });
  });

  it("in the sandbox, everything right is still unobservable: no website endpoint", async () => {
    const result = await step.check(site(), ctx({ sandbox: true }));
    expect(result.at(-1)).toEqual({
      id: "served",
      status: "unobservable",
      message: { key: "check.maint.served.sandbox", params: { url: `http://${HOST}/` } },
    });
    expect(stepStateOf(result)).toBe("unobservable");
  });

  it("on AWS, the website endpoint is fetched once and must show the maintenance page", async () => {
    const asked: string[] = [];
    const onAws = (looksLikeSampleApp: boolean) =>
      ctx({
        sandbox: false,
        probe: async (url) => {
          asked.push(url);
          return { ok: true, status: 200, looksLikeSampleApp };
        },
      });
    const result = await step.check(site(), onAws(true));
    expect(stepStateOf(result)).toBe("pass");
    expect(asked).toEqual([`http://${HOST}/`]);
    expect((await items(site(), onAws(false)))["served"]?.status).toBe("warn");
    const refused = await items(
      site(),
      ctx({
        sandbox: false,
        probe: async () => ({ ok: false, reason: "http_status", status: 403 }),
      }),
    );
    expect(refused["served"]?.message).toEqual({
      key: "check.maint.served.refused",
      params: { url: `http://${HOST}/`, status: 403 },
    });
  });
});

describe("maintenance-page plan", () => {
  const plan = (f: ReturnType<typeof facts>) =>
    (step.plan(f, ctx()) as { id: string; kind: string }[]).map((entry) => [entry.id, entry.kind]);

  it("from nothing: bucket, page, website, the bucket's switches, the policy", () => {
    expect(plan(site({ region: undefined, config: undefined, account: undefined }))).toEqual([
      ["bucket", "create"],
      ["page", "create"],
      ["website", "update"],
      ["bucket-bpa", "update"],
      ["policy", "update"],
    ]);
  });

  it("all done: nothing to do", () => {
    expect(plan(site())).toEqual([
      ["bucket", "exists"],
      ["page", "exists"],
      ["website", "exists"],
      ["public-read", "exists"],
    ]);
  });

  it("never touches the account's switch, never moves a bucket", () => {
    expect(
      plan(
        site({
          config: rightConfig({ publicAccessBlock: ON }),
          account: { readable: true, flags: ON },
        }),
      ),
    ).toContainEqual(["account-bpa", "blocked"]);
    expect(plan(site({ region: "us-east-1", config: undefined }))).toEqual([["bucket", "manual"]]);
    expect(plan(facts({ maintenanceSite: { state: "unreadable", why: "no-initials" } }))).toEqual([
      ["initials", "blocked"],
    ]);
  });

  it("a page with the wrong content type is fixed in place", () => {
    expect(
      plan(site({ config: rightConfig({ page: { contentType: "binary/octet-stream" } }) })),
    ).toContainEqual(["page", "update"]);
  });
});
