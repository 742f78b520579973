import "server-only";

export type AwsProblemCode =
  | "access_denied"
  | "invalid_credentials"
  | "expired_credentials"
  | "throttled"
  | "endpoint_unreachable"
  | "region_unavailable"
  | "limit_exceeded"
  | "unknown";

export type AwsProblem = { code: AwsProblemCode; awsCode?: string; operation?: string };

export class AwsCallError extends Error {
  constructor(
    readonly problem: AwsProblem,
    options?: { cause?: unknown },
  ) {
    super(
      `AWS call failed: ${problem.code}${problem.awsCode ? ` (${problem.awsCode})` : ""}`,
      options,
    );
    this.name = "AwsCallError";
  }
}

const byAwsCode: Record<string, AwsProblemCode> = {
  AccessDenied: "access_denied",
  AccessDeniedException: "access_denied",
  UnauthorizedOperation: "access_denied",
  AuthFailure: "invalid_credentials",
  InvalidClientTokenId: "invalid_credentials",
  SignatureDoesNotMatch: "invalid_credentials",
  UnrecognizedClientException: "invalid_credentials",
  InvalidAccessKeyId: "invalid_credentials",
  ExpiredToken: "expired_credentials",
  ExpiredTokenException: "expired_credentials",
  RequestExpired: "expired_credentials",
  Throttling: "throttled",
  ThrottlingException: "throttled",
  RequestLimitExceeded: "throttled",
  TooManyRequestsException: "throttled",
  OptInRequired: "region_unavailable",
  InvalidRegion: "region_unavailable",
  AddressLimitExceeded: "limit_exceeded",
  InstanceLimitExceeded: "limit_exceeded",
  VcpuLimitExceeded: "limit_exceeded",
  RulesPerSecurityGroupLimitExceeded: "limit_exceeded",
  InstanceQuotaExceeded: "limit_exceeded",
  StorageQuotaExceeded: "limit_exceeded",
};

const networkErrorCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

export function classifyAwsError(error: unknown, operation?: string): AwsProblem {
  if (error instanceof AwsCallError) return error.problem;
  const named = error as { name?: string; code?: string; Code?: string; cause?: { code?: string } };
  const awsCode = named?.Code ?? named?.name;
  const networkCode = named?.code ?? named?.cause?.code;
  if (networkCode && networkErrorCodes.has(networkCode)) {
    return { code: "endpoint_unreachable", awsCode: networkCode, operation };
  }
  if (named?.name === "TimeoutError")
    return { code: "endpoint_unreachable", awsCode: "Timeout", operation };
  const mapped = awsCode ? byAwsCode[awsCode] : undefined;
  return { code: mapped ?? "unknown", awsCode, operation };
}

/** Whether AWS (or the way to it) failed, as opposed to a bug of ours. */
export function isAwsFailure(error: unknown): boolean {
  if (error instanceof AwsCallError) return true;
  const named = error as { $metadata?: unknown; code?: string; cause?: { code?: string } };
  const networkCode = named?.code ?? named?.cause?.code;
  return Boolean(named?.$metadata) || (!!networkCode && networkErrorCodes.has(networkCode));
}

/** Runs one SDK call and converts any failure into an AwsCallError naming the operation. */
export async function awsCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AwsCallError(classifyAwsError(error, operation), { cause: error });
  }
}
