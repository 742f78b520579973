import {
  CreateBucketCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { createLabBucket } from "@/lib/aws/s3";
import { PUBLIC_ACCESS_BLOCK_PATH, s3ControlRequest } from "@/lib/aws/s3-control";
import type { PortalDb } from "@/lib/db/connection";
import { factReader } from "@/lib/lab/facts";
import {
  applyStep,
  checkStep,
  planStep,
  type AttendeeRef,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { sandboxClients } from "./emulator";
import { appServicesAttendee, labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

let db: PortalDb;
let runtime: RunnerEnvironment;
beforeAll(async () => {
  db = await labDatabase();
  runtime = labRuntime(db);
});
afterAll(async () => {
  await db.destroy();
});

const STEP = "maintenance-page";

async function itemsOf(ref: AttendeeRef) {
  const outcome = await checkStep(runtime, ref, STEP);
  expect(outcome?.problem).toBeUndefined();
  return Object.fromEntries((outcome?.result?.items ?? []).map((item) => [item.id, item]));
}

async function planOf(ref: AttendeeRef) {
  const outcome = await planStep(runtime, ref, STEP, "do");
  expect(outcome.problem).toBeUndefined();
  return outcome.entries.map((entry) => [entry.id, entry.kind]);
}

let unique = 0;
/** Bucket names are global in the emulator too: each test gets its own initials. */
async function attendee() {
  unique += 1;
  const initials = `mt${process.pid % 1000}x${unique}`;
  const lab = await appServicesAttendee(db, initials);
  return { ...lab, initials, bucket: `${initials}.${lab.zone.domain}` };
}

const addPerm = (bucket: string, Action: unknown = ["s3:GetObject"]) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AddPerm",
        Effect: "Allow",
        Principal: "*",
        Action,
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  });

/** What the console does in Seoul: bucket with today's defaults, the page, website hosting. */
async function consoleSite(byHand: AwsClients, bucket: string, contentType = "text/html") {
  await createLabBucket(byHand, { name: bucket, region: "ap-northeast-2", tags: {} });
  await byHand.s3().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: "maintenance.html",
      Body: "<h1>점검 중</h1>",
      ContentType: contentType,
    }),
  );
  await byHand.s3().send(
    new PutBucketWebsiteCommand({
      Bucket: bucket,
      WebsiteConfiguration: { IndexDocument: { Suffix: "maintenance.html" } },
    }),
  );
}

const bucketBpa = (byHand: AwsClients, bucket: string, on: boolean) =>
  byHand.s3().send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: on,
        IgnorePublicAcls: on,
        BlockPublicPolicy: on,
        RestrictPublicBuckets: on,
      },
    }),
  );

describe("maintenance-page on the emulator, mistakes made by hand", () => {
  it("no initials yet: says so and reads nothing", async () => {
    const { ref } = await sandboxAttendee(db);
    expect(await itemsOf(ref)).toEqual({
      initials: {
        id: "initials",
        status: "fail",
        message: { key: "check.maint.initials.missing" },
        fix: { key: "fix.maint.initials" },
      },
    });
  });

  it("a bucket named with the initials only is named, and Route 53's rule given", async () => {
    const { ref, byHand, initials, bucket } = await attendee();
    await createLabBucket(byHand, { name: initials, region: "ap-northeast-2", tags: {} });
    expect((await itemsOf(ref))["bucket"]).toEqual({
      id: "bucket",
      status: "fail",
      message: { key: "check.maint.bucket.misnamed", params: { bucket, found: initials } },
      fix: { key: "fix.maint.bucket.create", params: { bucket } },
    });
  });

  it("the right name in us-east-1 (the console's default for a new account)", async () => {
    const { ref, byHand, bucket } = await attendee();
    await byHand
      .inRegion("us-east-1")
      .s3()
      .send(new CreateBucketCommand({ Bucket: bucket }));
    expect((await itemsOf(ref))["bucket"]).toEqual({
      id: "bucket",
      status: "fail",
      message: { key: "check.maint.bucket.region", params: { bucket, region: "us-east-1" } },
      fix: { key: "fix.maint.bucket.region", params: { bucket } },
    });
    expect(await planOf(ref)).toEqual([["bucket", "manual"]]);
  });

  it("a page uploaded as binary/octet-stream; do it for me fixes the type and keeps the content", async () => {
    const { ref, byHand, bucket } = await attendee();
    await consoleSite(byHand, bucket, "binary/octet-stream");
    expect((await itemsOf(ref))["page"]).toEqual({
      id: "page",
      status: "fail",
      message: {
        key: "check.maint.page.contentType",
        params: { contentType: "binary/octet-stream" },
      },
      fix: { key: "fix.maint.page.contentType" },
    });
    expect(await planOf(ref)).toContainEqual(["page", "update"]);
    expect((await applyStep(runtime, ref, STEP)).problem).toBeUndefined();
    const head = await byHand
      .s3()
      .send(new HeadObjectCommand({ Bucket: bucket, Key: "maintenance.html" }));
    expect(head.ContentType).toBe("text/html");
    const body = await byHand
      .s3()
      .send(new GetObjectCommand({ Bucket: bucket, Key: "maintenance.html" }));
    expect(await body.Body?.transformToString()).toBe("<h1>점검 중</h1>");
  });

  it("website hosting with index.html (the console's placeholder)", async () => {
    const { ref, byHand, bucket } = await attendee();
    await consoleSite(byHand, bucket);
    await byHand.s3().send(
      new PutBucketWebsiteCommand({
        Bucket: bucket,
        WebsiteConfiguration: { IndexDocument: { Suffix: "index.html" } },
      }),
    );
    expect((await itemsOf(ref))["website"]).toEqual({
      id: "website",
      status: "fail",
      message: { key: "check.maint.website.index", params: { index: "index.html" } },
      fix: { key: "fix.maint.website", params: { bucket } },
    });
  });

  it("the policy saved while the bucket's Block Public Access is still on: the bucket switch is named", async () => {
    const { ref, byHand, bucket } = await attendee();
    await consoleSite(byHand, bucket);
    // AWS refuses this policy while BlockPublicPolicy is on; the emulator stores it.
    await byHand.s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: addPerm(bucket) }));
    expect((await itemsOf(ref))["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.maint.public.ignored.bucket" },
      fix: { key: "fix.maint.public.bucketBpa", params: { bucket } },
    });
    expect(await planOf(ref)).toEqual([
      ["bucket", "exists"],
      ["page", "exists"],
      ["website", "exists"],
      ["bucket-bpa", "update"],
    ]);
  });

  it("the account's switch on: named first, and do it for me leaves it alone", async () => {
    const { ref, byHand, bucket, accountId } = await attendee();
    await consoleSite(byHand, bucket);
    await bucketBpa(byHand, bucket, false);
    const body =
      '<PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/">' +
      "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>" +
      "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>" +
      "</PublicAccessBlockConfiguration>";
    const put = await s3ControlRequest(byHand, {
      accountId,
      method: "PUT",
      path: PUBLIC_ACCESS_BLOCK_PATH,
      body,
    });
    expect(put.status).toBe(200);
    expect((await itemsOf(ref))["public-read"]).toEqual({
      id: "public-read",
      status: "fail",
      message: { key: "check.maint.public.none.account" },
      fix: { key: "fix.maint.public.accountBpa" },
    });
    expect(await planOf(ref)).toContainEqual(["account-bpa", "blocked"]);
    await applyStep(runtime, ref, STEP);
    const after = await s3ControlRequest(byHand, {
      accountId,
      method: "GET",
      path: PUBLIC_ACCESS_BLOCK_PATH,
    });
    expect(after.body).toContain("<BlockPublicPolicy>true</BlockPublicPolicy>");
  });

  it("s3:* for everyone passes the read but warns", async () => {
    const { ref, byHand, bucket } = await attendee();
    await consoleSite(byHand, bucket);
    await bucketBpa(byHand, bucket, false);
    await byHand
      .s3()
      .send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: addPerm(bucket, "s3:*") }));
    const items = await itemsOf(ref);
    expect(items["public-read"]?.status).toBe("pass");
    expect(items["policy-scope"]).toEqual({
      id: "policy-scope",
      status: "warn",
      message: {
        key: "check.maint.public.tooBroad",
        params: { actions: "s3:PutObject, s3:DeleteObject" },
      },
      fix: { key: "fix.maint.public.tooBroad", params: { bucket } },
    });
  });
});

describe("maintenance-page do it for me", () => {
  it("builds everything, leaves other buckets alone, and a second click creates nothing", async () => {
    const { ref, byHand, bucket, accountId, initials } = await attendee();
    const other = `${initials}-photos`;
    await createLabBucket(byHand, { name: other, region: "ap-northeast-2", tags: {} });
    const before = await itemsOf(ref);
    expect(before["bucket"]?.message.key).toBe("check.maint.bucket.missing");

    const first = await applyStep(runtime, ref, STEP);
    expect(first.problem).toBeUndefined();
    expect(first.done).toHaveLength(5);
    const items = await itemsOf(ref);
    expect(Object.values(items).map((item) => [item.id, item.status])).toEqual([
      ["bucket", "pass"],
      ["page", "pass"],
      ["website", "pass"],
      ["public-read", "pass"],
      ["served", "unobservable"],
    ]);
    const s3 = byHand.s3();
    const page = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "maintenance.html" }));
    expect(page.ContentType).toMatch(/^text\/html/);
    expect(await page.Body?.transformToString()).toContain("We&rsquo;ll be back soon!");

    const snapshot = async () => ({
      buckets: (await s3.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name).sort(),
      objects: (await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).KeyCount,
      policy: (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy,
    });
    const once = await snapshot();
    expect(once.buckets).toEqual([bucket, other].sort());
    expect(once.objects).toBe(1);
    expect(JSON.parse(once.policy ?? "{}").Statement).toHaveLength(1);
    expect(await planOf(ref)).toEqual([
      ["bucket", "exists"],
      ["page", "exists"],
      ["website", "exists"],
      ["public-read", "exists"],
    ]);
    expect((await applyStep(runtime, ref, STEP)).done).toEqual([]);
    expect(await snapshot()).toEqual(once);

    const otherBlock = await s3.send(new GetPublicAccessBlockCommand({ Bucket: other }));
    expect(otherBlock.PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
    await expect(s3.send(new GetBucketPolicyCommand({ Bucket: other }))).rejects.toThrow();
    const account = await s3ControlRequest(byHand, {
      accountId,
      method: "GET",
      path: PUBLIC_ACCESS_BLOCK_PATH,
    });
    expect(account.body).not.toContain("<BlockPublicPolicy>true");
  });

  it("a refresh costs at most 9 S3 calls, one before the bucket exists", async () => {
    const { byHand, bucket, accountId, zone, initials } = await attendee();
    const read = async () => {
      const { aws, counter } = await sandboxClients(accountId);
      await factReader(aws, `maint-cost-${Math.random()}`, {
        accountId,
        sharedZone: zone,
        initials,
      }).read("maintenanceSite");
      return counter.byOperation();
    };
    expect(await read()).toEqual({ "S3:ListBuckets": 1 });
    await consoleSite(byHand, bucket);
    expect(await read()).toEqual({
      "S3:ListBuckets": 1,
      "S3:GetBucketLocation": 1,
      "S3:GetPublicAccessBlock": 1,
      "S3:GetBucketWebsite": 1,
      "S3:GetBucketPolicy": 1,
      "S3:GetBucketOwnershipControls": 1,
      "S3:HeadObject": 1,
      "S3Control:GetPublicAccessBlock": 1,
    });
  });
});
