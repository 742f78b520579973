export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
};

export type AwsTarget = {
  credentials: AwsCredentials;
  region: string;
  /** Set for the local emulator; unset means real AWS. */
  endpoint?: string;
};

export type CallerIdentity = { accountId: string; arn: string };

export type ResourceTags = Record<string, string>;

export type IngressSource =
  | { kind: "ipv4"; cidr: string; description?: string }
  | { kind: "ipv6"; cidr: string; description?: string }
  | { kind: "group"; groupId: string; description?: string }
  | { kind: "prefix-list"; prefixListId: string; description?: string };

export type IngressRule = {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  source: IngressSource;
};

export type SecurityGroupSummary = {
  id: string;
  name: string;
  description: string;
  vpcId?: string;
  ingress: IngressRule[];
  tags: ResourceTags;
};

export type InstanceSummary = {
  id: string;
  name?: string;
  state: string;
  imageId?: string;
  instanceType?: string;
  keyName?: string;
  securityGroups: { id: string; name: string }[];
  publicIp?: string;
  launchedAt?: string;
  tags: ResourceTags;
};

export type KeyPairSummary = { id?: string; name: string; type?: string; tags: ResourceTags };

export type AddressSummary = {
  allocationId: string;
  publicIp: string;
  instanceId?: string;
  associationId?: string;
  tags: ResourceTags;
};

export type ImageSummary = {
  id: string;
  name?: string;
  description?: string;
  platformDetails?: string;
};

export type ComputeSnapshot = {
  instances: InstanceSummary[];
  securityGroups: SecurityGroupSummary[];
  keyPairs: KeyPairSummary[];
  addresses: AddressSummary[];
  images: Record<string, ImageSummary>;
  /** Decoded user data of the instances named Web; undefined when the instance has none. */
  userData: Record<string, string | undefined>;
};
