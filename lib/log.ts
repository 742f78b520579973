import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import pino, { type Logger, type LoggerOptions } from "pino";

export type LogContext = {
  requestId: string;
  attendeeId?: string;
  step?: string;
  instructorId?: string;
  eventId?: string;
};

export type LogState = { logger: Logger; context: AsyncLocalStorage<LogContext> };

/**
 * Errors are logged as name, message and stack only: an SDK error or a failed request can carry
 * the request's configuration, and with it credentials.
 */
export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "aws101-portal" },
  serializers: {
    err: (error: unknown) => {
      const { name, message, stack } = error as Error;
      return { type: name, message, stack };
    },
  },
  redact: {
    paths: [
      "*.secretAccessKey",
      "*.sessionToken",
      "*.accessKeyId",
      "*.password",
      "*.credentials",
      "*.privateKey",
    ],
    censor: "[redacted]",
  },
};

// One logger and one request context per process, not per route bundle.
const state = (): LogState =>
  ((globalThis as { __aws101Log?: LogState }).__aws101Log ??= {
    logger: pino(loggerOptions),
    context: new AsyncLocalStorage<LogContext>(),
  });

export function newRequestId(): string {
  return randomBytes(6).toString("hex");
}

/** Runs `work` with a request context that every log line inside it carries. */
export function withLogContext<T>(context: Partial<LogContext>, work: () => T): T {
  const parent = state().context.getStore();
  return state().context.run(
    { ...parent, requestId: parent?.requestId ?? newRequestId(), ...context },
    work,
  );
}

export function log(): Logger {
  const context = state().context.getStore();
  return context ? state().logger.child(context) : state().logger;
}

export function currentRequestId(): string | undefined {
  return state().context.getStore()?.requestId;
}

type AwsCallRecord = { service: string; operation: string; requestId?: string; error?: unknown };

export function logAwsCall({ service, operation, requestId, error }: AwsCallRecord) {
  const operationName = `${service}:${operation}`;
  if (!error) {
    log().debug({ awsOperation: operationName, awsRequestId: requestId }, "aws call");
    return;
  }
  const failure = error as { name?: string; Code?: string; $metadata?: { requestId?: string } };
  log().warn(
    {
      awsOperation: operationName,
      awsErrorCode: failure.Code ?? failure.name,
      awsRequestId: failure.$metadata?.requestId,
    },
    "aws call failed",
  );
}

/** Errors that are not AWS's: logged with their stack under a reference the attendee can quote. */
export function logInternalError(error: unknown, message: string): string {
  const reference = currentRequestId() ?? newRequestId();
  log().error({ err: error, reference }, message);
  return reference;
}
