import "server-only";
import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DescribeAddressesCommand,
  DescribeImagesCommand,
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  type IpPermission,
  type Tag,
  type TagSpecification,
  type ResourceType,
} from "@aws-sdk/client-ec2";
import { GetParameterCommand } from "@aws-sdk/client-ssm";
import type { AwsClients } from "@/lib/aws/client";
import { awsCall } from "@/lib/aws/errors";
import type {
  AddressSummary,
  ComputeSnapshot,
  ImageSummary,
  IngressRule,
  InstanceSummary,
  KeyPairSummary,
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

/**
 * Everything the Compute checks look at, read once per refresh: the number of AWS calls depends on
 * the resource kinds, never on how many checks or steps read the result.
 */
export async function readComputeSnapshot(aws: AwsClients): Promise<ComputeSnapshot> {
  const ec2 = aws.ec2();
  const [reservations, groups, keyPairs, addresses] = await Promise.all([
    awsCall("ec2:DescribeInstances", () =>
      ec2.send(
        new DescribeInstancesCommand({
          Filters: [
            { Name: "instance-state-name", Values: ["pending", "running", "stopping", "stopped"] },
          ],
        }),
      ),
    ),
    awsCall("ec2:DescribeSecurityGroups", () => ec2.send(new DescribeSecurityGroupsCommand({}))),
    awsCall("ec2:DescribeKeyPairs", () => ec2.send(new DescribeKeyPairsCommand({}))),
    awsCall("ec2:DescribeAddresses", () => ec2.send(new DescribeAddressesCommand({}))),
  ]);

  const instances: InstanceSummary[] = (reservations.Reservations ?? []).flatMap((reservation) =>
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
          securityGroups: (instance.SecurityGroups ?? []).map((group) => ({
            id: group.GroupId ?? "",
            name: group.GroupName ?? "",
          })),
          publicIp: instance.PublicIpAddress,
          launchedAt: instance.LaunchTime?.toISOString(),
          tags,
        },
      ];
    }),
  );

  const webInstances = instances.filter((instance) => instance.name === "Web");
  const imageIds = [...new Set(webInstances.flatMap((instance) => instance.imageId ?? []))];
  const [images, userData] = await Promise.all([
    imageIds.length === 0
      ? Promise.resolve({})
      : awsCall("ec2:DescribeImages", () =>
          ec2.send(new DescribeImagesCommand({ ImageIds: imageIds })),
        ).then((result) =>
          Object.fromEntries(
            (result.Images ?? []).flatMap((image): [string, ImageSummary][] =>
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
            ),
          ),
        ),
    Promise.all(
      webInstances.map(async (instance) => {
        const attribute = await awsCall("ec2:DescribeInstanceAttribute", () =>
          ec2.send(
            new DescribeInstanceAttributeCommand({
              InstanceId: instance.id,
              Attribute: "userData",
            }),
          ),
        );
        const encoded = attribute.UserData?.Value;
        return [
          instance.id,
          encoded ? Buffer.from(encoded, "base64").toString("utf8") : undefined,
        ] as const;
      }),
    ).then((entries) => Object.fromEntries(entries)),
  ]);

  return {
    instances,
    securityGroups: (groups.SecurityGroups ?? []).flatMap((group): SecurityGroupSummary[] =>
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
    ),
    keyPairs: (keyPairs.KeyPairs ?? []).flatMap((pair): KeyPairSummary[] =>
      pair.KeyName
        ? [{ id: pair.KeyPairId, name: pair.KeyName, type: pair.KeyType, tags: toTags(pair.Tags) }]
        : [],
    ),
    addresses: (addresses.Addresses ?? []).flatMap((address): AddressSummary[] =>
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
    ),
    images,
    userData,
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
  input: { name: string; description: string; tags: ResourceTags },
): Promise<string> {
  const result = await awsCall("ec2:CreateSecurityGroup", () =>
    aws.ec2().send(
      new CreateSecurityGroupCommand({
        GroupName: input.name,
        Description: input.description,
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
          ? { ...base, UserIdGroupPairs: [{ GroupId: source.groupId }] }
          : { ...base, PrefixListIds: [{ PrefixListId: source.prefixListId }] };
  await awsCall("ec2:RevokeSecurityGroupIngress", () =>
    aws
      .ec2()
      .send(
        new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [permission] }),
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
    userData: string;
    tags: ResourceTags;
  },
): Promise<string> {
  const result = await awsCall("ec2:RunInstances", () =>
    aws.ec2().send(
      new RunInstancesCommand({
        ImageId: input.imageId,
        InstanceType: input.instanceType as never,
        KeyName: input.keyName,
        SecurityGroupIds: [input.securityGroupId],
        UserData: Buffer.from(input.userData, "utf8").toString("base64"),
        MinCount: 1,
        MaxCount: 1,
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
  return instanceId;
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

export async function associateAddress(aws: AwsClients, allocationId: string, instanceId: string) {
  await awsCall("ec2:AssociateAddress", () =>
    aws
      .ec2()
      .send(new AssociateAddressCommand({ AllocationId: allocationId, InstanceId: instanceId })),
  );
}
