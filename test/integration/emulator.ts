import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { AwsCallCounter } from "@/lib/aws/call-counter";
import { createAwsClients } from "@/lib/aws/client";
import { assumeSandboxAccount } from "@/lib/aws/identity";

export const REGION = "ap-northeast-2";

export function emulatorEndpoint(): string {
  const endpoint = process.env.MOTO_ENDPOINT;
  if (!endpoint)
    throw new Error("MOTO_ENDPOINT is not set: run the tests through vitest's global setup");
  return endpoint;
}

let nextAccount = 0;
/** One emulator account per test, so tests never see each other's resources. */
export function freshAccountId(): string {
  nextAccount += 1;
  return `4${String(process.pid % 100000).padStart(5, "0")}${String(Date.now() % 10000).padStart(4, "0")}${String(nextAccount).padStart(2, "0")}`.slice(
    0,
    12,
  );
}

export async function sandboxClients(accountId = freshAccountId(), endpoint = emulatorEndpoint()) {
  const credentials = await assumeSandboxAccount({
    endpoint,
    region: REGION,
    accountId,
    sessionName: "vitest",
    durationSeconds: 3600,
  });
  const counter = new AwsCallCounter();
  return {
    aws: createAwsClients({ credentials, region: REGION, endpoint }, counter),
    counter,
    accountId,
  };
}

/**
 * A user with an access key on an emulator that enforces IAM (started with
 * INITIAL_NO_AUTH_ACTION_COUNT), allowed only `actions`.
 */
export async function enforcedUserKeys(endpoint: string, userName: string, actions: string) {
  const iam = new IAMClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "bootstrap", secretAccessKey: "bootstrap" },
  });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: "allowed",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
      }),
    }),
  );
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  return {
    accessKeyId: key.AccessKey!.AccessKeyId!,
    secretAccessKey: key.AccessKey!.SecretAccessKey!,
  };
}
