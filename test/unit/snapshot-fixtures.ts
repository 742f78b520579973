import type { InstanceSummary, SecurityGroupSummary } from "@/lib/aws/types";
import { NO_BLOCK } from "@/lib/aws/s3-control";
import type { CleanupScan } from "@/lib/lab/cleanup-inventory";
import type { Facts } from "@/lib/lab/facts";
import type { StepContext } from "@/lib/lab/types";

export const PORTAL_USER_DATA =
  "#!/bin/bash\ncurl -fsSL http://portal.test/downloads/sample-app/1.0.0.tgz\n";

export const webGroup = (ingress: SecurityGroupSummary["ingress"] = []): SecurityGroupSummary => ({
  id: "sg-web",
  name: "web-server-sg",
  description: "Web server for aws 101 lab",
  vpcId: "vpc-1",
  ingress,
  tags: {},
});

export const webInstance = (overrides: Partial<InstanceSummary> = {}): InstanceSummary => ({
  id: "i-web",
  name: "Web",
  state: "running",
  imageId: "ami-al2023",
  instanceType: "t3.micro",
  keyName: "awslab",
  securityGroups: [{ id: "sg-web", name: "web-server-sg" }],
  publicIp: "198.51.100.7",
  metadataEndpoint: "enabled",
  launchedAt: "2026-11-27T01:00:00.000Z",
  tags: { Name: "Web" },
  ...overrides,
});

export const rule = (
  port: number | "all",
  cidr: string,
  description?: string,
): SecurityGroupSummary["ingress"][number] =>
  port === "all"
    ? { protocol: "-1", source: { kind: "ipv4", cidr, description } }
    : {
        protocol: "tcp",
        fromPort: port,
        toPort: port,
        source: { kind: cidr.includes(":") ? "ipv6" : "ipv4", cidr, description },
      };

/** Nothing of the lab anywhere: both regions scanned empty, no class zone. */
export const cleanupScan = (overrides: Partial<CleanupScan> = {}): CleanupScan => ({
  regions: [],
  buckets: [],
  roles: [],
  instanceProfiles: [],
  users: [],
  healthChecks: [],
  zone: { state: "none" },
  ...overrides,
});

export function facts(overrides: Partial<Facts> = {}): Facts {
  return {
    instancesNotTerminated: [webInstance()],
    instances: [webInstance()],
    securityGroups: [webGroup()],
    keyPairs: [{ name: "awslab", tags: {} }],
    addresses: [],
    images: {
      "ami-al2023": { id: "ami-al2023", name: "al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64" },
      "ami-al2": { id: "ami-al2", name: "amzn2-ami-kernel-5.10-hvm-2.0.20241001.0-x86_64-gp2" },
    },
    webUserData: { "i-web": PORTAL_USER_DATA },
    webElsewhere: undefined,
    network: {
      vpcs: [{ id: "vpc-1", isDefault: true }],
      subnets: [
        {
          id: "subnet-a",
          vpcId: "vpc-1",
          availabilityZone: "ap-northeast-2a",
          defaultForAz: true,
          mapPublicIpOnLaunch: true,
        },
      ],
      vpcsWithInternetGateway: ["vpc-1"],
    },
    dbInstances: [],
    dbEvents: [],
    dbElsewhere: undefined,
    buckets: [],
    bucketVersions: { versions: [], deleteMarkers: [] },
    labBucketAccess: {},
    labBucketFeatures: {},
    accountPublicAccess: undefined,
    roles: [],
    labRolePolicies: undefined,
    instanceProfiles: [],
    users: [],
    healthChecks: [],
    regionAlarms: [],
    regionTopics: [],
    alarms: [],
    topics: [],
    publicAccessBlock: { readable: true, flags: NO_BLOCK },
    instructorAccess: { state: "unconfigured" },
    zoneRecords: { state: "unreadable", why: "no-zone-configured" },
    instructorHealthChecks: { state: "unreadable", why: "no-zone-configured" },
    classZone: { state: "unreadable", why: "no-zone-configured" },
    cleanupScan: cleanupScan(),
    recordDnsAnswer: { state: "sandbox" },
    consoleUsers: [],
    maintenanceSite: { state: "unreadable", why: "no-zone-configured" },
    instructorHealthAlarms: { state: "not-asked" },
    instructorHealthTopic: { state: "not-asked" },
    healthCheckStatus: { state: "sandbox" },
    ...overrides,
  };
}

/** A step's memory kept in a Map, as the portal database keeps it per attendee. */
export function memoryStore(initial: Record<string, unknown> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    memory: {
      read: async (stepId: string) => values.get(stepId),
      write: async (stepId: string, value: unknown) => {
        values.set(stepId, value);
      },
    },
  };
}

export function context(overrides: Partial<StepContext> = {}): StepContext {
  return {
    attendeeId: "attendee-1",
    eventId: "event-1",
    accountId: "123456789012",
    region: "ap-northeast-2",
    sandbox: true,
    clientIp: "203.0.113.10",
    probe: async () => {
      throw new Error("the probe must not be called in this test");
    },
    userData: PORTAL_USER_DATA,
    sandboxApp: async () => ({ state: "unavailable" }),
    readHealth: async () => {
      throw new Error("the app's health must not be read in this test");
    },
    memory: memoryStore().memory,
    sandboxConfig: {
      read: async () => {
        throw new Error("the sandbox config must not be read in this test");
      },
      save: async () => {
        throw new Error("the sandbox config must not be saved in this test");
      },
    },
    sandboxUpload: async () => {
      throw new Error("no upload may be made in this test");
    },
    addressOwner: async () => undefined,
    ...overrides,
  };
}
