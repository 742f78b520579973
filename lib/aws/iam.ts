import "server-only";
import {
  AddRoleToInstanceProfileCommand,
  AttachUserPolicyCommand,
  CreateInstanceProfileCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListInstanceProfilesCommand,
  ListRolesCommand,
  ListUsersCommand,
  UpdateLoginProfileCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError, awsCall } from "@/lib/aws/errors";
import type {
  ConsoleUserSummary,
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
    user.UserName && user.Arn
      ? [
          {
            name: user.UserName,
            arn: user.Arn,
            ...(user.CreateDate ? { createdAt: user.CreateDate.toISOString() } : {}),
          },
        ]
      : [],
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

const isNoSuchEntity = (error: unknown) =>
  error instanceof AwsCallError && error.problem.awsCode === "NoSuchEntity";

async function readLoginProfile(aws: AwsClients, userName: string) {
  try {
    const result = await awsCall("iam:GetLoginProfile", () =>
      aws.iam().send(new GetLoginProfileCommand({ UserName: userName })),
    );
    return { passwordResetRequired: result.LoginProfile?.PasswordResetRequired === true };
  } catch (error) {
    if (isNoSuchEntity(error)) return undefined;
    throw error;
  }
}

async function attachedUserPolicies(aws: AwsClients, userName: string) {
  const result = await awsCall("iam:ListAttachedUserPolicies", () =>
    aws.iam().send(new ListAttachedUserPoliciesCommand({ UserName: userName, MaxItems: PAGE })),
  );
  return (result.AttachedPolicies ?? []).flatMap((policy) => policy.PolicyName ?? []);
}

async function groupsOf(aws: AwsClients, userName: string) {
  const result = await awsCall("iam:ListGroupsForUser", () =>
    aws.iam().send(new ListGroupsForUserCommand({ UserName: userName, MaxItems: PAGE })),
  );
  return (result.Groups ?? []).flatMap((group) => group.GroupName ?? []);
}

async function attachedGroupPolicies(aws: AwsClients, groupName: string) {
  const result = await awsCall("iam:ListAttachedGroupPolicies", () =>
    aws.iam().send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName, MaxItems: PAGE })),
  );
  return (result.AttachedPolicies ?? []).flatMap((policy) => policy.PolicyName ?? []);
}

/**
 * The console details of the `newest` most recently created of the listed users (`readUsers`),
 * plus those named in `always`: at most three calls per user and one per distinct group.
 */
export async function readConsoleUsers(
  aws: AwsClients,
  listed: readonly UserSummary[],
  input: { newest: number; always: readonly string[] },
): Promise<ConsoleUserSummary[]> {
  const users = [...listed].sort((a, b) => (b.createdAt ?? "").localeCompare(a.createdAt ?? ""));
  const chosen = users.filter(
    (user, index) => index < input.newest || input.always.includes(user.name),
  );
  const details = await Promise.all(
    chosen.map(async (user) => {
      const [loginProfile, policies, groups] = await Promise.all([
        readLoginProfile(aws, user.name),
        attachedUserPolicies(aws, user.name),
        groupsOf(aws, user.name),
      ]);
      return { user, loginProfile, policies, groups };
    }),
  );
  const groupNames = [...new Set(details.flatMap((detail) => detail.groups))];
  const groupPolicies = new Map(
    await Promise.all(
      groupNames.map(async (name) => [name, await attachedGroupPolicies(aws, name)] as const),
    ),
  );
  return details.map(({ user, loginProfile, policies, groups }) => ({
    name: user.name,
    arn: user.arn,
    ...(user.createdAt ? { createdAt: user.createdAt } : {}),
    ...(loginProfile ? { loginProfile } : {}),
    policies,
    groups: groups.map((name) => ({ name, policies: groupPolicies.get(name) ?? [] })),
  }));
}

export async function createUser(aws: AwsClients, input: { name: string; tags: ResourceTags }) {
  await awsCall("iam:CreateUser", () =>
    aws.iam().send(new CreateUserCommand({ UserName: input.name, Tags: iamTags(input.tags) })),
  );
}

/** A console password the attendee keeps: no reset at first sign-in, as the lab asks. */
export async function createLoginProfile(
  aws: AwsClients,
  input: { userName: string; password: string },
) {
  await awsCall("iam:CreateLoginProfile", () =>
    aws.iam().send(
      new CreateLoginProfileCommand({
        UserName: input.userName,
        Password: input.password,
        PasswordResetRequired: false,
      }),
    ),
  );
}

/** A new console password, kept as set: "must create a new password at next sign-in" is lifted. */
export async function setLoginPassword(
  aws: AwsClients,
  input: { userName: string; password: string },
) {
  await awsCall("iam:UpdateLoginProfile", () =>
    aws.iam().send(
      new UpdateLoginProfileCommand({
        UserName: input.userName,
        Password: input.password,
        PasswordResetRequired: false,
      }),
    ),
  );
}

export async function attachUserPolicy(
  aws: AwsClients,
  input: { userName: string; policyArn: string },
) {
  await awsCall("iam:AttachUserPolicy", () =>
    aws
      .iam()
      .send(new AttachUserPolicyCommand({ UserName: input.userName, PolicyArn: input.policyArn })),
  );
}
