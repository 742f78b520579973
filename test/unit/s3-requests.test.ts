import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerOf, s3OperationFor, signatureMatches } from "@/lib/sandbox/s3-requests";

describe("S3 request → IAM action and resource", () => {
  it.each([
    [
      "PUT",
      "/b/uploads/photo.png",
      {},
      "PutObject",
      [["s3:PutObject", "arn:aws:s3:::b/uploads/photo.png"]],
    ],
    [
      "GET",
      "/b/k?x-id=GetObject&X-Amz-Expires=300",
      {},
      "GetObject",
      [["s3:GetObject", "arn:aws:s3:::b/k"]],
    ],
    ["HEAD", "/b/k", {}, "HeadObject", [["s3:GetObject", "arn:aws:s3:::b/k"]]],
    ["GET", "/b/k?versionId=3", {}, "GetObject", [["s3:GetObjectVersion", "arn:aws:s3:::b/k"]]],
    ["DELETE", "/b/k", {}, "DeleteObject", [["s3:DeleteObject", "arn:aws:s3:::b/k"]]],
    ["HEAD", "/b", {}, "HeadBucket", [["s3:ListBucket", "arn:aws:s3:::b"]]],
    [
      "GET",
      "/b?list-type=2&prefix=uploads%2F",
      {},
      "ListObjects",
      [["s3:ListBucket", "arn:aws:s3:::b"]],
    ],
    ["GET", "/b?location", {}, "GetBucketLocation", [["s3:GetBucketLocation", "arn:aws:s3:::b"]]],
    ["PUT", "/b", {}, "CreateBucket", [["s3:CreateBucket", "arn:aws:s3:::b"]]],
    ["PUT", "/b?policy", {}, "PutBucketPolicy", [["s3:PutBucketPolicy", "arn:aws:s3:::b"]]],
    ["GET", "/", {}, "ListBuckets", [["s3:ListAllMyBuckets", "*"]]],
    [
      "POST",
      "/b/big.zip?uploads",
      {},
      "CreateMultipartUpload",
      [["s3:PutObject", "arn:aws:s3:::b/big.zip"]],
    ],
    [
      "PUT",
      "/b/big.zip?partNumber=2&uploadId=u1",
      {},
      "UploadPart",
      [["s3:PutObject", "arn:aws:s3:::b/big.zip"]],
    ],
    [
      "PUT",
      "/b/uploads/%ED%99%8D%20%281%29.png",
      {},
      "PutObject",
      [["s3:PutObject", "arn:aws:s3:::b/uploads/홍 (1).png"]],
    ],
    [
      "PUT",
      "/b/copy.png",
      { "x-amz-copy-source": "/src/a%20b.png?versionId=7" },
      "CopyObject",
      [
        ["s3:PutObject", "arn:aws:s3:::b/copy.png"],
        ["s3:GetObjectVersion", "arn:aws:s3:::src/a b.png"],
      ],
    ],
  ] as const)("%s %s → %s", (method, url, headers, name, checks) => {
    const operation = s3OperationFor(method, url, headers as IncomingHttpHeaders);
    expect(operation?.name).toBe(name);
    expect(operation?.checks.map(({ action, resource }) => [action, resource])).toEqual(checks);
  });

  it.each([
    ["POST", "/b?delete"],
    ["PUT", "/b?lifecycle"],
    ["PUT", "/b/k?retention"],
    ["GET", "/b/k?acl&tagging"],
    ["PATCH", "/b/k"],
  ])("refuses %s %s rather than guess", (method, url) => {
    expect(s3OperationFor(method, url, {})).toBeUndefined();
  });
});

describe("SigV4 caller and signature, as the AWS SDK signs", () => {
  const credentials = {
    accessKeyId: "ASIAEXAMPLEKEY000001",
    secretAccessKey: "secret/of+the-role/session/0000000000000",
    sessionToken: "token",
  };
  let seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  let endpoint: string;
  const server = createServer((request, response) => {
    seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-length": "0" }).end());
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () =>
    new S3Client({ region: "ap-northeast-2", endpoint, forcePathStyle: true, credentials });

  it.each([
    [
      "PutObject",
      new PutObjectCommand({ Bucket: "b", Key: "uploads/홍 길동 (1)+x.png", Body: "data" }),
    ],
    ["HeadBucket", new HeadBucketCommand({ Bucket: "b" })],
    ["ListObjectsV2", new ListObjectsV2Command({ Bucket: "b", Prefix: "uploads/a b" })],
  ])(
    "verifies a %s signed with the session's secret and rejects another secret",
    async (_, command) => {
      seen = [];
      await client()
        .send(command as PutObjectCommand)
        .catch(() => undefined);
      const request = seen[0];
      if (!request) throw new Error("no request reached the server");
      const caller = callerOf(request.url, request.headers);
      if (caller.kind !== "signed") throw new Error(`not signed: ${caller.kind}`);
      expect(caller.request.accessKeyId).toBe(credentials.accessKeyId);
      const { method, url, headers } = request;
      expect(
        signatureMatches(caller.request, credentials.secretAccessKey, method, url, headers),
      ).toBe(true);
      expect(signatureMatches(caller.request, "another-secret", method, url, headers)).toBe(false);
    },
  );

  it("verifies a presigned GET and rejects it once the key is changed", async () => {
    const link = new URL(
      await getSignedUrl(client(), new GetObjectCommand({ Bucket: "b", Key: "uploads/ä ö.png" }), {
        expiresIn: 300,
      }),
    );
    const url = `${link.pathname}${link.search}`;
    const headers = { host: link.host };
    const caller = callerOf(url, headers);
    if (caller.kind !== "signed") throw new Error(`not signed: ${caller.kind}`);
    expect(caller.request.expiresSeconds).toBe(300);
    expect(signatureMatches(caller.request, credentials.secretAccessKey, "GET", url, headers)).toBe(
      true,
    );
    const tampered = url.replace("uploads/", "other/");
    expect(
      signatureMatches(caller.request, credentials.secretAccessKey, "GET", tampered, headers),
    ).toBe(false);
  });

  it("tells anonymous requests and unsupported signatures apart", () => {
    expect(callerOf("/b/k", {})).toEqual({ kind: "anonymous" });
    expect(callerOf("/b/k", { authorization: "AWS AKIA:signature" })).toEqual({
      kind: "unsupported",
    });
    expect(callerOf("/b/k?AWSAccessKeyId=AKIA&Signature=x&Expires=1", {})).toEqual({
      kind: "unsupported",
    });
  });
});
