import { randomUUID } from "node:crypto";
import path from "node:path";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { createCredentialChain, fromEnv, fromIni } from "@aws-sdk/credential-providers";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import type { AppConfig } from "./config";
import type { InstanceMetadata } from "./imds";

export type S3Problem =
  "not_configured" | "NoCredentials" | "AccessDenied" | "NoSuchBucket" | "Unreachable" | "Error";

export type S3Status = "ok" | S3Problem;

export const PRESIGNED_URL_TTL_SECONDS = 300;
const MAX_FILE_NAME_LENGTH = 120;

export class StorageError extends Error {
  override name = "StorageError";
  constructor(
    readonly problem: S3Problem,
    /** The AWS error code as the lab shows it, e.g. AccessDenied. */
    readonly code: string,
    readonly operation: string,
    message: string,
  ) {
    super(message);
  }
}

export interface S3Health {
  status: S3Status;
  code: string | null;
}

export interface UploadOutcome {
  status: S3Status;
  code: string | null;
  at: string;
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
]);

export function classifyS3Error(error: unknown, operation: string): StorageError {
  const name = error instanceof Error ? error.name : "";
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  const status = metadata?.httpStatusCode;
  const message = `${error instanceof Error ? error.message : String(error)}${status ? ` (HTTP ${status})` : ""}`;
  const networkCode = (error as { code?: unknown } | null)?.code;

  if (name === "CredentialsProviderError") {
    return new StorageError("NoCredentials", "NoCredentials", operation, message);
  }
  // The emulator answers 403 with an empty body, which the SDK reports as UnknownError.
  if (name === "AccessDenied" || status === 403) {
    return new StorageError("AccessDenied", "AccessDenied", operation, message);
  }
  if (name === "NoSuchBucket" || (status === 404 && operation === "HeadBucket")) {
    return new StorageError("NoSuchBucket", "NoSuchBucket", operation, message);
  }
  if (
    name === "TimeoutError" ||
    (typeof networkCode === "string" && NETWORK_CODES.has(networkCode))
  ) {
    return new StorageError("Unreachable", String(networkCode ?? name), operation, message);
  }
  return new StorageError("Error", name || "Error", operation, message);
}

/** Basename only, letters/digits (any script, so Korean stays), dot, dash, underscore. */
export function safeFileName(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, "_")
    .replace(/_{2,}/g, "_")
    .replace(/^[._-]+/, "");
  if (!cleaned) return "file";
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = path.extname(cleaned).slice(0, 16);
  return cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

/** A unique key per upload, so equal file names never overwrite each other. */
export function objectKeyFor(originalName: string): string {
  return `uploads/${randomUUID()}/${safeFileName(originalName)}`;
}

const CONTENT_TYPES: Record<string, { type: string; inline: boolean }> = {
  ".png": { type: "image/png", inline: true },
  ".jpg": { type: "image/jpeg", inline: true },
  ".jpeg": { type: "image/jpeg", inline: true },
  ".gif": { type: "image/gif", inline: true },
  ".webp": { type: "image/webp", inline: true },
  ".pdf": { type: "application/pdf", inline: true },
  ".txt": { type: "text/plain; charset=utf-8", inline: true },
  ".csv": { type: "text/csv; charset=utf-8", inline: false },
  ".json": { type: "application/json", inline: false },
  ".zip": { type: "application/zip", inline: false },
  ".hwp": { type: "application/x-hwp", inline: false },
  ".docx": {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    inline: false,
  },
  ".xlsx": {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    inline: false,
  },
  ".pptx": {
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    inline: false,
  },
};

/** Decided by extension, never by the browser's claim; HTML and SVG download instead of rendering. */
export function contentTypeFor(fileName: string): { type: string; inline: boolean } {
  return (
    CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? {
      type: "application/octet-stream",
      inline: false,
    }
  );
}

function contentDisposition(fileName: string): string {
  const asciiFallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function encodeObjectKey(key: string): string {
  return key.split("/").map(encodeURIComponent).join("/");
}

/** Today's virtual-hosted URL (the lab's `s3-REGION` form is legacy); path style for the emulator. */
export function publicObjectUrl(
  target: { bucket: string; region: string; endpoint?: string | undefined },
  key: string,
): string {
  const encodedKey = encodeObjectKey(key);
  if (target.endpoint) return `${target.endpoint}/${target.bucket}/${encodedKey}`;
  // Dotted bucket names do not match the *.s3 TLS certificate, so they stay path-style.
  if (target.bucket.includes(".")) {
    return `https://s3.${target.region}.amazonaws.com/${target.bucket}/${encodedKey}`;
  }
  return `https://${target.bucket}.s3.${target.region}.amazonaws.com/${encodedKey}`;
}

/** Environment, shared files, then the instance's IAM role: what an EC2 attendee relies on. */
export function defaultCredentials(
  metadata: InstanceMetadata | null,
): AwsCredentialIdentityProvider {
  return metadata
    ? createCredentialChain(fromEnv(), fromIni(), metadata.credentials)
    : createCredentialChain(fromEnv(), fromIni());
}

export class Storage {
  private readonly client: S3Client;
  private lastUploadOutcome: UploadOutcome | null = null;

  constructor(
    private readonly config: AppConfig,
    credentials: AwsCredentialIdentityProvider,
  ) {
    this.client = new S3Client({
      region: config.AWS_REGION,
      endpoint: config.AWS_ENDPOINT_URL,
      forcePathStyle: Boolean(config.AWS_ENDPOINT_URL),
      credentials,
      followRegionRedirects: true,
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
    });
  }

  get bucket(): string | null {
    return this.config.S3_BUCKET || null;
  }

  get lastUpload(): UploadOutcome | null {
    return this.lastUploadOutcome;
  }

  private requireBucket(operation: string): string {
    if (!this.config.S3_BUCKET) {
      throw new StorageError("not_configured", "not_configured", operation, "S3_BUCKET is not set");
    }
    return this.config.S3_BUCKET;
  }

  async upload(file: { fileName: string; data: Buffer }): Promise<string> {
    const bucket = this.requireBucket("PutObject");
    const key = objectKeyFor(file.fileName);
    const { type, inline } = contentTypeFor(file.fileName);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: file.data,
          ContentType: type,
          ContentDisposition: inline ? undefined : contentDisposition(path.basename(key)),
        }),
      );
      this.lastUploadOutcome = { status: "ok", code: null, at: new Date().toISOString() };
      return key;
    } catch (error) {
      const storageError = classifyS3Error(error, "PutObject");
      this.lastUploadOutcome = {
        status: storageError.problem,
        code: storageError.code,
        at: new Date().toISOString(),
      };
      throw storageError;
    }
  }

  /** Best effort: used when the database rejects the row after the upload succeeded. */
  async remove(key: string): Promise<void> {
    const bucket = this.requireBucket("DeleteObject");
    await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => {});
  }

  async attachmentUrl(key: string): Promise<string | null> {
    const bucket = this.config.S3_BUCKET;
    if (!bucket) return null;
    if (this.config.PRESIGNED_URL) {
      return getSignedUrl(this.client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
        expiresIn: PRESIGNED_URL_TTL_SECONDS,
      });
    }
    return publicObjectUrl(
      { bucket, region: this.config.AWS_REGION, endpoint: this.config.AWS_ENDPOINT_URL },
      key,
    );
  }

  async health(): Promise<S3Health> {
    if (!this.config.S3_BUCKET) return { status: "not_configured", code: null };
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.S3_BUCKET }));
      return { status: "ok", code: null };
    } catch (error) {
      const { problem, code } = classifyS3Error(error, "HeadBucket");
      return { status: problem, code };
    }
  }

  close(): void {
    this.client.destroy();
  }
}
