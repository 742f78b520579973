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
  privateIp?: string;
  subnetId?: string;
  vpcId?: string;
  /** "disabled" when the instance metadata service is switched off. */
  metadataEndpoint?: string;
  instanceProfileArn?: string;
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

export type SubnetSummary = {
  id: string;
  vpcId: string;
  availabilityZone?: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
};

export type NetworkSummary = {
  vpcs: { id: string; isDefault: boolean }[];
  subnets: SubnetSummary[];
  /** VPCs with an internet gateway attached: only there can an instance be reached from outside. */
  vpcsWithInternetGateway: string[];
};

export type DbInstanceSummary = {
  id: string;
  engine?: string;
  engineVersion?: string;
  instanceClass?: string;
  status?: string;
  multiAz: boolean;
  /** A change to Multi-AZ that AWS is still applying. */
  pendingMultiAz?: boolean;
  publiclyAccessible: boolean;
  storageType?: string;
  allocatedStorageGiB?: number;
  maxAllocatedStorageGiB?: number;
  securityGroupIds: string[];
  subnetGroup?: string;
  /** The VPC of the DB subnet group; unset when AWS (or the emulator) names none. */
  vpcId?: string;
  masterUsername?: string;
  endpoint?: { address: string; port: number };
  /** Where the primary runs; the standby's AZ is known only on AWS. */
  availabilityZone?: string;
  secondaryAvailabilityZone?: string;
  /** Set by AWS once the instance exists; absent for much of `creating`. */
  createdAt?: string;
  tags: ResourceTags;
};

export type DbEventSummary = {
  date: string;
  message: string;
  categories: string[];
};

/** Block Public Access: the account's (S3 Control) or a bucket's; all false when none is set. */
export type PublicAccessBlockFlags = {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
};

export type BucketSummary = {
  name: string;
  createdAt?: string;
  /**
   * Read only for the lab's buckets (awslab-*), so the cost of a refresh stays bounded; versioning
   * and Block Public Access only for those in the client's region (S3 redirects the others).
   */
  details?: { region: string; versioning?: string; publicAccessBlock?: PublicAccessBlockFlags };
};

/** BucketOwnerEnforced: ACLs are disabled. undefined: no ownership controls (ACLs work, pre-2023). */
export type ObjectOwnership = "BucketOwnerEnforced" | "BucketOwnerPreferred" | "ObjectWriter";

/** Who may read a lab bucket's objects, as far as its own configuration says. */
export type BucketAccessConfig = {
  /** The bucket policy as JSON; undefined when the bucket has none. */
  policy?: Record<string, unknown>;
  ownership?: ObjectOwnership;
  /** The newest object under uploads/ (what the sample app stores), with its ACL's public grant. */
  newestUpload?: { key: string; lastModified?: string; publicReadAcl: boolean };
};

/** What the S3 101 hands-on changes on a lab bucket. */
export type BucketFeatures = {
  /** undefined when S3 reports none (only the emulator: AWS encrypts every bucket since 2023). */
  encryption?: { algorithm: string; kmsKeyId?: string };
  logging?: { targetBucket: string; targetPrefix: string };
  website?: { indexDocument?: string; redirectAllTo?: string };
  notifications: { eventBridge: boolean; destinations: number };
  lifecycleRules: { id?: string; enabled: boolean }[];
  replicationRules: { id?: string; enabled: boolean; destinationBucket?: string }[];
  /** Keys with more than one version, and the keys whose latest version is a delete marker. */
  versions: { key: string; count: number }[];
  deleteMarkers: string[];
};

export type RoleSummary = { name: string; arn: string; trustPolicy?: string };

export type InstanceProfileSummary = { name: string; arn: string; roles: string[] };

export type UserSummary = { name: string; arn: string; createdAt?: string };

export type HealthCheckSummary = {
  id: string;
  type?: string;
  ipAddress?: string;
  domainName?: string;
  port?: number;
  resourcePath?: string;
  reference?: string;
  /** The console's Name (the health check's `Name` tag), when read. */
  name?: string;
};

export type AlarmSummary = {
  name: string;
  state?: string;
  metric?: string;
  namespace?: string;
  dimensions: Record<string, string>;
  actions: string[];
};

export type TopicSummary = { arn: string };

export type RoutingPolicy =
  "simple" | "failover" | "weighted" | "latency" | "geolocation" | "multivalue";

export type RecordSetSummary = {
  /** Lower case, without the trailing dot. */
  name: string;
  type: string;
  routing: RoutingPolicy;
  ttl?: number;
  values: string[];
  setIdentifier?: string;
  failover?: string;
  healthCheckId?: string;
  alias?: { dnsName: string; hostedZoneId: string; evaluateTargetHealth: boolean };
};

/** An IAM user as the console's "사용자 생성" leaves it: its console password and managed policies. */
export type ConsoleUserSummary = {
  name: string;
  arn: string;
  createdAt?: string;
  /** Absent when the user has no console password (no login profile). */
  loginProfile?: { passwordResetRequired: boolean };
  /** Managed policies attached to the user itself, by name. */
  policies: string[];
  /** The user's groups, each with the managed policies attached to it. */
  groups: { name: string; policies: string[] }[];
};

/** A bucket serving one page from its website endpoint (Module 4's maintenance page). */
export type WebsiteBucketConfig = {
  publicAccessBlock: PublicAccessBlockFlags;
  /** undefined: static website hosting is off. */
  website?: { indexDocument?: string; redirectAllTo?: string };
  /** The bucket policy, Object Ownership, and the page with its ACL's public grant as newestUpload. */
  access: BucketAccessConfig;
  /** undefined: no object under the page's key. */
  page?: { contentType?: string; size?: number };
};
/** One email (or other) subscription of a topic; AWS lists an unconfirmed one without its ARN. */
export type SubscriptionSummary = { protocol: string; endpoint: string; pending: boolean };

/** A topic looked up by its ARN: whether it exists, and who it notifies. */
export type TopicSubscriptions = {
  arn: string;
  exists: boolean;
  subscriptions: SubscriptionSummary[];
};

/** What one Route 53 checker region last saw of a health check. */
export type HealthCheckObservation = { region: string; healthy: boolean; status: string };
