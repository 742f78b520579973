import { describe, expect, it, vi } from "vitest";
import { ec2LaunchStep } from "@/lib/lab/steps/ec2-launch";
import { elasticIpStep } from "@/lib/lab/steps/elastic-ip";
import { sshAccessStep } from "@/lib/lab/steps/ssh-access";
import { webAppStep } from "@/lib/lab/steps/web-app";
import { stepStateOf, type CheckItem } from "@/lib/lab/types";
import { context, snapshot, webGroup, webInstance } from "./snapshot-fixtures";

const byId = (items: CheckItem[]) => Object.fromEntries(items.map((item) => [item.id, item]));
const ssh = (cidr: string, description?: string) => ({
  protocol: "tcp",
  fromPort: 22,
  toPort: 22,
  source: { kind: "ipv4" as const, cidr, description },
});

describe("ec2-launch check", () => {
  it("passes a lab-conforming Web instance item by item", async () => {
    const items = await ec2LaunchStep.check(snapshot(), context());
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ["instance", "pass"],
      ["state", "pass"],
      ["ami", "pass"],
      ["type", "pass"],
      ["user-data", "pass"],
      ["security-group", "pass"],
      ["no-open-ssh", "pass"],
      ["key-pair", "pass"],
    ]);
  });

  it("names the open SSH rule the lab tells attendees to delete", async () => {
    const items = byId(
      await ec2LaunchStep.check(
        snapshot({ securityGroups: [webGroup([ssh("0.0.0.0/0")])] }),
        context(),
      ),
    );
    expect(items["no-open-ssh"]).toMatchObject({
      status: "fail",
      message: { key: "check.sg.openSsh", params: { group: "web-server-sg" } },
      fix: { key: "fix.sg.openSsh" },
    });
  });

  it("treats an all-traffic rule from anywhere as open SSH too", async () => {
    const allTraffic = { protocol: "-1", source: { kind: "ipv4" as const, cidr: "0.0.0.0/0" } };
    const items = byId(
      await ec2LaunchStep.check(snapshot({ securityGroups: [webGroup([allTraffic])] }), context()),
    );
    expect(items["no-open-ssh"]?.status).toBe("fail");
  });

  it("flags Amazon Linux 2 as out of support and accepts t2.micro", async () => {
    const items = byId(
      await ec2LaunchStep.check(
        snapshot({ instances: [webInstance({ imageId: "ami-al2", instanceType: "t2.micro" })] }),
        context(),
      ),
    );
    expect(items.ami).toMatchObject({ status: "fail", message: { key: "check.ec2.ami.al2" } });
    expect(items.type).toMatchObject({
      status: "pass",
      message: { key: "check.ec2.type.accepted" },
    });
  });

  it("says the AMI can't be confirmed instead of passing when the image is not visible", async () => {
    const items = byId(await ec2LaunchStep.check(snapshot({ images: {} }), context()));
    expect(items.ami?.status).toBe("unobservable");
    expect(stepStateOf(Object.values(items))).toBe("unobservable");
  });

  it("reports a missing instance, group and key pair with fixes", async () => {
    const items = byId(
      await ec2LaunchStep.check(
        snapshot({ instances: [], securityGroups: [], keyPairs: [] }),
        context(),
      ),
    );
    expect(items.instance?.status).toBe("fail");
    expect(items["security-group"]?.fix?.key).toBe("fix.sg.missing");
    expect(items["key-pair"]?.status).toBe("fail");
  });

  it("finds instances by the Name tag attendees type, not by portal tags", async () => {
    const handMade = webInstance({ tags: { Name: "Web" } });
    const items = byId(await ec2LaunchStep.check(snapshot({ instances: [handMade] }), context()));
    expect(items.instance?.status).toBe("pass");
  });

  it("fails on two Web instances and names both", async () => {
    const second = webInstance({ id: "i-web2", launchedAt: "2026-11-27T02:00:00.000Z" });
    const items = byId(
      await ec2LaunchStep.check(snapshot({ instances: [webInstance(), second] }), context()),
    );
    expect(items["instance-duplicates"]).toMatchObject({
      status: "fail",
      message: { params: { count: 2 } },
    });
  });

  it("plans only what is missing and a removal of open SSH", () => {
    const plan = ec2LaunchStep.plan(
      snapshot({ instances: [], securityGroups: [webGroup([ssh("0.0.0.0/0")])] }),
      context(),
    );
    expect(plan.map((entry) => [entry.id, entry.kind])).toEqual([
      ["key-pair", "exists"],
      ["security-group", "exists"],
      ["open-ssh", "remove"],
      ["instance", "create"],
    ]);
  });
});

describe("elastic-ip check", () => {
  it("waits for the Web instance first", () => {
    expect(elasticIpStep.check(snapshot({ instances: [] }), context())).toEqual([
      { id: "instance", status: "pending", message: { key: "check.common.needsWeb" } },
    ]);
  });

  it("distinguishes allocated-but-unassociated from missing, and warns about idle addresses", async () => {
    const idle = { allocationId: "eipalloc-1", publicIp: "198.51.100.7", tags: {} };
    expect(
      byId(await elasticIpStep.check(snapshot({ addresses: [idle] }), context())).address?.message
        .key,
    ).toBe("check.eip.notAssociated");
    const attached = {
      ...idle,
      allocationId: "eipalloc-2",
      publicIp: "198.51.100.8",
      instanceId: "i-web",
      associationId: "eipassoc-2",
    };
    const items = byId(
      await elasticIpStep.check(snapshot({ addresses: [attached, idle] }), context()),
    );
    expect(items.address?.status).toBe("pass");
    expect(items["idle-addresses"]).toMatchObject({
      status: "fail",
      message: { params: { count: 1 } },
    });
  });

  it("waits for Web to be running before associating an address", () => {
    const plan = elasticIpStep.plan(
      snapshot({ instances: [webInstance({ state: "pending" })] }),
      context(),
    );
    expect(plan).toEqual([
      {
        id: "instance",
        kind: "blocked",
        message: { key: "plan.eip.waitForRunning", params: { state: "pending" } },
      },
    ]);
  });

  it("reuses an idle address rather than allocating another", () => {
    const idle = { allocationId: "eipalloc-1", publicIp: "198.51.100.7", tags: {} };
    expect(elasticIpStep.plan(snapshot({ addresses: [idle] }), context())[0]?.message.key).toBe(
      "plan.eip.reuse",
    );
  });
});

describe("ssh-access check", () => {
  const sshItems = async (rules: ReturnType<typeof ssh>[]) =>
    byId(await sshAccessStep.check(snapshot({ securityGroups: [webGroup(rules)] }), context()));

  it("expects a /128 rule for an attendee on IPv6", async () => {
    const ipv6Rule = {
      protocol: "tcp",
      fromPort: 22,
      toPort: 22,
      source: { kind: "ipv6" as const, cidr: "2001:db8::7/128", description: "Saltware" },
    };
    const ctx = context({ clientIp: "2001:db8::7" });
    expect(sshAccessStep.plan(snapshot(), ctx)[0]?.message.params).toMatchObject({
      cidr: "2001:db8::7/128",
    });
    const items = byId(
      await sshAccessStep.check(snapshot({ securityGroups: [webGroup([ipv6Rule])] }), ctx),
    );
    expect(items["my-ip"]?.status).toBe("pass");
  });

  it("passes the attendee's own /32 with the lab's description", async () => {
    const items = await sshItems([ssh("203.0.113.10/32", "Saltware")]);
    expect(items["my-ip"]?.status).toBe("pass");
    expect(items.description?.status).toBe("pass");
  });

  it("explains a rule for an old IP and fails 0.0.0.0/0", async () => {
    const items = await sshItems([ssh("198.51.100.1/32"), ssh("0.0.0.0/0")]);
    expect(items["my-ip"]).toMatchObject({
      status: "fail",
      message: {
        key: "check.ssh.otherIp",
        params: { cidrs: "198.51.100.1/32", cidr: "203.0.113.10/32" },
      },
    });
    expect(items["no-open-ssh"]?.status).toBe("fail");
  });

  it("can't observe the rule without the attendee's IP", async () => {
    const items = byId(await sshAccessStep.check(snapshot(), context({ clientIp: undefined })));
    expect(items["my-ip"]?.status).toBe("unobservable");
  });

  it("flags a wrong description", async () => {
    const items = await sshItems([ssh("203.0.113.10/32", "home")]);
    expect(items.description).toMatchObject({
      status: "fail",
      message: { params: { description: "home" } },
    });
  });
});

describe("web-app check", () => {
  const http = {
    protocol: "tcp",
    fromPort: 80,
    toPort: 80,
    source: { kind: "ipv4" as const, cidr: "0.0.0.0/0" },
  };

  it("is unobservable in the sandbox without a mapped app URL and never probes", async () => {
    const probe = vi.fn();
    const items = byId(
      await webAppStep.check(snapshot({ securityGroups: [webGroup([http])] }), context({ probe })),
    );
    expect(items.app?.status).toBe("unobservable");
    expect(probe).not.toHaveBeenCalled();
  });

  it("probes only the mapped loopback URL in the sandbox, never the emulator's public-looking IP", async () => {
    const probe = vi.fn(async () => ({ ok: true as const, status: 200, looksLikeSampleApp: true }));
    const address = {
      allocationId: "eipalloc-1",
      publicIp: "54.180.0.1",
      instanceId: "i-web",
      associationId: "a",
      tags: {},
    };
    const items = byId(
      await webAppStep.check(
        snapshot({ securityGroups: [webGroup([http])], addresses: [address] }),
        context({ probe, sandboxAppUrl: "http://127.0.0.1:8080" }),
      ),
    );
    expect(probe).toHaveBeenCalledExactlyOnceWith("http://127.0.0.1:8080");
    expect(items.app).toMatchObject({
      status: "pass",
      message: { key: "check.web.app.sandboxOk" },
    });
  });

  it("outside the sandbox probes the Elastic IP and explains a timeout", async () => {
    const probe = vi.fn(async () => ({ ok: false as const, reason: "timeout" as const }));
    const address = {
      allocationId: "eipalloc-1",
      publicIp: "198.51.100.9",
      instanceId: "i-web",
      associationId: "a",
      tags: {},
    };
    const items = byId(
      await webAppStep.check(
        snapshot({ securityGroups: [webGroup([http])], addresses: [address] }),
        context({ sandbox: false, probe }),
      ),
    );
    expect(probe).toHaveBeenCalledWith(`http://${address.publicIp}/`);
    expect(items.app).toMatchObject({ status: "fail", fix: { key: "fix.web.app.timeout" } });
  });

  it("fails without an HTTP rule", async () => {
    const items = byId(await webAppStep.check(snapshot(), context()));
    expect(items["http-rule"]?.status).toBe("fail");
  });
});
