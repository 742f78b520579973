import "server-only";
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError, awsCall, classifyAwsError } from "@/lib/aws/errors";
import type { PublicAccessBlockFlags } from "@/lib/aws/types";

// The account's Block Public Access lives in S3 Control, whose SDK client this project does not
// ship: one signed REST call (service "s3", as S3 Control signs) does the same.

export const PUBLIC_ACCESS_BLOCK_PATH = "/v20180820/configuration/publicAccessBlock";
const TIMEOUT_MS = 10_000;

class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

type S3ControlResponse = { status: number; body: string; requestId?: string };

/** One signed request to the account's S3 Control endpoint (the emulator's when it is set). */
export async function s3ControlRequest(
  aws: AwsClients,
  input: { accountId: string; method: "GET" | "PUT"; path: string; body?: string },
): Promise<S3ControlResponse> {
  const { region, endpoint, credentials } = aws.target;
  const url = new URL(
    input.path,
    endpoint ?? `https://${input.accountId}.s3-control.${region}.amazonaws.com`,
  );
  const signer = new SignatureV4({ credentials, region, service: "s3", sha256: Sha256 });
  const signed = await signer.sign({
    method: input.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers: {
      host: url.host,
      "x-amz-account-id": input.accountId,
      "x-amz-content-sha256": createHash("sha256")
        .update(input.body ?? "")
        .digest("hex"),
    },
    body: input.body,
  });
  const response = await fetch(url, {
    method: input.method,
    headers: signed.headers,
    body: input.body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  return {
    status: response.status,
    body: await response.text(),
    requestId: response.headers.get("x-amz-request-id") ?? undefined,
  };
}

const flag = (xml: string, name: string) => new RegExp(`<${name}>\\s*true\\s*<`, "i").test(xml);

/** What S3 Control's XML error says, as the SDK would name it. */
function errorOf(response: S3ControlResponse, operation: string): AwsCallError {
  const code = /<Code>([^<]+)<\/Code>/.exec(response.body)?.[1] ?? `HTTP${response.status}`;
  return new AwsCallError(
    classifyAwsError({ name: code, $metadata: { httpStatusCode: response.status } }, operation),
  );
}

export type AccountPublicAccess =
  | { readable: true; flags: PublicAccessBlockFlags }
  /** The caller may not read it (s3:GetAccountPublicAccessBlock): said so, never guessed. */
  | { readable: false; code: string };

/** The account-level Block Public Access switches; all off when the account has none set. */
export async function readAccountPublicAccessBlock(
  aws: AwsClients,
  accountId: string,
): Promise<AccountPublicAccess> {
  const operation = "s3control:GetPublicAccessBlock";
  const response = await awsCall(operation, () =>
    aws.counted("S3Control", "GetPublicAccessBlock", async () => {
      const answer = await s3ControlRequest(aws, {
        accountId,
        method: "GET",
        path: PUBLIC_ACCESS_BLOCK_PATH,
      });
      return { value: answer, requestId: answer.requestId };
    }),
  );
  if (response.status === 200) {
    return {
      readable: true,
      flags: {
        blockPublicAcls: flag(response.body, "BlockPublicAcls"),
        ignorePublicAcls: flag(response.body, "IgnorePublicAcls"),
        blockPublicPolicy: flag(response.body, "BlockPublicPolicy"),
        restrictPublicBuckets: flag(response.body, "RestrictPublicBuckets"),
      },
    };
  }
  const error = errorOf(response, operation);
  if (error.problem.awsCode === "NoSuchPublicAccessBlockConfiguration") {
    return { readable: true, flags: NO_BLOCK };
  }
  if (error.problem.code === "access_denied") {
    return { readable: false, code: error.problem.awsCode ?? "AccessDenied" };
  }
  throw error;
}

export const NO_BLOCK: PublicAccessBlockFlags = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};
