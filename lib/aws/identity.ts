import "server-only";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { type AwsClients, createAwsClients, createPortalClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { AwsCredentials, AwsTarget, CallerIdentity } from "@/lib/aws/types";

export async function getCallerIdentity(target: AwsTarget): Promise<CallerIdentity> {
  return getCallerIdentityWith(createAwsClients(target));
}

export async function getCallerIdentityWith(aws: AwsClients): Promise<CallerIdentity> {
  const identity = await awsCall("sts:GetCallerIdentity", () =>
    aws.sts().send(new GetCallerIdentityCommand({})),
  );
  if (!identity.Account || !identity.Arn) throw new Error("GetCallerIdentity returned no account");
  return { accountId: identity.Account, arn: identity.Arn };
}

/**
 * Sandbox accounts: the emulator scopes state by the account in the assumed role's ARN,
 * so assuming a role in a per-attendee account id gives each attendee an isolated AWS.
 */
export async function assumeSandboxAccount(input: {
  endpoint: string;
  region: string;
  accountId: string;
  sessionName: string;
  durationSeconds: number;
}): Promise<AwsCredentials & { expiration: Date }> {
  const emulator = createAwsClients({
    endpoint: input.endpoint,
    region: input.region,
    credentials: { accessKeyId: "sandbox", secretAccessKey: "sandbox" },
  });
  return assumeRole(emulator, {
    roleArn: `arn:aws:iam::${input.accountId}:role/aws101-attendee`,
    sessionName: input.sessionName,
    durationSeconds: input.durationSeconds,
  });
}

/**
 * An attendee's role in an account the organiser controls, assumed by the portal's own identity
 * (the SDK's default chain) with the event's ExternalId.
 */
export async function assumeAttendeeRole(input: {
  roleArn: string;
  externalId: string;
  region: string;
  endpoint?: string;
  sessionName: string;
  durationSeconds: number;
}): Promise<AwsCredentials & { expiration: Date }> {
  return assumeRole(createPortalClients({ region: input.region, endpoint: input.endpoint }), input);
}

/** A session of `roleArn` (in the sandbox: the instance role's credentials, in the role's account). */
export async function assumeRole(
  aws: Pick<AwsClients, "sts">,
  input: { roleArn: string; sessionName: string; durationSeconds: number; externalId?: string },
): Promise<AwsCredentials & { expiration: Date }> {
  const result = await awsCall("sts:AssumeRole", () =>
    aws.sts().send(
      new AssumeRoleCommand({
        RoleArn: input.roleArn,
        RoleSessionName: input.sessionName,
        DurationSeconds: input.durationSeconds,
        ExternalId: input.externalId,
      }),
    ),
  );
  const credentials = result.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.Expiration) {
    throw new Error("AssumeRole returned no credentials");
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}
