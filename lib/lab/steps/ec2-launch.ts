import {
  createKeyPair,
  createSecurityGroup,
  enableInstanceMetadata,
  latestAl2023ImageId,
  runInstance,
} from "@/lib/aws/ec2";
import type { InstanceSummary, NetworkSummary, SecurityGroupSummary } from "@/lib/aws/types";
import {
  blocked,
  create,
  exists,
  fail,
  manual,
  msg,
  pass,
  pending,
  unobservable,
  update,
} from "@/lib/lab/build";
import {
  findWebInstance,
  findWebServerGroup,
  isAttached,
  webInstances,
} from "@/lib/lab/compute-facts";
import type { Facts } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import { noOpenSshItem, openSshEntries } from "@/lib/lab/steps/web-server-group";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";

const SAMPLE_APP_DOWNLOAD = /\/downloads\/sample-app\/[\w.-]+\.tgz/;

function amiItem(images: Facts["images"], imageId: string | undefined): CheckItem {
  const name = imageId ? images[imageId]?.name : undefined;
  if (!name) return unobservable("ami", msg("check.ec2.ami.unknown", { imageId: imageId ?? "?" }));
  if (name.startsWith("al2023-ami")) return pass("ami", msg("check.ec2.ami.al2023", { name }));
  return fail(
    "ami",
    msg(name.startsWith("amzn2-ami") ? "check.ec2.ami.al2" : "check.ec2.ami.other", { name }),
    msg("fix.ec2.ami"),
  );
}

function typeItem(type: string): CheckItem {
  if (type === LAB.instanceType) return pass("type", msg("check.ec2.type.ok", { type }));
  if ((LAB.acceptedInstanceTypes as readonly string[]).includes(type)) {
    return pass("type", msg("check.ec2.type.accepted", { type }));
  }
  return fail("type", msg("check.ec2.type.wrong", { type }), msg("fix.ec2.type"));
}

/** User data runs once, on first boot: only a script that installs the sample app will do. */
function userDataItem(script: string | undefined, ctx: StepContext): CheckItem {
  const text = script?.trim();
  const relaunch = msg("fix.ec2.userData");
  if (!text) return fail("user-data", msg("check.ec2.userData.missing"), relaunch);
  if (text === ctx.userData.trim()) return pass("user-data", msg("check.ec2.userData.portal"));
  if (SAMPLE_APP_DOWNLOAD.test(text)) return pass("user-data", msg("check.ec2.userData.sampleApp"));
  if (/\byum\b/.test(text)) return fail("user-data", msg("check.ec2.userData.lab2019"), relaunch);
  return fail("user-data", msg("check.ec2.userData.other"), relaunch);
}

function stateItem(web: InstanceSummary): CheckItem {
  if (web.state === "running") return pass("state", msg("check.ec2.state.running"));
  if (web.state === "pending") return pending("state", msg("check.ec2.state.pending"));
  return fail("state", msg("check.ec2.state.other", { state: web.state }), msg("fix.ec2.state"));
}

function missingWebItem(elsewhere: Facts["webElsewhere"]): CheckItem {
  const fix = msg("fix.ec2.instance.missing");
  if (!elsewhere) return fail("instance", msg("check.ec2.instance.missing"), fix);
  const searched = { region: elsewhere.searchedRegion, other: elsewhere.otherRegion };
  return elsewhere.instanceIds.length > 0
    ? fail(
        "instance",
        msg("check.ec2.instance.otherRegion", {
          ...searched,
          ids: elsewhere.instanceIds.join(", "),
        }),
        msg("fix.ec2.instance.otherRegion", searched),
      )
    : fail("instance", msg("check.ec2.instance.notInRegion", searched), fix);
}

function webItems(facts: CheckFacts, web: InstanceSummary, ctx: StepContext): CheckItem[] {
  const all = webInstances(facts.instances);
  const items = [pass("instance", msg("check.ec2.instance.found", { id: web.id }))];
  if (all.length > 1) {
    items.push(
      fail(
        "instance-duplicates",
        msg("check.ec2.instance.duplicates", {
          count: all.length,
          ids: all.map((instance) => instance.id).join(", "),
        }),
        msg("fix.ec2.instance.duplicates", { id: web.id }),
      ),
    );
  }
  items.push(stateItem(web), amiItem(facts.images, web.imageId), typeItem(web.instanceType ?? "?"));
  items.push(userDataItem(facts.webUserData[web.id], ctx));
  if (web.state === "running") {
    items.push(
      web.publicIp
        ? pass("public-ip", msg("check.ec2.publicIp.ok", { ip: web.publicIp }))
        : fail("public-ip", msg("check.ec2.publicIp.missing"), msg("fix.ec2.publicIp")),
    );
  }
  items.push(
    web.metadataEndpoint === "disabled"
      ? fail("metadata", msg("check.ec2.imds.disabled"), msg("fix.ec2.imds"))
      : pass("metadata", msg("check.ec2.imds.enabled")),
  );
  return items;
}

function groupItem(web: InstanceSummary | undefined, group: SecurityGroupSummary | undefined) {
  const name = LAB.securityGroup;
  if (!group) {
    return fail(
      "security-group",
      msg("check.sg.missing", { group: name }),
      msg("fix.sg.missing", { group: name }),
    );
  }
  if (!web) return pass("security-group", msg("check.sg.exists", { group: name, id: group.id }));
  return isAttached(web, group)
    ? pass("security-group", msg("check.sg.attached", { group: name, id: group.id }))
    : fail(
        "security-group",
        msg("check.sg.notAttached", { group: name }),
        msg("fix.sg.notAttached", { group: name }),
      );
}

function keyPairItem(facts: CheckFacts, web: InstanceSummary | undefined): CheckItem {
  const keyPair = LAB.keyPair;
  if (!facts.keyPairs.some((pair) => pair.name === keyPair)) {
    return fail(
      "key-pair",
      msg("check.keyPair.missing", { keyPair }),
      msg("fix.keyPair.missing", { keyPair }),
    );
  }
  if (web && web.keyName !== keyPair) {
    return fail(
      "key-pair",
      msg("check.keyPair.notUsed", { keyPair, used: web.keyName ?? "—" }),
      msg("fix.keyPair.notUsed", { keyPair }),
    );
  }
  return pass("key-pair", msg("check.keyPair.ok", { keyPair }));
}

const needs = [
  "instances",
  "securityGroups",
  "keyPairs",
  "images",
  "webUserData",
  "webElsewhere",
] as const;

type CheckFacts = Pick<Facts, (typeof needs)[number]>;

/** Where a new Web goes: a VPC that reaches the internet, the one web-server-sg is in if it exists. */
function launchSubnet(network: NetworkSummary, groupVpcId: string | undefined) {
  const online = new Set(network.vpcsWithInternetGateway);
  // A default VPC comes with its internet gateway.
  for (const vpc of network.vpcs) if (vpc.isDefault) online.add(vpc.id);
  const vpcId =
    groupVpcId ??
    network.vpcs.find((vpc) => vpc.isDefault)?.id ??
    network.vpcs.find((vpc) => online.has(vpc.id))?.id;
  if (!vpcId || !online.has(vpcId)) return undefined;
  const subnets = network.subnets.filter((subnet) => subnet.vpcId === vpcId);
  const subnet = subnets.find((candidate) => candidate.mapPublicIpOnLaunch) ?? subnets[0];
  return subnet ? { vpcId, subnetId: subnet.id } : undefined;
}

export const ec2LaunchStep = defineStep({
  id: "ec2-launch",
  needs,
  planNeeds: ["network"],
  started: (facts) =>
    webInstances(facts.instances).length > 0 ||
    facts.securityGroups.some((group) => group.name === LAB.securityGroup) ||
    facts.keyPairs.some((pair) => pair.name === LAB.keyPair),
  check(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const group = findWebServerGroup(facts.securityGroups, web);
    return [
      ...(web ? webItems(facts, web, ctx) : [missingWebItem(facts.webElsewhere)]),
      groupItem(web, group),
      noOpenSshItem(facts.securityGroups, web, group),
      keyPairItem(facts, web),
    ];
  },
  plan(facts, ctx) {
    const web = findWebInstance(facts.instances);
    const group = findWebServerGroup(facts.securityGroups, web);
    const keyPair = LAB.keyPair;
    const groupName = LAB.securityGroup;
    const entries: PlanEntry[] = [];

    entries.push(
      facts.keyPairs.some((pair) => pair.name === keyPair)
        ? exists("key-pair", msg("plan.keyPair.exists", { keyPair }))
        : create(
            "key-pair",
            msg("plan.keyPair.create", { keyPair }),
            msg("done.keyPair.created", { keyPair }),
            async ({ aws, tags, handOver }) => {
              const created = await createKeyPair(aws, keyPair, tags);
              await handOver({ filename: `${keyPair}.pem`, content: created.privateKey });
            },
          ),
    );

    const placement = web ? undefined : launchSubnet(facts.network, group?.vpcId);
    if (group) {
      entries.push(
        exists("security-group", msg("plan.sg.exists", { group: groupName, id: group.id })),
      );
    } else if (placement) {
      entries.push(
        create(
          "security-group",
          msg("plan.sg.create", { group: groupName }),
          msg("done.sg.created", { group: groupName }),
          async ({ aws, tags, results }) => {
            results.set(
              "security-group",
              await createSecurityGroup(aws, {
                name: groupName,
                description: LAB.securityGroupDescription,
                vpcId: placement.vpcId,
                tags,
              }),
            );
          },
        ),
      );
    }
    entries.push(...openSshEntries(facts.securityGroups, web, group));

    if (!web) {
      entries.push(
        placement
          ? create(
              "instance",
              msg("plan.instance.create", { type: LAB.instanceType, keyPair, group: groupName }),
              msg("done.instance.created", { type: LAB.instanceType }),
              async ({ aws, tags, results }) => {
                const securityGroupId = group?.id ?? results.get("security-group");
                if (!securityGroupId) throw new Error("no security group for the new instance");
                await runInstance(aws, {
                  imageId: await latestAl2023ImageId(aws),
                  instanceType: LAB.instanceType,
                  keyName: keyPair,
                  securityGroupId,
                  subnetId: placement.subnetId,
                  userData: ctx.userData,
                  tags: { Name: LAB.instanceName, ...tags },
                });
              },
            )
          : blocked("instance", msg("plan.instance.noPublicSubnet")),
      );
      return entries;
    }

    entries.push(exists("instance", msg("plan.instance.exists", { id: web.id, state: web.state })));
    if (group && !isAttached(web, group)) {
      entries.push(
        manual("attach-sg", msg("plan.instance.attachSgManually", { group: groupName })),
      );
    }
    if (web.metadataEndpoint === "disabled") {
      entries.push(
        update(
          "metadata",
          msg("plan.instance.enableImds"),
          msg("done.instance.enabledImds"),
          async ({ aws }) => enableInstanceMetadata(aws, web.id),
        ),
      );
    }
    if (userDataItem(facts.webUserData[web.id], ctx).status === "fail") {
      entries.push(manual("user-data", msg("plan.instance.relaunchForUserData")));
    }
    return entries;
  },
});
