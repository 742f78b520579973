import "server-only";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  GetRoleCommand,
  ListInstanceProfilesCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError, awsCall } from "@/lib/aws/errors";
import type {
  InstanceProfileSummary,
  ResourceTags,
  RoleSummary,
  UserSummary,
} from "@/lib/aws/types";

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

const iamTags = (tags: ResourceTags) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export async function createRole(
  aws: AwsClients,
  input: {
    name: string;
    trustPolicy: Record<string, unknown>;
    description: string;
    tags: ResourceTags;
  },
) {
  await awsCall("iam:CreateRole", () =>
    aws.iam().send(
      new CreateRoleCommand({
        RoleName: input.name,
        AssumeRolePolicyDocument: JSON.stringify(input.trustPolicy),
        Description: input.description,
        Tags: iamTags(input.tags),
      }),
    ),
  );
}

export async function updateTrustPolicy(
  aws: AwsClients,
  roleName: string,
  trustPolicy: Record<string, unknown>,
) {
  await awsCall("iam:UpdateAssumeRolePolicy", () =>
    aws.iam().send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: roleName,
        PolicyDocument: JSON.stringify(trustPolicy),
      }),
    ),
  );
}

/** Returns the new profile's ARN. */
export async function createInstanceProfile(
  aws: AwsClients,
  input: { name: string; tags: ResourceTags },
): Promise<string> {
  const result = await awsCall("iam:CreateInstanceProfile", () =>
    aws.iam().send(
      new CreateInstanceProfileCommand({
        InstanceProfileName: input.name,
        Tags: iamTags(input.tags),
      }),
    ),
  );
  const arn = result.InstanceProfile?.Arn;
  if (!arn) throw new Error("CreateInstanceProfile returned no ARN");
  return arn;
}

export async function addRoleToInstanceProfile(
  aws: AwsClients,
  input: { profileName: string; roleName: string },
) {
  await awsCall("iam:AddRoleToInstanceProfile", () =>
    aws.iam().send(
      new AddRoleToInstanceProfileCommand({
        InstanceProfileName: input.profileName,
        RoleName: input.roleName,
      }),
    ),
  );
}

export async function putRolePolicy(
  aws: AwsClients,
  input: { roleName: string; policyName: string; document: Record<string, unknown> },
) {
  await awsCall("iam:PutRolePolicy", () =>
    aws.iam().send(
      new PutRolePolicyCommand({
        RoleName: input.roleName,
        PolicyName: input.policyName,
        PolicyDocument: JSON.stringify(input.document),
      }),
    ),
  );
}

/** The role's trust policy as a document, or undefined when the role doesn't exist. */
export async function readRoleTrustPolicy(aws: AwsClients, roleName: string): Promise<unknown> {
  try {
    const result = await awsCall("iam:GetRole", () =>
      aws.iam().send(new GetRoleCommand({ RoleName: roleName })),
    );
    const document = result.Role?.AssumeRolePolicyDocument;
    return document ? JSON.parse(decodeURIComponent(document)) : {};
  } catch (error) {
    if (error instanceof AwsCallError && error.problem.awsCode === "NoSuchEntity") return undefined;
    throw error;
  }
}
