import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import type { LogState } from "@/lib/log";

const lines: Record<string, unknown>[] = [];
let log: typeof import("@/lib/log");

beforeAll(async () => {
  const { loggerOptions } = await import("@/lib/log");
  // The portal's own options, writing to memory: the process-wide state is taken as it is found.
  const capture = { write: (line: string) => lines.push(JSON.parse(line)) };
  (globalThis as { __aws101Log?: LogState }).__aws101Log = {
    logger: pino({ ...loggerOptions, level: "debug" }, capture),
    context: new AsyncLocalStorage(),
  };
  log = await import("@/lib/log");
});

describe("server log", () => {
  it("carries request, attendee, step and AWS ids, and never a secret", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const awsFailure = Object.assign(new Error("denied"), {
      name: "AuthFailure",
      $metadata: { requestId: "req-123" },
      credentials: { secretAccessKey: secret },
    });
    const bug = Object.assign(new TypeError("x is undefined"), {
      config: { credentials: { secretAccessKey: secret, sessionToken: "token-abc" } },
    });
    let reference = "";
    log.withLogContext({ attendeeId: "attendee-1" }, () =>
      log.withLogContext({ step: "ec2-launch" }, () => {
        log.logAwsCall({ service: "EC2", operation: "DescribeInstances", requestId: "req-ok" });
        log.logAwsCall({ service: "EC2", operation: "RunInstances", error: awsFailure });
        reference = log.logInternalError(bug, "lab step failed");
      }),
    );
    const text = JSON.stringify(lines);
    expect(text).not.toContain(secret);
    expect(text).not.toContain("token-abc");
    const [ok, failed, internal] = lines;
    expect(ok).toMatchObject({ awsOperation: "EC2:DescribeInstances", awsRequestId: "req-ok" });
    expect(failed).toMatchObject({
      attendeeId: "attendee-1",
      step: "ec2-launch",
      awsOperation: "EC2:RunInstances",
      awsErrorCode: "AuthFailure",
      awsRequestId: "req-123",
    });
    expect(internal).toMatchObject({
      level: 50,
      reference,
      requestId: reference,
      err: { type: "TypeError", message: "x is undefined" },
    });
    expect((internal as { err: { stack: string } }).err.stack).toContain("log.test.ts");
  });
});
