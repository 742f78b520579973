import { readFileSync } from "node:fs";
import type { AwsCredentialIdentity } from "@aws-sdk/types";
import type { AppConfig } from "./config";

export const EC2_METADATA_ENDPOINT = "http://169.254.169.254";
const TOKEN_TTL_SECONDS = 21_600;
const REQUEST_TIMEOUT_MS = 1_000;

/**
 * The instance metadata service is only contacted when the app runs on EC2 (or a test points it
 * at a loopback fake): elsewhere the link-local address is never touched.
 */
export function metadataEndpoint(config: AppConfig, readFile = readSysFile): string | null {
  if (config.AWS_EC2_METADATA_DISABLED) return null;
  if (config.AWS_EC2_METADATA_SERVICE_ENDPOINT) return config.AWS_EC2_METADATA_SERVICE_ENDPOINT;
  return looksLikeEc2(readFile) ? EC2_METADATA_ENDPOINT : null;
}

function readSysFile(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

function looksLikeEc2(readFile: (file: string) => string): boolean {
  return (
    readFile("/sys/devices/virtual/dmi/id/board_asset_tag").startsWith("i-") ||
    readFile("/sys/devices/virtual/dmi/id/sys_vendor") === "Amazon EC2" ||
    readFile("/sys/hypervisor/uuid").toLowerCase().startsWith("ec2")
  );
}

/** The SDK's error name for a provider that found nothing, so one classifier handles both. */
export class NoRoleCredentialsError extends Error {
  override name = "CredentialsProviderError";
  readonly tryNextLink = true;
}

export class InstanceMetadata {
  private token: { value: string; expiresAt: number } | null = null;
  private cachedInstanceId: string | null = null;

  /** `timeoutMs`: 1 s per request, as the SDK waits for EC2's; a caller off the instance may wait longer. */
  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {}

  private async sessionToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const response = await fetch(`${this.endpoint}/latest/api/token`, {
      method: "PUT",
      headers: { "X-aws-ec2-metadata-token-ttl-seconds": String(TOKEN_TTL_SECONDS) },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`IMDSv2 token request failed: HTTP ${response.status}`);
    const value = await response.text();
    this.token = { value, expiresAt: Date.now() + (TOKEN_TTL_SECONDS - 60) * 1000 };
    return value;
  }

  private async get(path: string): Promise<Response> {
    return fetch(`${this.endpoint}/latest/${path}`, {
      headers: { "X-aws-ec2-metadata-token": await this.sessionToken() },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  async instanceId(): Promise<string | null> {
    if (this.cachedInstanceId) return this.cachedInstanceId;
    try {
      const response = await this.get("meta-data/instance-id");
      if (response.ok) this.cachedInstanceId = (await response.text()).trim();
    } catch {
      // Metadata is best effort: /healthz reports null rather than failing.
    }
    return this.cachedInstanceId;
  }

  /** Credentials of the IAM role attached to the instance (what the lab's "attach role" adds). */
  readonly credentials = async (): Promise<AwsCredentialIdentity> => {
    try {
      return await this.roleCredentials();
    } catch (error) {
      if (error instanceof NoRoleCredentialsError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new NoRoleCredentialsError(`Instance metadata unavailable: ${reason}`);
    }
  };

  private async roleCredentials(): Promise<AwsCredentialIdentity> {
    const listing = await this.get("meta-data/iam/security-credentials/");
    const roleName = listing.ok ? (await listing.text()).split("\n")[0]?.trim() : "";
    if (!roleName) {
      throw new NoRoleCredentialsError("No IAM role is attached to this EC2 instance");
    }
    const response = await this.get(
      `meta-data/iam/security-credentials/${encodeURIComponent(roleName)}`,
    );
    if (!response.ok) {
      throw new NoRoleCredentialsError(`IAM role credentials unavailable: HTTP ${response.status}`);
    }
    const body = (await response.json()) as Record<string, unknown>;
    if (typeof body.AccessKeyId !== "string" || typeof body.SecretAccessKey !== "string") {
      throw new NoRoleCredentialsError("IAM role credentials response is incomplete");
    }
    return {
      accessKeyId: body.AccessKeyId,
      secretAccessKey: body.SecretAccessKey,
      sessionToken: typeof body.Token === "string" ? body.Token : undefined,
      expiration: typeof body.Expiration === "string" ? new Date(body.Expiration) : undefined,
    };
  }
}
