import type { ComputeSnapshot, InstanceSummary, SecurityGroupSummary } from "@/lib/aws/types";
import type { StepContext } from "@/lib/lab/types";

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
  launchedAt: "2026-11-27T01:00:00.000Z",
  tags: { Name: "Web" },
  ...overrides,
});

export function snapshot(overrides: Partial<ComputeSnapshot> = {}): ComputeSnapshot {
  return {
    instances: [webInstance()],
    securityGroups: [webGroup()],
    keyPairs: [{ name: "awslab", tags: {} }],
    addresses: [],
    images: {
      "ami-al2023": { id: "ami-al2023", name: "al2023-ami-2023.6.20241010.0-kernel-6.1-x86_64" },
      "ami-al2": { id: "ami-al2", name: "amzn2-ami-kernel-5.10-hvm-2.0.20241001.0-x86_64-gp2" },
    },
    userData: { "i-web": "#!/bin/bash\necho hi" },
    ...overrides,
  };
}

export function context(overrides: Partial<StepContext> = {}): StepContext {
  return {
    attendeeId: "attendee-1",
    eventId: "event-1",
    region: "ap-northeast-2",
    sandbox: true,
    clientIp: "203.0.113.10",
    probe: async () => {
      throw new Error("the probe must not be called in this test");
    },
    userData: "#!/bin/bash\n",
    ...overrides,
  };
}
