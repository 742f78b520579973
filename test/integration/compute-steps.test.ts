import { createServer, type Server } from "node:http";
import {
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestAl2023ImageId, readComputeSnapshot } from "@/lib/aws/compute";
import type { ComputeSnapshot } from "@/lib/aws/types";
import { createAppProbe } from "@/lib/lab/probe";
import { computeModule } from "@/lib/lab/modules";
import { stepStateOf, type ApplyEffects, type StepContext } from "@/lib/lab/types";
import { REGION, sandboxClients } from "./emulator";

function resourceCounts(snapshot: ComputeSnapshot) {
  return {
    instances: snapshot.instances.length,
    keyPairs: snapshot.keyPairs.length,
    groups: snapshot.securityGroups.length,
    addresses: snapshot.addresses.length,
    rules: snapshot.securityGroups.reduce((sum, group) => sum + group.ingress.length, 0),
  };
}

function sandboxContext(overrides: Partial<StepContext> = {}): StepContext {
  return {
    attendeeId: "attendee-int",
    eventId: "event-int",
    region: REGION,
    sandbox: true,
    probe: createAppProbe({ sandbox: true, timeoutMs: 2000 }),
    userData: "",
    ...overrides,
  };
}

describe("Compute steps against the emulator", () => {
  let app: Server;
  let appUrl = "";
  beforeAll(async () => {
    app = createServer((_request, response) => response.end("<h1>Welcome to Saltware</h1>"));
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const address = app.address();
    appUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

  it("each step fails first, passes after do it for me, and a second do it for me creates nothing", async () => {
    const { aws } = await sandboxClients();
    const ctx = sandboxContext({
      clientIp: "127.0.0.1",
      sandboxAppUrl: appUrl,
      userData: "#!/bin/bash\necho sample app\n",
    });
    for (const step of computeModule.steps) {
      const before = await readComputeSnapshot(aws);
      expect(stepStateOf(await step.check(before, ctx)), `${step.id} before`).not.toBe("pass");

      const first: ApplyEffects = { done: [], secrets: [] };
      await step.apply(aws, before, ctx, first);
      expect(first.done.length, `${step.id} did something`).toBeGreaterThan(0);

      const after = await readComputeSnapshot(aws);
      const items = await step.check(after, ctx);
      expect(
        items.filter((item) => item.status !== "pass"),
        `${step.id} after`,
      ).toEqual([]);

      const second: ApplyEffects = { done: [], secrets: [] };
      await step.apply(aws, after, ctx, second);
      expect(second.done, `${step.id} second run`).toEqual([]);
      expect(resourceCounts(await readComputeSnapshot(aws))).toEqual(resourceCounts(after));
    }
  });

  it("gives the private key once and tags what the portal creates", async () => {
    const { aws } = await sandboxClients();
    const ctx = sandboxContext({
      attendeeId: "attendee-tags",
      eventId: "event-tags",
      userData: "#!/bin/bash\n",
    });
    const effects: ApplyEffects = { done: [], secrets: [] };
    await computeModule.steps[0]!.apply(aws, await readComputeSnapshot(aws), ctx, effects);
    expect(effects.secrets).toHaveLength(1);
    expect(effects.secrets[0]?.content).toContain("PRIVATE KEY");
    const snapshot = await readComputeSnapshot(aws);
    const web = snapshot.instances.find((instance) => instance.name === "Web");
    expect(web?.tags).toMatchObject({
      "aws101:event": "event-tags",
      "aws101:attendee": "attendee-tags",
    });
    expect(
      snapshot.securityGroups.find((group) => group.name === "web-server-sg")?.tags,
    ).toMatchObject({
      "aws101:attendee": "attendee-tags",
    });
    expect(snapshot.images[web?.imageId ?? ""]?.name).toMatch(/^al2023-ami/);
    expect(snapshot.userData[web?.id ?? ""]).toBe("#!/bin/bash\n");
  });

  it("reads one snapshot with a fixed number of AWS calls, however many checks use it", async () => {
    const { aws, counter } = await sandboxClients();
    const snapshot = await readComputeSnapshot(aws);
    const callsForSnapshot = counter.total;
    for (const step of computeModule.steps) await step.check(snapshot, sandboxContext());
    expect(counter.total).toBe(callsForSnapshot);
    expect(counter.byOperation()).toEqual({
      "EC2:DescribeAddresses": 1,
      "EC2:DescribeInstances": 1,
      "EC2:DescribeKeyPairs": 1,
      "EC2:DescribeSecurityGroups": 1,
    });
  });

  it("finds what an attendee made by hand with the lab's names", async () => {
    const { aws } = await sandboxClients();
    const ec2 = aws.ec2();
    await ec2.send(new CreateKeyPairCommand({ KeyName: "awslab" }));
    const group = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: "web-server-sg",
        Description: "Web server for aws 101 lab",
      }),
    );
    await ec2.send(
      new RunInstancesCommand({
        ImageId: await latestAl2023ImageId(aws),
        InstanceType: "t2.micro",
        KeyName: "awslab",
        SecurityGroupIds: [group.GroupId!],
        MinCount: 1,
        MaxCount: 1,
        UserData: Buffer.from("#!/bin/bash\ndnf install -y nodejs").toString("base64"),
        TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "Web" }] }],
      }),
    );
    const items = await computeModule.steps[0]!.check(
      await readComputeSnapshot(aws),
      sandboxContext(),
    );
    expect(items.filter((item) => item.status !== "pass")).toEqual([]);
    expect(items.find((item) => item.id === "type")?.message.key).toBe("check.ec2.type.accepted");
  });
});

describe("ssh-access for an attendee on IPv6", () => {
  it("adds a /128 rule the check then accepts", async () => {
    const { aws } = await sandboxClients();
    const ctx = sandboxContext({ clientIp: "2001:db8::7" });
    const launch: ApplyEffects = { done: [], secrets: [] };
    await computeModule.steps[0]!.apply(aws, await readComputeSnapshot(aws), ctx, launch);
    const sshStep = computeModule.steps.find((step) => step.id === "ssh-access")!;
    const effects: ApplyEffects = { done: [], secrets: [] };
    await sshStep.apply(aws, await readComputeSnapshot(aws), ctx, effects);
    expect(effects.done.map((entry) => entry.id)).toEqual(["my-ip"]);
    const items = await sshStep.check(await readComputeSnapshot(aws), ctx);
    expect(items.filter((item) => item.status !== "pass")).toEqual([]);
  });
});
