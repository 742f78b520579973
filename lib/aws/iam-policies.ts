import "server-only";
import {
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import { GetBucketPolicyCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { z } from "zod";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";

/** A policy document as JSON; lib/sandbox/policy-evaluation.ts reads its statements. */
export type PolicyDocument = Record<string, unknown>;

export type NamedPolicy = { name: string; document: PolicyDocument };

export type RolePolicies = {
  roleArn: string;
  inline: NamedPolicy[];
  attached: NamedPolicy[];
  /** Attached policy ARNs whose document could not be read: they grant nothing. */
  unreadable: string[];
};

export type InstanceProfileRole = { name: string; arn: string; trustPolicy?: PolicyDocument };

/** Whether a bucket exists, and whether it is the caller account's own (moto lets any account reach it). */
export type BucketAccess =
  { exists: false } | { exists: true; ownedByCaller: boolean; policy?: PolicyDocument };

const PAGE = 1000;
const documentSchema = z.record(z.string(), z.unknown());

/** IAM returns policy documents URL-encoded; S3 returns bucket policies as plain JSON. */
function parseDocument(text: string | undefined): PolicyDocument | undefined {
  if (!text) return undefined;
  try {
    const json = text.trimStart().startsWith("{") ? text : decodeURIComponent(text);
    const parsed = documentSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const isMissing = (error: unknown, ...names: string[]) =>
  names.includes((error as { name?: string } | null)?.name ?? "");

/** undefined when the role no longer exists. */
export async function readRolePolicies(
  aws: AwsClients,
  roleName: string,
): Promise<RolePolicies | undefined> {
  const iam = aws.iam();
  const role = await awsCall("iam:GetRole", () =>
    iam
      .send(new GetRoleCommand({ RoleName: roleName }))
      .catch((error: unknown) =>
        isMissing(error, "NoSuchEntity", "NoSuchEntityException")
          ? undefined
          : Promise.reject(error),
      ),
  );
  if (!role?.Role?.Arn) return undefined;
  const [inlineNames, attachedList] = await Promise.all([
    awsCall("iam:ListRolePolicies", () =>
      iam.send(new ListRolePoliciesCommand({ RoleName: roleName, MaxItems: PAGE })),
    ),
    awsCall("iam:ListAttachedRolePolicies", () =>
      iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, MaxItems: PAGE })),
    ),
  ]);
  const inline = await Promise.all(
    (inlineNames.PolicyNames ?? []).map(async (name) => {
      const policy = await awsCall("iam:GetRolePolicy", () =>
        iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name })),
      );
      return { name, document: parseDocument(policy.PolicyDocument) };
    }),
  );
  const attached = await Promise.all(
    (attachedList.AttachedPolicies ?? []).flatMap((policy) =>
      policy.PolicyArn ? [readManagedPolicy(aws, policy.PolicyArn)] : [],
    ),
  );
  return {
    roleArn: role.Role.Arn,
    inline: inline.flatMap(({ name, document }) => (document ? [{ name, document }] : [])),
    attached: attached.flatMap(({ name, document }) => (document ? [{ name, document }] : [])),
    unreadable: attached.flatMap(({ arn, document }) => (document ? [] : [arn])),
  };
}

async function readManagedPolicy(
  aws: AwsClients,
  arn: string,
): Promise<{ arn: string; name: string; document?: PolicyDocument }> {
  const iam = aws.iam();
  const name = arn.split("/").pop() ?? arn;
  const policy = await awsCall("iam:GetPolicy", () =>
    iam
      .send(new GetPolicyCommand({ PolicyArn: arn }))
      .catch((error: unknown) =>
        isMissing(error, "NoSuchEntity", "NoSuchEntityException")
          ? undefined
          : Promise.reject(error),
      ),
  );
  const versionId = policy?.Policy?.DefaultVersionId;
  if (!versionId) return { arn, name };
  const version = await awsCall("iam:GetPolicyVersion", () =>
    iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId })),
  );
  return { arn, name, document: parseDocument(version.PolicyVersion?.Document) };
}

/** The role an instance profile carries (an instance profile holds at most one). */
export async function readInstanceProfileRole(
  aws: AwsClients,
  instanceProfileArn: string,
): Promise<InstanceProfileRole | undefined> {
  const profileName = instanceProfileArn.split("/").pop();
  if (!profileName) return undefined;
  const result = await awsCall("iam:GetInstanceProfile", () =>
    aws
      .iam()
      .send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }))
      .catch((error: unknown) =>
        isMissing(error, "NoSuchEntity", "NoSuchEntityException")
          ? undefined
          : Promise.reject(error),
      ),
  );
  const role = result?.InstanceProfile?.Roles?.[0];
  if (!role?.RoleName || !role.Arn) return undefined;
  return {
    name: role.RoleName,
    arn: role.Arn,
    trustPolicy: parseDocument(role.AssumeRolePolicyDocument),
  };
}

/** A bucket's policy; `exists: false` when the bucket itself does not exist. */
export async function readBucketPolicy(
  aws: AwsClients,
  bucket: string,
): Promise<{ exists: false } | { exists: true; policy?: PolicyDocument }> {
  return awsCall("s3:GetBucketPolicy", () =>
    aws
      .s3()
      .send(new GetBucketPolicyCommand({ Bucket: bucket }))
      .then((result) => ({ exists: true as const, policy: parseDocument(result.Policy) }))
      .catch((error: unknown) => {
        if (isMissing(error, "NoSuchBucketPolicy")) return { exists: true as const };
        if (isMissing(error, "NoSuchBucket")) return { exists: false as const };
        return Promise.reject(error);
      }),
  );
}

export async function readBucketAccess(aws: AwsClients, bucket: string): Promise<BucketAccess> {
  const found = await readBucketPolicy(aws, bucket);
  if (!found.exists) return { exists: false };
  const listed = await awsCall("s3:ListBuckets", () => aws.s3().send(new ListBucketsCommand({})));
  return {
    exists: true,
    ownedByCaller: (listed.Buckets ?? []).some((candidate) => candidate.Name === bucket),
    policy: found.policy,
  };
}
