import {
  createKeyPair,
  createSecurityGroup,
  latestAl2023ImageId,
  runInstance,
} from "@/lib/aws/compute";
import type { ComputeSnapshot } from "@/lib/aws/types";
import { LAB, findWebInstance, findWebServerGroup, webInstances } from "@/lib/lab/compute-facts";
import { noOpenSshItem, removeOpenSshEntry, revokeOpenSsh } from "@/lib/lab/steps/web-server-group";
import { portalTags, type CheckItem, type PlanEntry, type StepDefinition } from "@/lib/lab/types";

function amiItem(snapshot: ComputeSnapshot, imageId: string | undefined): CheckItem {
  const image = imageId ? snapshot.images[imageId] : undefined;
  if (!imageId || !image?.name) {
    return {
      id: "ami",
      status: "unobservable",
      message: { key: "check.ec2.ami.unknown", params: { imageId: imageId ?? "?" } },
    };
  }
  const name = image.name;
  if (name.startsWith("al2023-ami")) {
    return {
      id: "ami",
      status: "pass",
      message: { key: "check.ec2.ami.al2023", params: { name } },
    };
  }
  if (name.startsWith("amzn2-ami")) {
    return {
      id: "ami",
      status: "fail",
      message: { key: "check.ec2.ami.al2", params: { name } },
      fix: { key: "fix.ec2.ami" },
    };
  }
  return {
    id: "ami",
    status: "fail",
    message: { key: "check.ec2.ami.other", params: { name } },
    fix: { key: "fix.ec2.ami" },
  };
}

function check(snapshot: ComputeSnapshot): CheckItem[] {
  const items: CheckItem[] = [];
  const all = webInstances(snapshot);
  const web = findWebInstance(snapshot);
  const group = findWebServerGroup(snapshot);
  const keyPair = snapshot.keyPairs.find((pair) => pair.name === LAB.keyPair);

  if (!web) {
    items.push({
      id: "instance",
      status: "fail",
      message: { key: "check.ec2.instance.missing" },
      fix: { key: "fix.ec2.instance.missing" },
    });
  } else {
    items.push({
      id: "instance",
      status: "pass",
      message: { key: "check.ec2.instance.found", params: { id: web.id } },
    });
    if (all.length > 1) {
      items.push({
        id: "instance-duplicates",
        status: "fail",
        message: {
          key: "check.ec2.instance.duplicates",
          params: { count: all.length, ids: all.map((instance) => instance.id).join(", ") },
        },
        fix: { key: "fix.ec2.instance.duplicates", params: { id: web.id } },
      });
    }
    items.push(
      web.state === "running"
        ? { id: "state", status: "pass", message: { key: "check.ec2.state.running" } }
        : web.state === "pending"
          ? { id: "state", status: "pending", message: { key: "check.ec2.state.pending" } }
          : {
              id: "state",
              status: "fail",
              message: { key: "check.ec2.state.other", params: { state: web.state } },
              fix: { key: "fix.ec2.state" },
            },
    );
    items.push(amiItem(snapshot, web.imageId));
    const type = web.instanceType ?? "?";
    items.push(
      type === LAB.instanceType
        ? { id: "type", status: "pass", message: { key: "check.ec2.type.ok", params: { type } } }
        : (LAB.acceptedInstanceTypes as readonly string[]).includes(type)
          ? {
              id: "type",
              status: "pass",
              message: { key: "check.ec2.type.accepted", params: { type } },
            }
          : {
              id: "type",
              status: "fail",
              message: { key: "check.ec2.type.wrong", params: { type } },
              fix: { key: "fix.ec2.type" },
            },
    );
    items.push(
      snapshot.userData[web.id]?.trim()
        ? { id: "user-data", status: "pass", message: { key: "check.ec2.userData.present" } }
        : {
            id: "user-data",
            status: "fail",
            message: { key: "check.ec2.userData.missing" },
            fix: { key: "fix.ec2.userData" },
          },
    );
  }

  if (!group) {
    items.push({
      id: "security-group",
      status: "fail",
      message: { key: "check.sg.missing", params: { group: LAB.securityGroup } },
      fix: { key: "fix.sg.missing", params: { group: LAB.securityGroup } },
    });
  } else {
    const attached = web?.securityGroups.some((attachedGroup) => attachedGroup.id === group.id);
    items.push(
      !web || attached
        ? {
            id: "security-group",
            status: "pass",
            message: {
              key: web ? "check.sg.attached" : "check.sg.exists",
              params: { group: LAB.securityGroup, id: group.id },
            },
          }
        : {
            id: "security-group",
            status: "fail",
            message: { key: "check.sg.notAttached", params: { group: LAB.securityGroup } },
            fix: { key: "fix.sg.notAttached", params: { group: LAB.securityGroup } },
          },
    );
    items.push(noOpenSshItem(group));
  }

  if (!keyPair) {
    items.push({
      id: "key-pair",
      status: "fail",
      message: { key: "check.keyPair.missing", params: { keyPair: LAB.keyPair } },
      fix: { key: "fix.keyPair.missing", params: { keyPair: LAB.keyPair } },
    });
  } else if (web && web.keyName !== LAB.keyPair) {
    items.push({
      id: "key-pair",
      status: "fail",
      message: {
        key: "check.keyPair.notUsed",
        params: { keyPair: LAB.keyPair, used: web.keyName ?? "—" },
      },
      fix: { key: "fix.keyPair.notUsed", params: { keyPair: LAB.keyPair } },
    });
  } else {
    items.push({
      id: "key-pair",
      status: "pass",
      message: { key: "check.keyPair.ok", params: { keyPair: LAB.keyPair } },
    });
  }
  return items;
}

function plan(snapshot: ComputeSnapshot): PlanEntry[] {
  const web = findWebInstance(snapshot);
  const group = findWebServerGroup(snapshot);
  const hasKeyPair = snapshot.keyPairs.some((pair) => pair.name === LAB.keyPair);
  const entries: PlanEntry[] = [
    hasKeyPair
      ? {
          id: "key-pair",
          kind: "exists",
          message: { key: "plan.keyPair.exists", params: { keyPair: LAB.keyPair } },
        }
      : {
          id: "key-pair",
          kind: "create",
          message: { key: "plan.keyPair.create", params: { keyPair: LAB.keyPair } },
        },
    group
      ? {
          id: "security-group",
          kind: "exists",
          message: { key: "plan.sg.exists", params: { group: LAB.securityGroup, id: group.id } },
        }
      : {
          id: "security-group",
          kind: "create",
          message: { key: "plan.sg.create", params: { group: LAB.securityGroup } },
        },
  ];
  const removeOpenSsh = group && removeOpenSshEntry(group);
  if (removeOpenSsh) entries.push(removeOpenSsh);
  if (web) {
    entries.push({
      id: "instance",
      kind: "exists",
      message: { key: "plan.instance.exists", params: { id: web.id, state: web.state } },
    });
    if (group && !web.securityGroups.some((attached) => attached.id === group.id)) {
      entries.push({
        id: "attach-sg",
        kind: "manual",
        message: { key: "plan.instance.attachSgManually", params: { group: LAB.securityGroup } },
      });
    }
  } else {
    entries.push({
      id: "instance",
      kind: "create",
      message: {
        key: "plan.instance.create",
        params: { type: LAB.instanceType, keyPair: LAB.keyPair, group: LAB.securityGroup },
      },
    });
  }
  return entries;
}

export const ec2LaunchStep: StepDefinition<ComputeSnapshot> = {
  id: "ec2-launch",
  moduleId: "compute",
  check,
  plan,
  async apply(aws, snapshot, ctx, effects) {
    const entries = new Map(plan(snapshot).map((entry) => [entry.id, entry]));
    const tags = portalTags(ctx);
    const markDone = (id: string) => {
      const entry = entries.get(id);
      if (entry) effects.done.push(entry);
    };

    if (!snapshot.keyPairs.some((pair) => pair.name === LAB.keyPair)) {
      const keyPair = await createKeyPair(aws, LAB.keyPair, tags);
      effects.secrets.push({ filename: `${LAB.keyPair}.pem`, content: keyPair.privateKey });
      markDone("key-pair");
    }
    const group = findWebServerGroup(snapshot);
    let groupId = group?.id;
    if (!groupId) {
      groupId = await createSecurityGroup(aws, {
        name: LAB.securityGroup,
        description: LAB.securityGroupDescription,
        tags,
      });
      markDone("security-group");
    }
    if (group) {
      if (await revokeOpenSsh(aws, group)) markDone("open-ssh");
    }
    if (!findWebInstance(snapshot)) {
      await runInstance(aws, {
        imageId: await latestAl2023ImageId(aws),
        instanceType: LAB.instanceType,
        keyName: LAB.keyPair,
        securityGroupId: groupId,
        userData: ctx.userData,
        tags: { Name: LAB.instanceName, ...tags },
      });
      markDone("instance");
    }
  },
};
