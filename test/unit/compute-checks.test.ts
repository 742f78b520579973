import { describe, expect, it, vi } from "vitest";
import { ec2LaunchStep } from "@/lib/lab/steps/ec2-launch";
import { elasticIpStep } from "@/lib/lab/steps/elastic-ip";
import { sshAccessStep } from "@/lib/lab/steps/ssh-access";
import { webAppStep } from "@/lib/lab/steps/web-app";
import { stepStateOf, type CheckItem, type PlanEntry } from "@/lib/lab/types";
import { context, facts, rule, webGroup, webInstance } from "./snapshot-fixtures";

const byId = (items: CheckItem[]) => Object.fromEntries(items.map((item) => [item.id, item]));
const kinds = (entries: PlanEntry[]) => entries.map((entry) => [entry.id, entry.kind]);
const launchWizard = (ingress = [rule(22, "0.0.0.0/0")]) => ({
  ...webGroup(ingress),
  id: "sg-wizard",
  name: "launch-wizard-1",
});

describe("ec2-launch check", () => {
  const check = async (overrides: Parameters<typeof facts>[0] = {}, ctx = context()) =>
    byId(await ec2LaunchStep.check(facts(overrides), ctx));

  it("passes a lab-conforming Web instance item by item", async () => {
    const items = await ec2LaunchStep.check(facts(), context());
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ["instance", "pass"],
      ["state", "pass"],
      ["ami", "pass"],
      ["type", "pass"],
      ["user-data", "pass"],
      ["public-ip", "pass"],
      ["metadata", "pass"],
      ["security-group", "pass"],
      ["no-open-ssh", "pass"],
      ["key-pair", "pass"],
    ]);
  });

  it("fails the 2019 yum script and says why, with the relaunch fix", async () => {
    const items = await check({
      webUserData: { "i-web": "#!/bin/bash\nsudo yum install python3 mysql git -y\n" },
    });
    expect(items["user-data"]).toEqual({
      id: "user-data",
      status: "fail",
      message: { key: "check.ec2.userData.lab2019" },
      fix: { key: "fix.ec2.userData" },
    });
  });

  it("accepts only user data that installs the sample app", async () => {
    expect(
      (await check({ webUserData: { "i-web": "#!/bin/bash\necho hi\n" } }))["user-data"]?.message
        .key,
    ).toBe("check.ec2.userData.other");
    expect((await check({ webUserData: { "i-web": undefined } }))["user-data"]?.message.key).toBe(
      "check.ec2.userData.missing",
    );
    const otherPortal = "#!/bin/bash\ncurl https://lab.example/downloads/sample-app/1.2.0.tgz\n";
    expect((await check({ webUserData: { "i-web": otherPortal } }))["user-data"]).toMatchObject({
      status: "pass",
      message: { key: "check.ec2.userData.sampleApp" },
    });
  });

  it("fails a running Web without a public IPv4 address", async () => {
    const items = await check({ instances: [webInstance({ publicIp: undefined })] });
    expect(items["public-ip"]).toEqual({
      id: "public-ip",
      status: "fail",
      message: { key: "check.ec2.publicIp.missing" },
      fix: { key: "fix.ec2.publicIp" },
    });
  });

  it("fails when instance metadata is disabled", async () => {
    const items = await check({ instances: [webInstance({ metadataEndpoint: "disabled" })] });
    expect(items.metadata).toMatchObject({ status: "fail", fix: { key: "fix.ec2.imds" } });
  });

  it("finds open SSH on every group attached to Web, launch-wizard-N included", async () => {
    const items = await check({
      instances: [
        webInstance({
          securityGroups: [
            { id: "sg-web", name: "web-server-sg" },
            { id: "sg-wizard", name: "launch-wizard-1" },
          ],
        }),
      ],
      securityGroups: [webGroup(), launchWizard()],
    });
    expect(items["no-open-ssh"]).toEqual({
      id: "no-open-ssh",
      status: "fail",
      message: { key: "check.sg.openSsh", params: { groups: "launch-wizard-1" } },
      fix: { key: "fix.sg.openSshOther", params: { groups: "launch-wizard-1" } },
    });
  });

  it("treats an all-traffic rule from anywhere as open SSH too", async () => {
    const items = await check({ securityGroups: [webGroup([rule("all", "0.0.0.0/0")])] });
    expect(items["no-open-ssh"]?.status).toBe("fail");
  });

  it("fails web-server-sg that exists but is not attached to Web", async () => {
    const items = await check({
      instances: [webInstance({ securityGroups: [{ id: "sg-wizard", name: "launch-wizard-1" }] })],
      securityGroups: [webGroup(), launchWizard([])],
    });
    expect(items["security-group"]).toMatchObject({
      status: "fail",
      message: { key: "check.sg.notAttached" },
    });
  });

  it("flags Amazon Linux 2 and a large type, accepts t2.micro", async () => {
    expect((await check({ instances: [webInstance({ imageId: "ami-al2" })] })).ami).toMatchObject({
      status: "fail",
      message: { key: "check.ec2.ami.al2" },
    });
    expect(
      (await check({ instances: [webInstance({ instanceType: "t2.micro" })] })).type,
    ).toMatchObject({
      status: "pass",
      message: { key: "check.ec2.type.accepted" },
    });
    expect(
      (await check({ instances: [webInstance({ instanceType: "m5.large" })] })).type?.status,
    ).toBe("fail");
  });

  it("says the AMI can't be confirmed instead of passing when the image is not visible", async () => {
    const items = await check({ images: {} });
    expect(items.ami?.status).toBe("unobservable");
    expect(stepStateOf(Object.values(items))).toBe("unobservable");
  });

  it("says which region was searched and where Web is instead", async () => {
    const items = await check({
      instances: [],
      webElsewhere: {
        searchedRegion: "ap-northeast-2",
        otherRegion: "us-east-1",
        instanceIds: ["i-1"],
      },
    });
    expect(items.instance).toEqual({
      id: "instance",
      status: "fail",
      message: {
        key: "check.ec2.instance.otherRegion",
        params: { region: "ap-northeast-2", other: "us-east-1", ids: "i-1" },
      },
      fix: {
        key: "fix.ec2.instance.otherRegion",
        params: { region: "ap-northeast-2", other: "us-east-1" },
      },
    });
    const nowhere = await check({
      instances: [],
      webElsewhere: { searchedRegion: "ap-northeast-2", otherRegion: "us-east-1", instanceIds: [] },
    });
    expect(nowhere.instance?.message.key).toBe("check.ec2.instance.notInRegion");
  });

  it("fails on two Web instances and names both", async () => {
    const second = webInstance({ id: "i-web2", launchedAt: "2026-11-27T02:00:00.000Z" });
    const items = await check({ instances: [webInstance(), second] });
    expect(items["instance-duplicates"]).toMatchObject({
      status: "fail",
      message: { params: { count: 2, ids: "i-web, i-web2" } },
    });
  });

  it("reports a missing group and key pair, and a key pair Web does not use", async () => {
    const missing = await check({ instances: [], securityGroups: [], keyPairs: [] });
    expect(missing["security-group"]?.fix?.key).toBe("fix.sg.missing");
    expect(missing["key-pair"]?.status).toBe("fail");
    const otherKey = await check({ instances: [webInstance({ keyName: "mykey" })] });
    expect(otherKey["key-pair"]?.message).toEqual({
      key: "check.keyPair.notUsed",
      params: { keyPair: "awslab", used: "mykey" },
    });
  });
});

describe("ec2-launch plan", () => {
  it("plans only what is missing, each with its operation", () => {
    const plan = ec2LaunchStep.plan(
      facts({ instances: [], securityGroups: [webGroup([rule(22, "0.0.0.0/0")])], keyPairs: [] }),
      context(),
    );
    expect(kinds(plan)).toEqual([
      ["key-pair", "create"],
      ["security-group", "exists"],
      ["open-ssh", "remove"],
      ["instance", "create"],
    ]);
    expect(
      plan.filter((entry) => entry.kind !== "exists").every((entry) => entry.run && entry.done),
    ).toBe(true);
  });

  it("never deletes an all-traffic or port-range rule, and leaves other groups to the attendee", () => {
    const ranges = webGroup([rule("all", "0.0.0.0/0"), { ...rule(22, "0.0.0.0/0"), toPort: 25 }]);
    const plan = ec2LaunchStep.plan(
      facts({
        instances: [
          webInstance({
            securityGroups: [
              { id: "sg-web", name: "web-server-sg" },
              { id: "sg-wizard", name: "launch-wizard-1" },
            ],
          }),
        ],
        securityGroups: [ranges, launchWizard()],
      }),
      context(),
    );
    expect(kinds(plan)).toEqual([
      ["key-pair", "exists"],
      ["security-group", "exists"],
      ["open-ssh:web-server-sg", "manual"],
      ["open-ssh:launch-wizard-1", "manual"],
      ["instance", "exists"],
    ]);
  });

  it("is blocked, not broken, in an account without a VPC that reaches the internet", () => {
    const plan = ec2LaunchStep.plan(
      facts({
        instances: [],
        securityGroups: [],
        network: {
          vpcs: [{ id: "vpc-9", isDefault: false }],
          subnets: [],
          vpcsWithInternetGateway: [],
        },
      }),
      context(),
    );
    expect(plan.find((entry) => entry.id === "instance")).toMatchObject({
      kind: "blocked",
      message: { key: "plan.instance.noPublicSubnet" },
    });
  });

  it("turns metadata back on and asks for a relaunch when user data is wrong", () => {
    const plan = ec2LaunchStep.plan(
      facts({
        instances: [webInstance({ metadataEndpoint: "disabled" })],
        webUserData: { "i-web": "#!/bin/bash\nsudo yum install httpd -y\n" },
      }),
      context(),
    );
    expect(kinds(plan).slice(2)).toEqual([
      ["instance", "exists"],
      ["metadata", "update"],
      ["user-data", "manual"],
    ]);
  });
});

describe("elastic-ip", () => {
  const idle = (tags: Record<string, string> = {}) => ({
    allocationId: "eipalloc-1",
    publicIp: "198.51.100.7",
    tags,
  });
  const attached = {
    allocationId: "eipalloc-2",
    publicIp: "198.51.100.8",
    instanceId: "i-web",
    associationId: "eipassoc-2",
    tags: {},
  };

  it("waits for the Web instance first", async () => {
    expect(await elasticIpStep.check(facts({ instances: [] }), context())).toEqual([
      { id: "instance", status: "pending", message: { key: "check.common.needsWeb" } },
    ]);
  });

  it("distinguishes allocated-but-unassociated from missing", async () => {
    const items = byId(await elasticIpStep.check(facts({ addresses: [idle()] }), context()));
    expect(items.address?.message.key).toBe("check.eip.notAssociated");
  });

  it("an idle address not made by this lab is a warning with its hourly cost", async () => {
    const items = byId(
      await elasticIpStep.check(facts({ addresses: [attached, idle()] }), context()),
    );
    expect(items["idle-other"]).toEqual({
      id: "idle-other",
      status: "warn",
      message: {
        key: "check.eip.idleOther",
        params: { count: 1, ips: "198.51.100.7", usdPerHour: "0.005" },
      },
      fix: { key: "fix.eip.releaseIfUnused" },
    });
    expect(stepStateOf(Object.values(items))).toBe("pass");
  });

  it("an idle address the portal made fails and do-it-for-me releases it", async () => {
    const ours = idle({ "aws101:attendee": "attendee-1" });
    const items = byId(
      await elasticIpStep.check(facts({ addresses: [attached, ours] }), context()),
    );
    expect(items["idle-addresses"]?.status).toBe("fail");
    expect(kinds(elasticIpStep.plan(facts({ addresses: [attached, ours] }), context()))).toEqual([
      ["address", "exists"],
      ["release:eipalloc-1", "remove"],
    ]);
  });

  it("waits for Web to be running before associating an address", () => {
    expect(
      elasticIpStep.plan(facts({ instances: [webInstance({ state: "pending" })] }), context()),
    ).toEqual([
      {
        id: "instance",
        kind: "blocked",
        message: { key: "plan.eip.waitForRunning", params: { state: "pending" } },
      },
    ]);
  });

  it("reuses only an idle address the portal tagged", () => {
    const ours = idle({ "aws101:attendee": "attendee-1" });
    expect(elasticIpStep.plan(facts({ addresses: [ours] }), context())[0]?.message.key).toBe(
      "plan.eip.reuse",
    );
    expect(elasticIpStep.plan(facts({ addresses: [idle()] }), context())[0]?.message.key).toBe(
      "plan.eip.allocate",
    );
  });
});

describe("ssh-access", () => {
  const sshItems = async (rules: ReturnType<typeof rule>[], ctx = context()) =>
    byId(await sshAccessStep.check(facts({ securityGroups: [webGroup(rules)] }), ctx));

  it("passes the attendee's own /32 with the lab's description", async () => {
    const items = await sshItems([rule(22, "203.0.113.10/32", "Saltware")]);
    expect(items["my-ip"]?.status).toBe("pass");
    expect(items.description?.status).toBe("pass");
  });

  it("says that All traffic from my IP is not an SSH rule", async () => {
    const items = await sshItems([rule("all", "203.0.113.10/32", "Saltware")]);
    expect(items["my-ip"]).toEqual({
      id: "my-ip",
      status: "fail",
      message: { key: "check.ssh.allTraffic", params: { group: "web-server-sg" } },
      fix: { key: "fix.ssh.allTraffic" },
    });
  });

  it("accepts any single IPv4 address for an attendee the portal sees on IPv6, and adds no /128", async () => {
    const ctx = context({ clientIp: "2001:db8::7" });
    const items = await sshItems([rule(22, "198.51.100.20/32", "Saltware")], ctx);
    expect(items["my-ip"]).toMatchObject({
      status: "pass",
      message: { key: "check.ssh.singleAddress", params: { seen: "2001:db8::7" } },
    });
    expect(kinds(sshAccessStep.plan(facts(), ctx))).toEqual([["my-ip", "manual"]]);
  });

  it("does not accept 0.0.0.0/0 as the single address of a private client", async () => {
    const items = await sshItems([rule(22, "0.0.0.0/0")], context({ clientIp: "10.1.2.3" }));
    expect(items["my-ip"]?.message.key).toBe("check.ssh.noSingleAddress");
    expect(items["no-open-ssh"]?.status).toBe("fail");
  });

  it("explains a rule for an old IP", async () => {
    const items = await sshItems([rule(22, "198.51.100.1/32")]);
    expect(items["my-ip"]).toMatchObject({
      status: "fail",
      message: {
        key: "check.ssh.otherIp",
        params: { cidrs: "198.51.100.1/32", cidr: "203.0.113.10/32" },
      },
    });
  });

  it("can't observe the rule without the attendee's IP", async () => {
    const items = await sshItems([], context({ clientIp: undefined }));
    expect(items["my-ip"]?.status).toBe("unobservable");
  });

  it("flags a wrong description and do-it-for-me sets it", async () => {
    const rules = [rule(22, "203.0.113.10/32", "home")];
    const items = await sshItems(rules);
    expect(items.description).toMatchObject({
      status: "fail",
      message: { params: { description: "home" } },
    });
    expect(
      kinds(sshAccessStep.plan(facts({ securityGroups: [webGroup(rules)] }), context())),
    ).toEqual([
      ["my-ip", "exists"],
      ["description", "update"],
    ]);
  });

  it("requires web-server-sg to be attached to Web", async () => {
    const items = byId(
      await sshAccessStep.check(
        facts({ instances: [webInstance({ securityGroups: [] })] }),
        context(),
      ),
    );
    expect(items["security-group"]?.status).toBe("fail");
  });
});

describe("web-app", () => {
  const withHttp = (...rules: ReturnType<typeof rule>[]) =>
    facts({ securityGroups: [webGroup(rules)] });

  it("fails HTTP open only to my IP: the health checks need it open to all", async () => {
    const items = byId(await webAppStep.check(withHttp(rule(80, "203.0.113.10/32")), context()));
    expect(items["http-rule"]).toEqual({
      id: "http-rule",
      status: "fail",
      message: {
        key: "check.web.http.restricted",
        params: { group: "web-server-sg", sources: "203.0.113.10/32" },
      },
      fix: { key: "fix.web.httpWorld" },
    });
  });

  it("fails without an HTTP rule", async () => {
    const items = byId(await webAppStep.check(facts(), context()));
    expect(items["http-rule"]?.message.key).toBe("check.web.http.missing");
  });

  it("is unobservable in the sandbox without a mapped app URL and never probes", async () => {
    const probe = vi.fn();
    const items = byId(await webAppStep.check(withHttp(rule(80, "0.0.0.0/0")), context({ probe })));
    expect(items.app?.status).toBe("unobservable");
    expect(probe).not.toHaveBeenCalled();
  });

  it("probes only the mapped loopback URL in the sandbox, never the emulator's public-looking IP", async () => {
    const probe = vi.fn(async () => ({ ok: true as const, status: 200, looksLikeSampleApp: true }));
    const items = byId(
      await webAppStep.check(
        withHttp(rule(80, "0.0.0.0/0")),
        context({
          probe,
          sandboxApp: async () => ({ state: "running", url: "http://127.0.0.1:8080" }),
        }),
      ),
    );
    expect(probe).toHaveBeenCalledExactlyOnceWith("http://127.0.0.1:8080");
    expect(items.app).toMatchObject({
      status: "pass",
      message: { key: "check.web.app.sandboxOk" },
    });
  });

  it("outside the sandbox probes Web's public IP and explains a timeout", async () => {
    const probe = vi.fn(async () => ({ ok: false as const, reason: "timeout" as const }));
    const items = byId(
      await webAppStep.check(withHttp(rule(80, "0.0.0.0/0")), context({ sandbox: false, probe })),
    );
    expect(probe).toHaveBeenCalledWith("http://198.51.100.7/");
    expect(items.app).toMatchObject({ status: "fail", fix: { key: "fix.web.app.timeout" } });
  });

  it("plans a world-open HTTP rule even when one from my IP exists", () => {
    expect(kinds(webAppStep.plan(withHttp(rule(80, "203.0.113.10/32")), context()))).toEqual([
      ["http-rule", "create"],
      ["app", "manual"],
    ]);
  });
});
