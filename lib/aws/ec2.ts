import "server-only";
import { randomUUID } from "node:crypto";
import {
  waitUntilInstanceExists,
  AllocateAddressCommand,
  AssociateAddressCommand,
  AssociateIamInstanceProfileCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeInternetGatewaysCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  ModifyInstanceMetadataOptionsCommand,
  ReleaseAddressCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  UpdateSecurityGroupRuleDescriptionsIngressCommand,
  type Instance,
  type Reservation,
  type IpPermission,
  type Tag,
  type TagSpecification,
  type ResourceType,
} from "@aws-sdk/client-ec2";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { AwsClients } from "@/lib/aws/client";
import { AwsCallError, awsCall, classifyAwsError } from "@/lib/aws/errors";
import type {
  AddressSummary,
  ImageSummary,
  IngressRule,
  InstanceSummary,
  KeyPairSummary,
  NetworkSummary,
  ResourceTags,
  SecurityGroupSummary,
} from "@/lib/aws/types";

export const AL2023_AMI_PARAMETER =
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

const toTags = (tags: Tag[] | undefined): ResourceTags =>
  Object.fromEntries((tags ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? ""]] : [])));

const tagSpecification = (resourceType: ResourceType, tags: ResourceTags): TagSpecification[] => [
  {
    ResourceType: resourceType,
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  },
];

function toIngressRules(permissions: IpPermission[] | undefined): IngressRule[] {
  return (permissions ?? []).flatMap((permission) => {
    const base = {
      protocol: permission.IpProtocol ?? "-1",
      fromPort: permission.FromPort,
      toPort: permission.ToPort,
    };
    return [
      ...(permission.IpRanges ?? []).map((range) => ({
        ...base,
        source: { kind: "ipv4" as const, cidr: range.CidrIp ?? "", description: range.Description },
      })),
      ...(permission.Ipv6Ranges ?? []).map((range) => ({
        ...base,
        source: {
          kind: "ipv6" as const,
          cidr: range.CidrIpv6 ?? "",
          description: range.Description,
        },
      })),
      ...(permission.UserIdGroupPairs ?? []).map((pair) => ({
        ...base,
        source: {
          kind: "group" as const,
          groupId: pair.GroupId ?? "",
          description: pair.Description,
        },
      })),
      ...(permission.PrefixListIds ?? []).map((prefixList) => ({
        ...base,
        source: {
          kind: "prefix-list" as const,
          prefixListId: prefixList.PrefixListId ?? "",
          description: prefixList.Description,
        },
      })),
    ];
  });
}

const liveStates = ["pending", "running", "stopping", "stopped"];

/** What `readInstances` keeps of a wider read: terminated and shutting-down instances are gone. */
export const isLiveInstance = (instance: InstanceSummary) => liveStates.includes(instance.state);

/** The instance's groups, also as listed on its network interfaces (where the emulator puts them). */
function securityGroupsOf(instance: Instance): { id: string; name: string }[] {
  const groups = [
    ...(instance.SecurityGroups ?? []),
    ...(instance.NetworkInterfaces ?? []).flatMap((nic) => nic.Groups ?? []),
  ];
  const byId = new Map<string, string>();
  for (const group of groups) if (group.GroupId) byId.set(group.GroupId, group.GroupName ?? "");
  return [...byId].map(([id, name]) => ({ id, name }));
}

export function toInstanceSummaries(reservations: Reservation[] | undefined): InstanceSummary[] {
  return (reservations ?? []).flatMap((reservation) =>
    (reservation.Instances ?? []).flatMap((instance) => {
      if (!instance.InstanceId) return [];
      const tags = toTags(instance.Tags);
      return [
        {
          id: instance.InstanceId,
          name: tags.Name,
          state: instance.State?.Name ?? "unknown",
          imageId: instance.ImageId,
          instanceType: instance.InstanceType,
          keyName: instance.KeyName,
          securityGroups: securityGroupsOf(instance),
          publicIp: instance.PublicIpAddress,
          privateIp: instance.PrivateIpAddress,
          subnetId: instance.SubnetId,
          vpcId: instance.VpcId,
          metadataEndpoint: instance.MetadataOptions?.HttpEndpoint,
          instanceProfileArn: instance.IamInstanceProfile?.Arn,
          launchedAt: instance.LaunchTime?.toISOString(),
          tags,
        },
      ];
    }),
  );
}

/** Instances that still exist (terminated ones are gone from the attendee's point of view). */
export async function readInstances(aws: AwsClients): Promise<InstanceSummary[]> {
  const result = await awsCall("ec2:DescribeInstances", () =>
    aws.ec2().send(
      new DescribeInstancesCommand({
        Filters: [{ Name: "instance-state-name", Values: liveStates }],
      }),
    ),
  );
  return toInstanceSummaries(result.Reservations);
}

export async function readSecurityGroups(aws: AwsClients): Promise<SecurityGroupSummary[]> {
  const result = await awsCall("ec2:DescribeSecurityGroups", () =>
    aws.ec2().send(new DescribeSecurityGroupsCommand({})),
  );
  return (result.SecurityGroups ?? []).flatMap((group): SecurityGroupSummary[] =>
    group.GroupId
      ? [
          {
            id: group.GroupId,
            name: group.GroupName ?? "",
            description: group.Description ?? "",
            vpcId: group.VpcId,
            ingress: toIngressRules(group.IpPermissions),
            tags: toTags(group.Tags),
          },
        ]
      : [],
  );
}

export async function readKeyPairs(aws: AwsClients): Promise<KeyPairSummary[]> {
  const result = await awsCall("ec2:DescribeKeyPairs", () =>
    aws.ec2().send(new DescribeKeyPairsCommand({})),
  );
  return (result.KeyPairs ?? []).flatMap((pair): KeyPairSummary[] =>
    pair.KeyName
      ? [{ id: pair.KeyPairId, name: pair.KeyName, type: pair.KeyType, tags: toTags(pair.Tags) }]
      : [],
  );
}

export async function readAddresses(aws: AwsClients): Promise<AddressSummary[]> {
  const result = await awsCall("ec2:DescribeAddresses", () =>
    aws.ec2().send(new DescribeAddressesCommand({})),
  );
  return (result.Addresses ?? []).flatMap((address): AddressSummary[] =>
    address.AllocationId && address.PublicIp
      ? [
          {
            allocationId: address.AllocationId,
            publicIp: address.PublicIp,
            instanceId: address.InstanceId,
            associationId: address.AssociationId,
            tags: toTags(address.Tags),
          },
        ]
      : [],
  );
}

/**
 * What a process may keep once read: an AMI's name and platform never change, and an instance's
 * user data changes only while it is stopped, so on AWS, where every start sets a new launch time,
 * it stands as long as the launch time does. Bounded, oldest first out; keyed by where it was read
 * (AWS or an emulator, and the region).
 */
const KEPT_LIMIT = 5_000;
const kept = ((globalThis as { __aws101Immutable?: Map<string, unknown> }).__aws101Immutable ??=
  new Map<string, unknown>());

function keep(key: string, value: unknown) {
  if (kept.size >= KEPT_LIMIT) kept.delete(kept.keys().next().value ?? "");
  kept.set(key, value);
}

const placeOf = (aws: AwsClients) => `${aws.target.endpoint ?? "aws"}|${aws.target.region}`;

export async function readImages(
  aws: AwsClients,
  imageIds: string[],
): Promise<Record<string, ImageSummary>> {
  const keyOf = (imageId: string) => `${placeOf(aws)}|image|${imageId}`;
  const known = imageIds.flatMap((imageId): [string, ImageSummary][] => {
    const image = kept.get(keyOf(imageId)) as ImageSummary | undefined;
    return image ? [[imageId, image]] : [];
  });
  const unknown = imageIds.filter((imageId) => !kept.has(keyOf(imageId)));
  if (unknown.length === 0) return Object.fromEntries(known);
  const result = await awsCall("ec2:DescribeImages", () =>
    aws.ec2().send(new DescribeImagesCommand({ ImageIds: unknown })),
  );
  const read = (result.Images ?? []).flatMap((image): [string, ImageSummary][] =>
    image.ImageId
      ? [
          [
            image.ImageId,
            {
              id: image.ImageId,
              name: image.Name,
              description: image.Description,
              platformDetails: image.PlatformDetails,
            },
          ],
        ]
      : [],
  );
  for (const [imageId, image] of read) keep(keyOf(imageId), image);
  return Object.fromEntries([...known, ...read]);
}

/** Decoded user data per instance; undefined when an instance has none. One call per instance. */
export async function readUserData(
  aws: AwsClients,
  instances: Pick<InstanceSummary, "id" | "state" | "launchedAt">[],
): Promise<Record<string, string | undefined>> {
  const entries = await Promise.all(
    instances.map(async (instance) => {
      // Stopped, its user data may be edited: read it every time until it starts again. The
      // emulator keeps the first launch time across a stop and a start, so there it is always read.
      const startedKey =
        !aws.target.endpoint &&
        instance.launchedAt &&
        (instance.state === "pending" || instance.state === "running")
          ? `${placeOf(aws)}|userData|${instance.id}|${instance.launchedAt}`
          : undefined;
      if (startedKey && kept.has(startedKey)) {
        return [instance.id, kept.get(startedKey) as string | undefined] as const;
      }
      const attribute = await awsCall("ec2:DescribeInstanceAttribute", () =>
        aws.ec2().send(
          new DescribeInstanceAttributeCommand({
            InstanceId: instance.id,
            Attribute: "userData",
          }),
        ),
      );
      const encoded = attribute.UserData?.Value;
      const userData = encoded ? Buffer.from(encoded, "base64").toString("utf8") : undefined;
      if (startedKey) keep(startedKey, userData);
      return [instance.id, userData] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export async function readNetwork(aws: AwsClients): Promise<NetworkSummary> {
  const ec2 = aws.ec2();
  const [vpcs, subnets, gateways] = await Promise.all([
    awsCall("ec2:DescribeVpcs", () => ec2.send(new DescribeVpcsCommand({}))),
    awsCall("ec2:DescribeSubnets", () => ec2.send(new DescribeSubnetsCommand({}))),
    awsCall("ec2:DescribeInternetGateways", () =>
      ec2.send(new DescribeInternetGatewaysCommand({})),
    ),
  ]);
  return {
    vpcs: (vpcs.Vpcs ?? []).flatMap((vpc) =>
      vpc.VpcId ? [{ id: vpc.VpcId, isDefault: vpc.IsDefault === true }] : [],
    ),
    subnets: (subnets.Subnets ?? []).flatMap((subnet) =>
      subnet.SubnetId && subnet.VpcId
        ? [
            {
              id: subnet.SubnetId,
              vpcId: subnet.VpcId,
              availabilityZone: subnet.AvailabilityZone,
              defaultForAz: subnet.DefaultForAz === true,
              mapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch === true,
            },
          ]
        : [],
    ),
    vpcsWithInternetGateway: (gateways.InternetGateways ?? []).flatMap((gateway) =>
      (gateway.Attachments ?? []).flatMap((attachment) =>
        attachment.VpcId && attachment.State !== "detached" ? [attachment.VpcId] : [],
      ),
    ),
  };
}

export type IngressRequest = { protocol: "tcp"; port: number; cidr: string; description?: string };

export async function createKeyPair(aws: AwsClients, name: string, tags: ResourceTags) {
  const result = await awsCall("ec2:CreateKeyPair", () =>
    aws.ec2().send(
      new CreateKeyPairCommand({
        KeyName: name,
        KeyType: "rsa",
        KeyFormat: "pem",
        TagSpecifications: tagSpecification("key-pair", tags),
      }),
    ),
  );
  if (!result.KeyMaterial) throw new Error("CreateKeyPair returned no key material");
  return { name, privateKey: result.KeyMaterial };
}

export async function createSecurityGroup(
  aws: AwsClients,
  input: { name: string; description: string; vpcId: string; tags: ResourceTags },
): Promise<string> {
  const result = await awsCall("ec2:CreateSecurityGroup", () =>
    aws.ec2().send(
      new CreateSecurityGroupCommand({
        GroupName: input.name,
        Description: input.description,
        VpcId: input.vpcId,
        TagSpecifications: tagSpecification("security-group", input.tags),
      }),
    ),
  );
  if (!result.GroupId) throw new Error("CreateSecurityGroup returned no group id");
  return result.GroupId;
}

export async function authorizeIngress(aws: AwsClients, groupId: string, rule: IngressRequest) {
  const description = rule.description ? { Description: rule.description } : {};
  const ranges = rule.cidr.includes(":")
    ? { Ipv6Ranges: [{ CidrIpv6: rule.cidr, ...description }] }
    : { IpRanges: [{ CidrIp: rule.cidr, ...description }] };
  await awsCall("ec2:AuthorizeSecurityGroupIngress", () =>
    aws.ec2().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [
          { IpProtocol: rule.protocol, FromPort: rule.port, ToPort: rule.port, ...ranges },
        ],
      }),
    ),
  );
}

/** Revokes exactly one rule as it was read from the snapshot. */
export async function revokeIngress(aws: AwsClients, groupId: string, rule: IngressRule) {
  const base = { IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort };
  const source = rule.source;
  const permission: IpPermission =
    source.kind === "ipv4"
      ? { ...base, IpRanges: [{ CidrIp: source.cidr }] }
      : source.kind === "ipv6"
        ? { ...base, Ipv6Ranges: [{ CidrIpv6: source.cidr }] }
        : source.kind === "group"
          ? {
              ...base,
              // The emulator matches a group-sourced rule by its description too; AWS ignores it.
              UserIdGroupPairs: [
                {
                  GroupId: source.groupId,
                  ...(source.description ? { Description: source.description } : {}),
                },
              ],
            }
          : { ...base, PrefixListIds: [{ PrefixListId: source.prefixListId }] };
  await awsCall("ec2:RevokeSecurityGroupIngress", () =>
    aws
      .ec2()
      .send(
        new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission] }),
      ),
  );
}

/** Sets the description of one existing IPv4/IPv6 rule in place (the console's "description" field). */
export async function describeIngressRule(
  aws: AwsClients,
  groupId: string,
  rule: IngressRule,
  description: string,
) {
  const base = { IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort };
  const source = rule.source;
  if (source.kind !== "ipv4" && source.kind !== "ipv6") {
    throw new Error("only address rules get a description here");
  }
  const permission: IpPermission =
    source.kind === "ipv4"
      ? { ...base, IpRanges: [{ CidrIp: source.cidr, Description: description }] }
      : { ...base, Ipv6Ranges: [{ CidrIpv6: source.cidr, Description: description }] };
  await awsCall("ec2:UpdateSecurityGroupRuleDescriptionsIngress", () =>
    aws.ec2().send(
      new UpdateSecurityGroupRuleDescriptionsIngressCommand({
        GroupId: groupId,
        IpPermissions: [permission],
      }),
    ),
  );
}

export async function latestAl2023ImageId(aws: AwsClients): Promise<string> {
  const result = await awsCall("ssm:GetParameter", () =>
    aws.ssm().send(new GetParameterCommand({ Name: AL2023_AMI_PARAMETER })),
  );
  const imageId = result.Parameter?.Value;
  if (!imageId) throw new Error(`SSM parameter ${AL2023_AMI_PARAMETER} has no value`);
  return imageId;
}

export async function runInstance(
  aws: AwsClients,
  input: {
    imageId: string;
    instanceType: string;
    keyName: string;
    securityGroupId: string;
    subnetId: string;
    userData: string;
    tags: ResourceTags;
  },
): Promise<string> {
  // The SDK resends the same input when it retries, so this token makes a retried launch
  // return the first instance instead of starting a second one.
  const clientToken = randomUUID();
  const result = await awsCall("ec2:RunInstances", () =>
    aws.ec2().send(
      new RunInstancesCommand({
        ImageId: input.imageId,
        InstanceType: input.instanceType as never,
        KeyName: input.keyName,
        NetworkInterfaces: [
          {
            DeviceIndex: 0,
            SubnetId: input.subnetId,
            Groups: [input.securityGroupId],
            AssociatePublicIpAddress: true,
          },
        ],
        UserData: Buffer.from(input.userData, "utf8").toString("base64"),
        MinCount: 1,
        MaxCount: 1,
        ClientToken: clientToken,
        MetadataOptions: { HttpTokens: "required", HttpEndpoint: "enabled" },
        TagSpecifications: [
          ...tagSpecification("instance", input.tags),
          ...tagSpecification("volume", input.tags),
        ],
      }),
    ),
  );
  const instanceId = result.Instances?.[0]?.InstanceId;
  if (!instanceId) throw new Error("RunInstances returned no instance");
  await untilListed(aws, instanceId);
  return instanceId;
}

/**
 * EC2 lists a new instance only after a moment (eventual consistency): until then the check the
 * page shows after the apply would say "no Web" and invite a second launch. Bounded: after 30 s
 * the apply ends anyway and the next Check finds it.
 */
async function untilListed(aws: AwsClients, instanceId: string) {
  await waitUntilInstanceExists(
    { client: aws.ec2(), maxWaitTime: 30, minDelay: 1, maxDelay: 5 },
    { Filters: [{ Name: "instance-id", Values: [instanceId] }] },
  ).catch((error: unknown) => {
    if ((error as { name?: string }).name !== "TimeoutError") throw error;
  });
}

export async function allocateAddress(aws: AwsClients, tags: ResourceTags) {
  const result = await awsCall("ec2:AllocateAddress", () =>
    aws.ec2().send(
      new AllocateAddressCommand({
        Domain: "vpc",
        TagSpecifications: tagSpecification("elastic-ip", tags),
      }),
    ),
  );
  if (!result.AllocationId || !result.PublicIp)
    throw new Error("AllocateAddress returned no address");
  return { allocationId: result.AllocationId, publicIp: result.PublicIp };
}

export async function releaseAddress(aws: AwsClients, allocationId: string) {
  await awsCall("ec2:ReleaseAddress", () =>
    aws.ec2().send(new ReleaseAddressCommand({ AllocationId: allocationId })),
  );
}

export async function enableInstanceMetadata(aws: AwsClients, instanceId: string) {
  await awsCall("ec2:ModifyInstanceMetadataOptions", () =>
    aws.ec2().send(
      new ModifyInstanceMetadataOptionsCommand({
        InstanceId: instanceId,
        HttpEndpoint: "enabled",
      }),
    ),
  );
}

export async function associateAddress(aws: AwsClients, allocationId: string, instanceId: string) {
  await awsCall("ec2:AssociateAddress", () =>
    aws
      .ec2()
      .send(new AssociateAddressCommand({ AllocationId: allocationId, InstanceId: instanceId })),
  );
}

/** A rule whose source is another security group (the console's Custom → sg-…), not an address. */
export async function authorizeIngressFromGroup(
  aws: AwsClients,
  groupId: string,
  rule: { port: number; sourceGroupId: string; description: string },
) {
  await awsCall("ec2:AuthorizeSecurityGroupIngress", () =>
    aws.ec2().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: rule.port,
            ToPort: rule.port,
            UserIdGroupPairs: [{ GroupId: rule.sourceGroupId, Description: rule.description }],
          },
        ],
      }),
    ),
  );
}

/**
 * Gives one group-sourced rule a new description by removing and re-adding it. The emulator
 * matches such rules including their description, so UpdateSecurityGroupRuleDescriptionsIngress
 * never finds them there; AWS accepts both ways.
 */
export async function redescribeGroupIngressRule(
  aws: AwsClients,
  groupId: string,
  rule: IngressRule,
  description: string,
) {
  const source = rule.source;
  if (source.kind !== "group") throw new Error("only group-sourced rules here");
  const permission = (pairDescription: string | undefined): IpPermission => ({
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    UserIdGroupPairs: [
      { GroupId: source.groupId, ...(pairDescription ? { Description: pairDescription } : {}) },
    ],
  });
  await awsCall("ec2:RevokeSecurityGroupIngress", () =>
    aws.ec2().send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [permission(source.description)],
      }),
    ),
  );
  await awsCall("ec2:AuthorizeSecurityGroupIngress", () =>
    aws.ec2().send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [permission(description)],
      }),
    ),
  );
}

/** IAM is eventually consistent: EC2 may not know a just-created instance profile for seconds. */
const PROFILE_PROPAGATION_DELAYS_MS = [1_000, 2_000, 4_000, 8_000];

export function isUnknownInstanceProfile(error: unknown): boolean {
  const named = error as { name?: string; message?: string } | null;
  return (
    named?.name === "InvalidParameterValue" &&
    /invalid iam instance profile/i.test(named.message ?? "")
  );
}

/**
 * Retries only EC2's "Invalid IAM Instance Profile" answer, with backoff; every other failure is
 * left to the SDK's own retry.
 */
export async function retryWhileProfilePropagates<T>(
  call: () => Promise<T>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((done) => setTimeout(done, ms)),
): Promise<T> {
  for (const delay of PROFILE_PROPAGATION_DELAYS_MS) {
    try {
      return await call();
    } catch (error) {
      if (!isUnknownInstanceProfile(error)) throw error;
      await wait(delay);
    }
  }
  return call();
}

export async function associateInstanceProfile(
  aws: AwsClients,
  instanceId: string,
  profileArn: string,
) {
  const operation = "ec2:AssociateIamInstanceProfile";
  try {
    await retryWhileProfilePropagates(() =>
      aws.ec2().send(
        new AssociateIamInstanceProfileCommand({
          InstanceId: instanceId,
          IamInstanceProfile: { Arn: profileArn },
        }),
      ),
    );
  } catch (error) {
    throw new AwsCallError(classifyAwsError(error, operation), { cause: error });
  }
}
