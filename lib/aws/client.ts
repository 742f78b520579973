import "server-only";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { RDSClient } from "@aws-sdk/client-rds";
import { Route53Client } from "@aws-sdk/client-route-53";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SSMClient } from "@aws-sdk/client-ssm";
import { STSClient } from "@aws-sdk/client-sts";
import { currentCallCounter, type AwsCallCounter } from "@/lib/aws/call-counter";
import type { AwsTarget } from "@/lib/aws/types";
import { logAwsCall } from "@/lib/log";

type ObservedClient = {
  middlewareStack: {
    add: (
      middleware: (
        next: (args: unknown) => Promise<{ output?: { $metadata?: { requestId?: string } } }>,
        context: { clientName?: string; commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: "initialize"; name: string },
    ) => void;
  };
};

/** Counts one logical call and logs it, and its answer, with AWS's request id. */
async function observed<T>(
  counter: AwsCallCounter | undefined,
  service: string,
  operation: string,
  call: () => Promise<{ value: T; requestId?: string }>,
): Promise<T> {
  const calls = counter ?? currentCallCounter();
  calls?.record(service, operation);
  try {
    const { value, requestId } = await call();
    calls?.answered(service, operation, { requestId });
    logAwsCall({ service, operation, requestId });
    return value;
  } catch (error) {
    calls?.answered(service, operation, { error });
    logAwsCall({ service, operation, error });
    throw error;
  }
}

/** Counts each logical call (retries are the SDK's and not counted) and logs it with its request id. */
function observe<C>(client: C, counter: AwsCallCounter | undefined): C {
  (client as unknown as ObservedClient).middlewareStack.add(
    (next, context) => async (args) => {
      const service = (context.clientName ?? "aws").replace(/Client$/, "");
      const operation = (context.commandName ?? "unknown").replace(/Command$/, "");
      return observed(counter, service, operation, async () => {
        const result = await next(args);
        return { value: result, requestId: result.output?.$metadata?.requestId };
      });
    },
    { step: "initialize", name: "aws101Observer" },
  );
  return client;
}

/** Changes every client the factory makes while it is installed: the realism layer, injected faults. */
export type ClientHookForTests = (client: unknown, clientName: string) => void;

const hooksForTests = ((
  globalThis as { __aws101ClientHooks?: Set<ClientHookForTests> }
).__aws101ClientHooks ??= new Set());

/**
 * Installs a hook on the clients made from now on (clients made before keep what they had);
 * refused outside tests so production clients only ever talk to AWS as the SDK does.
 */
export function installClientHookForTests(hook: ClientHookForTests): () => void {
  if (process.env.NODE_ENV !== "test") throw new Error("client hooks are for tests only");
  hooksForTests.add(hook);
  return () => hooksForTests.delete(hook);
}

function withHooksForTests<C>(client: C): C {
  for (const hook of hooksForTests) hook(client, (client as object).constructor.name);
  return client;
}

export type AwsClients = {
  target: AwsTarget;
  ec2: () => EC2Client;
  ssm: () => SSMClient;
  sts: () => STSClient;
  rds: () => RDSClient;
  s3: () => S3Client;
  iam: () => IAMClient;
  route53: () => Route53Client;
  cloudwatch: () => CloudWatchClient;
  sns: () => SNSClient;
  /** The same credentials in another region (Route 53 health-check alarms live in us-east-1). */
  inRegion: (region: string) => AwsClients;
  /** Counts and logs a call made without an SDK client, as the clients' middleware does. */
  counted: <T>(
    service: string,
    operation: string,
    call: () => Promise<{ value: T; requestId?: string }>,
  ) => Promise<T>;
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
    // Without these an overloaded endpoint holds a request (and the attendee's page) indefinitely;
    // without throwOnRequestTimeout the SDK only logs a warning when the request timeout passes.
    requestHandler: {
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      throwOnRequestTimeout: true,
    },
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
  };
  const lazy = <C>(make: () => C) => {
    let client: C | undefined;
    return () => (client ??= withHooksForTests(observe(make(), counter)));
  };
  const regions = new Map<string, AwsClients>();
  const clients: AwsClients = {
    target,
    ec2: lazy(() => new EC2Client(config)),
    ssm: lazy(() => new SSMClient(config)),
    sts: lazy(() => new STSClient(config)),
    rds: lazy(() => new RDSClient(config)),
    // The emulator serves buckets by path; real S3 by virtual host.
    s3: lazy(() => new S3Client({ ...config, forcePathStyle: Boolean(target.endpoint) })),
    iam: lazy(() => new IAMClient(config)),
    route53: lazy(() => new Route53Client(config)),
    cloudwatch: lazy(() => new CloudWatchClient(config)),
    sns: lazy(() => new SNSClient(config)),
    async counted(service, operation, call) {
      return observed(counter, service, operation, call);
    },
    inRegion(region) {
      if (region === target.region) return clients;
      let other = regions.get(region);
      if (!other) {
        other = createAwsClients({ ...target, region }, counter);
        regions.set(region, other);
      }
      return other;
    },
  };
  return clients;
}

/** The portal's own identity: no credentials given, so the SDK's default chain (environment, instance or task role). */
export function createPortalClients(
  target: Omit<AwsTarget, "credentials">,
): Pick<AwsClients, "sts"> {
  return createAwsClients({ ...target, credentials: undefined } as unknown as AwsTarget);
}
