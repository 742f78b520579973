// What an S3 REST request (path-style) asks IAM for, and who signed it (Signature Version 4).
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export type PermissionCheck = { action: string; resource: string; bucket?: string };

export type S3Operation = { name: string; checks: PermissionCheck[] };

type Level = "service" | "bucket" | "object";
type Rule = { method: string; subresource?: string; name: string; action: string };

// Subresources as S3 names them; a request carrying one this table does not map is refused
// rather than mistaken for a plain PutObject or CreateBucket.
const SUBRESOURCES = new Set([
  "accelerate",
  "acl",
  "analytics",
  "attributes",
  "cors",
  "delete",
  "encryption",
  "intelligent-tiering",
  "inventory",
  "legal-hold",
  "lifecycle",
  "location",
  "logging",
  "metadataConfiguration",
  "metrics",
  "notification",
  "object-lock",
  "ownershipControls",
  "policy",
  "policyStatus",
  "publicAccessBlock",
  "renameObject",
  "replication",
  "requestPayment",
  "restore",
  "retention",
  "select",
  "session",
  "tagging",
  "torrent",
  "uploadId",
  "uploads",
  "versioning",
  "versions",
  "website",
]);

const RULES: Record<Level, Rule[]> = {
  service: [{ method: "GET", name: "ListBuckets", action: "s3:ListAllMyBuckets" }],
  bucket: [
    { method: "HEAD", name: "HeadBucket", action: "s3:ListBucket" },
    { method: "GET", name: "ListObjects", action: "s3:ListBucket" },
    {
      method: "GET",
      subresource: "location",
      name: "GetBucketLocation",
      action: "s3:GetBucketLocation",
    },
    {
      method: "GET",
      subresource: "versions",
      name: "ListObjectVersions",
      action: "s3:ListBucketVersions",
    },
    {
      method: "GET",
      subresource: "uploads",
      name: "ListMultipartUploads",
      action: "s3:ListBucketMultipartUploads",
    },
    { method: "GET", subresource: "policy", name: "GetBucketPolicy", action: "s3:GetBucketPolicy" },
    {
      method: "GET",
      subresource: "policyStatus",
      name: "GetBucketPolicyStatus",
      action: "s3:GetBucketPolicyStatus",
    },
    { method: "GET", subresource: "acl", name: "GetBucketAcl", action: "s3:GetBucketAcl" },
    {
      method: "GET",
      subresource: "versioning",
      name: "GetBucketVersioning",
      action: "s3:GetBucketVersioning",
    },
    {
      method: "GET",
      subresource: "tagging",
      name: "GetBucketTagging",
      action: "s3:GetBucketTagging",
    },
    { method: "GET", subresource: "cors", name: "GetBucketCors", action: "s3:GetBucketCORS" },
    {
      method: "GET",
      subresource: "website",
      name: "GetBucketWebsite",
      action: "s3:GetBucketWebsite",
    },
    {
      method: "GET",
      subresource: "publicAccessBlock",
      name: "GetPublicAccessBlock",
      action: "s3:GetBucketPublicAccessBlock",
    },
    {
      method: "GET",
      subresource: "ownershipControls",
      name: "GetBucketOwnershipControls",
      action: "s3:GetBucketOwnershipControls",
    },
    {
      method: "GET",
      subresource: "encryption",
      name: "GetBucketEncryption",
      action: "s3:GetEncryptionConfiguration",
    },
    { method: "PUT", name: "CreateBucket", action: "s3:CreateBucket" },
    { method: "PUT", subresource: "policy", name: "PutBucketPolicy", action: "s3:PutBucketPolicy" },
    { method: "PUT", subresource: "acl", name: "PutBucketAcl", action: "s3:PutBucketAcl" },
    {
      method: "PUT",
      subresource: "versioning",
      name: "PutBucketVersioning",
      action: "s3:PutBucketVersioning",
    },
    {
      method: "PUT",
      subresource: "tagging",
      name: "PutBucketTagging",
      action: "s3:PutBucketTagging",
    },
    { method: "PUT", subresource: "cors", name: "PutBucketCors", action: "s3:PutBucketCORS" },
    {
      method: "PUT",
      subresource: "website",
      name: "PutBucketWebsite",
      action: "s3:PutBucketWebsite",
    },
    {
      method: "PUT",
      subresource: "publicAccessBlock",
      name: "PutPublicAccessBlock",
      action: "s3:PutBucketPublicAccessBlock",
    },
    {
      method: "PUT",
      subresource: "ownershipControls",
      name: "PutBucketOwnershipControls",
      action: "s3:PutBucketOwnershipControls",
    },
    {
      method: "PUT",
      subresource: "encryption",
      name: "PutBucketEncryption",
      action: "s3:PutEncryptionConfiguration",
    },
    { method: "DELETE", name: "DeleteBucket", action: "s3:DeleteBucket" },
    {
      method: "DELETE",
      subresource: "policy",
      name: "DeleteBucketPolicy",
      action: "s3:DeleteBucketPolicy",
    },
    {
      method: "DELETE",
      subresource: "tagging",
      name: "DeleteBucketTagging",
      action: "s3:PutBucketTagging",
    },
    { method: "DELETE", subresource: "cors", name: "DeleteBucketCors", action: "s3:PutBucketCORS" },
    {
      method: "DELETE",
      subresource: "website",
      name: "DeleteBucketWebsite",
      action: "s3:DeleteBucketWebsite",
    },
    {
      method: "DELETE",
      subresource: "publicAccessBlock",
      name: "DeletePublicAccessBlock",
      action: "s3:PutBucketPublicAccessBlock",
    },
    {
      method: "DELETE",
      subresource: "ownershipControls",
      name: "DeleteBucketOwnershipControls",
      action: "s3:PutBucketOwnershipControls",
    },
    {
      method: "DELETE",
      subresource: "encryption",
      name: "DeleteBucketEncryption",
      action: "s3:PutEncryptionConfiguration",
    },
  ],
  object: [
    { method: "GET", name: "GetObject", action: "s3:GetObject" },
    { method: "HEAD", name: "HeadObject", action: "s3:GetObject" },
    { method: "GET", subresource: "acl", name: "GetObjectAcl", action: "s3:GetObjectAcl" },
    {
      method: "GET",
      subresource: "tagging",
      name: "GetObjectTagging",
      action: "s3:GetObjectTagging",
    },
    {
      method: "GET",
      subresource: "uploadId",
      name: "ListParts",
      action: "s3:ListMultipartUploadParts",
    },
    { method: "PUT", name: "PutObject", action: "s3:PutObject" },
    { method: "PUT", subresource: "uploadId", name: "UploadPart", action: "s3:PutObject" },
    { method: "PUT", subresource: "acl", name: "PutObjectAcl", action: "s3:PutObjectAcl" },
    {
      method: "PUT",
      subresource: "tagging",
      name: "PutObjectTagging",
      action: "s3:PutObjectTagging",
    },
    {
      method: "POST",
      subresource: "uploads",
      name: "CreateMultipartUpload",
      action: "s3:PutObject",
    },
    {
      method: "POST",
      subresource: "uploadId",
      name: "CompleteMultipartUpload",
      action: "s3:PutObject",
    },
    { method: "DELETE", name: "DeleteObject", action: "s3:DeleteObject" },
    {
      method: "DELETE",
      subresource: "uploadId",
      name: "AbortMultipartUpload",
      action: "s3:AbortMultipartUpload",
    },
    {
      method: "DELETE",
      subresource: "tagging",
      name: "DeleteObjectTagging",
      action: "s3:DeleteObjectTagging",
    },
  ],
};

// Reading or deleting a specific version is its own action in IAM.
const VERSIONED_ACTIONS: Record<string, string> = {
  "s3:GetObject": "s3:GetObjectVersion",
  "s3:DeleteObject": "s3:DeleteObjectVersion",
  "s3:GetObjectAcl": "s3:GetObjectVersionAcl",
  "s3:PutObjectAcl": "s3:PutObjectVersionAcl",
  "s3:GetObjectTagging": "s3:GetObjectVersionTagging",
  "s3:PutObjectTagging": "s3:PutObjectVersionTagging",
  "s3:DeleteObjectTagging": "s3:DeleteObjectVersionTagging",
};

export function parseQuery(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery.split("&").flatMap((pair) => {
    if (!pair) return [];
    const equals = pair.indexOf("=");
    const [key, value] = equals < 0 ? [pair, ""] : [pair.slice(0, equals), pair.slice(equals + 1)];
    return [[decodeComponent(key), decodeComponent(value)]];
  });
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function splitUrl(rawUrl: string): { path: string; query: string } {
  const mark = rawUrl.indexOf("?");
  return mark < 0
    ? { path: rawUrl, query: "" }
    : { path: rawUrl.slice(0, mark), query: rawUrl.slice(mark + 1) };
}

// Condition keys S3 fills from a ListObjects request's query.
const LIST_QUERY_KEYS: Record<string, string> = {
  prefix: "s3:prefix",
  delimiter: "s3:delimiter",
  "max-keys": "s3:max-keys",
};

export const LIST_CONDITION_KEYS = Object.values(LIST_QUERY_KEYS);

export function listContext(rawUrl: string): Record<string, string> {
  return Object.fromEntries(
    parseQuery(splitUrl(rawUrl).query).flatMap(([name, value]) => {
      const key = LIST_QUERY_KEYS[name];
      return key ? [[key, value]] : [];
    }),
  );
}

/**
 * The IAM actions and resources a path-style S3 request needs; undefined for requests the sandbox
 * does not evaluate (they are refused, never passed through unchecked).
 */
export function s3OperationFor(
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
): S3Operation | undefined {
  const { path, query } = splitUrl(rawUrl);
  const params = new Map(parseQuery(query));
  const [rawBucket = "", ...keyParts] = path.replace(/^\//, "").split("/");
  const bucket = decodeComponent(rawBucket);
  const key = decodeComponent(keyParts.join("/"));
  const level: Level = !bucket ? "service" : keyParts.length === 0 || !key ? "bucket" : "object";

  const present = [...params.keys()].filter((name) => SUBRESOURCES.has(name));
  const rule = RULES[level].find(
    (candidate) =>
      candidate.method === method &&
      (candidate.subresource ? params.has(candidate.subresource) : present.length === 0),
  );
  const known = rule?.subresource ? [rule.subresource] : [];
  if (!rule || present.some((name) => !known.includes(name))) return undefined;

  const resource =
    level === "service"
      ? "*"
      : level === "bucket"
        ? `arn:aws:s3:::${bucket}`
        : `arn:aws:s3:::${bucket}/${key}`;
  const action = params.has("versionId")
    ? (VERSIONED_ACTIONS[rule.action] ?? rule.action)
    : rule.action;
  const checks: PermissionCheck[] = [{ action, resource, ...(bucket && { bucket }) }];

  const copySource = headers["x-amz-copy-source"];
  if (typeof copySource === "string" && (rule.name === "PutObject" || rule.name === "UploadPart")) {
    const source = copySourceOf(copySource);
    if (!source) return undefined;
    checks.push({
      action: source.versioned ? "s3:GetObjectVersion" : "s3:GetObject",
      resource: `arn:aws:s3:::${source.bucket}/${source.key}`,
      bucket: source.bucket,
    });
  }
  return {
    name: rule.name === "PutObject" && checks.length > 1 ? "CopyObject" : rule.name,
    checks,
  };
}

function copySourceOf(header: string) {
  const { path, query } = splitUrl(header);
  const [bucket = "", ...keyParts] = decodeComponent(path).replace(/^\//, "").split("/");
  const key = keyParts.join("/");
  if (!bucket || !key) return undefined;
  return { bucket, key, versioned: new Map(parseQuery(query)).has("versionId") };
}

export type SignedRequest = {
  accessKeyId: string;
  /** yyyymmdd/region/service/aws4_request */
  scope: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  /** Set for a presigned URL: seconds it is valid from amzDate. */
  expiresSeconds?: number;
};

export type Caller =
  { kind: "anonymous" } | { kind: "signed"; request: SignedRequest } | { kind: "unsupported" };

const ALGORITHM = "AWS4-HMAC-SHA256";

/** Who signed the request: the Authorization header, or a presigned URL's X-Amz-* parameters. */
export function callerOf(rawUrl: string, headers: IncomingHttpHeaders): Caller {
  const authorization = headers.authorization;
  const params = new Map(parseQuery(splitUrl(rawUrl).query));
  if (authorization) {
    const match =
      /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(
        authorization.trim(),
      );
    const amzDate = headers["x-amz-date"];
    if (!match || typeof amzDate !== "string") return { kind: "unsupported" };
    const [, accessKeyId = "", scope = "", signedHeaders = "", signature = ""] = match;
    return {
      kind: "signed",
      request: { accessKeyId, scope, amzDate, signedHeaders: signedHeaders.split(";"), signature },
    };
  }
  if (params.has("X-Amz-Credential") || params.has("X-Amz-Signature")) {
    const credential = params.get("X-Amz-Credential") ?? "";
    const slash = credential.indexOf("/");
    const expires = Number(params.get("X-Amz-Expires"));
    const signature = params.get("X-Amz-Signature") ?? "";
    const amzDate = params.get("X-Amz-Date") ?? "";
    if (
      params.get("X-Amz-Algorithm") !== ALGORITHM ||
      slash < 1 ||
      !/^[0-9a-f]{64}$/.test(signature) ||
      !amzDate ||
      !Number.isInteger(expires)
    ) {
      return { kind: "unsupported" };
    }
    return {
      kind: "signed",
      request: {
        accessKeyId: credential.slice(0, slash),
        scope: credential.slice(slash + 1),
        amzDate,
        signedHeaders: (params.get("X-Amz-SignedHeaders") ?? "host").split(";"),
        signature,
        expiresSeconds: expires,
      },
    };
  }
  return params.has("AWSAccessKeyId") ? { kind: "unsupported" } : { kind: "anonymous" };
}

/** RFC 3986 encoding as SigV4 canonicalises query strings. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const hmac = (key: Buffer | string, text: string) =>
  createHmac("sha256", key).update(text, "utf8").digest();

/** Recomputes the SigV4 signature with the session's secret, as S3 does (the body hash is taken as declared). */
export function signatureMatches(
  signed: SignedRequest,
  secretAccessKey: string,
  method: string,
  rawUrl: string,
  headers: IncomingHttpHeaders,
): boolean {
  const { path, query } = splitUrl(rawUrl);
  const canonicalQuery = parseQuery(query)
    .filter(([key]) => !(signed.expiresSeconds !== undefined && key === "X-Amz-Signature"))
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([keyA, valueA], [keyB, valueB]) =>
      keyA === keyB ? (valueA < valueB ? -1 : 1) : keyA < keyB ? -1 : 1,
    )
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const canonicalHeaders = signed.signedHeaders
    .map((name) => {
      const value = headers[name];
      const text = Array.isArray(value) ? value.join(",") : (value ?? "");
      return `${name}:${text.trim().replace(/\s+/g, " ")}\n`;
    })
    .join("");
  const declaredHash = headers["x-amz-content-sha256"];
  const payloadHash =
    typeof declaredHash === "string" && signed.expiresSeconds === undefined
      ? declaredHash
      : "UNSIGNED-PAYLOAD";
  const canonicalRequest = [
    method,
    path || "/",
    canonicalQuery,
    canonicalHeaders,
    signed.signedHeaders.join(";"),
    payloadHash,
  ].join("\n");
  const stringToSign = [ALGORITHM, signed.amzDate, signed.scope, sha256Hex(canonicalRequest)].join(
    "\n",
  );
  const [date = "", region = "", service = "", terminator = ""] = signed.scope.split("/");
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service),
    terminator,
  );
  const expected = createHmac("sha256", signingKey).update(stringToSign, "utf8").digest();
  const provided = Buffer.from(signed.signature, "hex");
  return provided.length === expected.length && timingSafeEqual(provided, expected);
}

/** yyyymmddThhmmssZ → epoch milliseconds. */
export function amzDateMs(amzDate: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match) return Number.NaN;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
}
