import "server-only";
import { EC2Client } from "@aws-sdk/client-ec2";
import { SSMClient } from "@aws-sdk/client-ssm";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCallCounter } from "@/lib/aws/call-counter";
import type { AwsTarget } from "@/lib/aws/types";

type CountableClient = {
  middlewareStack: {
    add: (
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize"; name: string },
    ) => void;
  };
};

function countCalls<C>(client: C, counter: AwsCallCounter | undefined): C {
  if (counter) {
    (client as unknown as CountableClient).middlewareStack.add(
      (next, context) => (args) => {
        counter.record(
          (context.clientName ?? "aws").replace(/Client$/, ""),
          (context.commandName ?? "unknown").replace(/Command$/, ""),
        );
        return next(args);
      },
      { step: "initialize", name: "aws101CallCounter" },
    );
  }
  return client;
}

export type AwsClients = {
  target: AwsTarget;
  ec2: () => EC2Client;
  ssm: () => SSMClient;
  sts: () => STSClient;
};

/**
 * The one factory for every AWS client in the portal: the same code serves real AWS and the
 * emulator (endpoint set). Retries are the SDK's standard mode; nothing here retries by hand.
 */
export function createAwsClients(target: AwsTarget, counter?: AwsCallCounter): AwsClients {
  const config = {
    region: target.region,
    credentials: target.credentials,
    maxAttempts: 3,
    retryMode: "standard" as const,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  };
  const lazy = <C>(make: () => C) => {
    let client: C | undefined;
    return () => (client ??= countCalls(make(), counter));
  };
  return {
    target,
    ec2: lazy(() => new EC2Client(config)),
    ssm: lazy(() => new SSMClient(config)),
    sts: lazy(() => new STSClient(config)),
  };
}
