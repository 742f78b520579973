import "server-only";
import {
  ListInstanceProfilesCommand,
  ListRolesCommand,
  ListUsersCommand,
} from "@aws-sdk/client-iam";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type { InstanceProfileSummary, RoleSummary, UserSummary } from "@/lib/aws/types";

// One page of up to 1000 covers any workshop account; the lab creates a handful of each.
const PAGE = 1000;

export async function readRoles(aws: AwsClients): Promise<RoleSummary[]> {
  const result = await awsCall("iam:ListRoles", () =>
    aws.iam().send(new ListRolesCommand({ MaxItems: PAGE })),
  );
  return (result.Roles ?? []).flatMap((role) =>
    role.RoleName && role.Arn
      ? [
          {
            name: role.RoleName,
            arn: role.Arn,
            trustPolicy: role.AssumeRolePolicyDocument
              ? decodeURIComponent(role.AssumeRolePolicyDocument)
              : undefined,
          },
        ]
      : [],
  );
}

export async function readInstanceProfiles(aws: AwsClients): Promise<InstanceProfileSummary[]> {
  const result = await awsCall("iam:ListInstanceProfiles", () =>
    aws.iam().send(new ListInstanceProfilesCommand({ MaxItems: PAGE })),
  );
  return (result.InstanceProfiles ?? []).flatMap((profile) =>
    profile.InstanceProfileName && profile.Arn
      ? [
          {
            name: profile.InstanceProfileName,
            arn: profile.Arn,
            roles: (profile.Roles ?? []).flatMap((role) => (role.RoleName ? [role.RoleName] : [])),
          },
        ]
      : [],
  );
}

export async function readUsers(aws: AwsClients): Promise<UserSummary[]> {
  const result = await awsCall("iam:ListUsers", () =>
    aws.iam().send(new ListUsersCommand({ MaxItems: PAGE })),
  );
  return (result.Users ?? []).flatMap((user) =>
    user.UserName && user.Arn ? [{ name: user.UserName, arn: user.Arn }] : [],
  );
}
