import { associateInstanceProfile } from "@/lib/aws/ec2";
import {
  addRoleToInstanceProfile,
  createInstanceProfile,
  createRole,
  updateTrustPolicy,
} from "@/lib/aws/iam";
import type { InstanceProfileSummary, InstanceSummary, RoleSummary } from "@/lib/aws/types";
import { blocked, create, exists, fail, manual, msg, pass, update } from "@/lib/lab/build";
import { findWebInstance } from "@/lib/lab/compute-facts";
import type { Facts } from "@/lib/lab/facts";
import { LAB } from "@/lib/lab/names";
import {
  ec2MayAssume,
  ec2TrustPolicy,
  findLabRole,
  trustedServices,
} from "@/lib/lab/storage-facts";
import { s3ProblemItem } from "@/lib/lab/steps/app-s3";
import { needsWebItem } from "@/lib/lab/steps/web-server-group";
import { webAppHealth } from "@/lib/lab/web-app-reach";
import { defineStep, type CheckItem, type PlanEntry, type StepContext } from "@/lib/lab/types";
import { DESCRIBE_REUSE_MS } from "@/lib/sandbox/timing";

const role = LAB.role;

/** The profile that carries the lab's role: the console's, named like the role, first. */
function labProfile(profiles: InstanceProfileSummary[]) {
  const carrying = profiles.filter((profile) => profile.roles.includes(role));
  return carrying.find((profile) => profile.name === role) ?? carrying[0];
}

const profileByArn = (profiles: InstanceProfileSummary[], arn: string | undefined) =>
  profiles.find((profile) => profile.arn === arn);

function trustItem(labRole: RoleSummary): CheckItem {
  if (ec2MayAssume(labRole)) return pass("trust", msg("check.iam.role.trustEc2", { role }));
  const services = trustedServices(labRole);
  return fail(
    "trust",
    services.length > 0
      ? msg("check.iam.role.trustOther", { role, services: services.join(", ") })
      : msg("check.iam.role.trustNone", { role }),
    msg("fix.iam.role.trust", { role }),
  );
}

function attachedItem(web: InstanceSummary, profiles: InstanceProfileSummary[]): CheckItem {
  if (!web.instanceProfileArn) {
    return fail(
      "attached",
      msg("check.iam.role.notAttached", { role }),
      msg("fix.iam.role.attach", { role }),
    );
  }
  const attached = profileByArn(profiles, web.instanceProfileArn);
  if (attached?.roles.includes(role)) {
    return pass("attached", msg("check.iam.role.attached", { role, id: web.id }));
  }
  return fail(
    "attached",
    msg("check.iam.role.otherProfile", {
      profile: attached?.name ?? web.instanceProfileArn,
      roles: attached?.roles.join(", ") || "—",
      role,
    }),
    msg("fix.iam.role.replace", { role }),
  );
}

/** After the role: the app's S3 call is signed now, and refused (AccessDenied) until the policy. */
async function appItem(web: InstanceSummary, ctx: StepContext): Promise<CheckItem> {
  const found = await webAppHealth(web, ctx, "app");
  if ("item" in found) return found.item;
  const health = found.health;
  switch (health.s3.status) {
    case "AccessDenied":
      return pass("app", msg("check.app.s3.accessDenied"));
    case "ok":
      return pass("app", msg("check.app.s3.pastAccessDenied"));
    case "NoCredentials":
      return fail(
        "app",
        msg("check.app.s3.stillNoCredentials", { role }),
        msg("fix.app.s3.stillNoCredentials"),
      );
    default:
      return s3ProblemItem("app", health, ctx);
  }
}

type RoleFacts = Pick<Facts, "instances" | "roles" | "instanceProfiles">;

const profileNamedLikeRole = (facts: RoleFacts) =>
  facts.instanceProfiles.find((profile) => profile.name === role);

function roleEntries(facts: RoleFacts): PlanEntry[] {
  const labRole = findLabRole(facts.roles);
  if (!labRole) {
    return [
      create(
        "role",
        msg("plan.iam.role.create", { role }),
        msg("done.iam.role.created", { role }),
        ({ aws, tags }) =>
          createRole(aws, {
            name: role,
            trustPolicy: ec2TrustPolicy,
            description: "AWS 101 lab: lets the Web instance's app use S3",
            tags,
          }),
      ),
    ];
  }
  return [
    ec2MayAssume(labRole)
      ? exists("role", msg("plan.iam.role.exists", { role }))
      : update(
          "trust",
          msg("plan.iam.role.trust", { role }),
          msg("done.iam.role.trust", { role }),
          ({ aws }) => updateTrustPolicy(aws, role, ec2TrustPolicy),
        ),
  ];
}

function profileEntries(facts: RoleFacts): PlanEntry[] {
  const carrying = labProfile(facts.instanceProfiles);
  if (carrying)
    return [exists("profile", msg("plan.iam.profile.exists", { profile: carrying.name }))];
  const named = profileNamedLikeRole(facts);
  if (named && named.roles.length > 0) {
    return [
      blocked(
        "profile",
        msg("plan.iam.profile.taken", { profile: named.name, roles: named.roles.join(", ") }),
      ),
    ];
  }
  return [
    create(
      "profile",
      msg("plan.iam.profile.create", { profile: role, role }),
      msg("done.iam.profile.created", { profile: role, role }),
      async ({ aws, tags, results }) => {
        const arn = named?.arn ?? (await createInstanceProfile(aws, { name: role, tags }));
        await addRoleToInstanceProfile(aws, { profileName: role, roleName: role });
        results.set("profile", arn);
      },
    ),
  ];
}

function associationEntries(facts: RoleFacts, ctx: StepContext): PlanEntry[] {
  const web = findWebInstance(facts.instances);
  if (!web) return [blocked("instance", msg("plan.common.needsWeb"))];
  const carrying = labProfile(facts.instanceProfiles);
  const profileTaken = !carrying && (profileNamedLikeRole(facts)?.roles.length ?? 0) > 0;
  if (web.instanceProfileArn) {
    return web.instanceProfileArn === carrying?.arn ||
      profileByArn(facts.instanceProfiles, web.instanceProfileArn)?.roles.includes(role)
      ? [exists("attached", msg("plan.iam.attach.exists", { role, id: web.id }))]
      : [manual("attached", msg("plan.iam.attach.replace", { role }))];
  }
  if (profileTaken) return [blocked("attached", msg("plan.iam.attach.needsProfile", { role }))];
  return [
    create(
      "attached",
      msg("plan.iam.attach", { role, id: web.id }),
      msg("done.iam.attach", { role, id: web.id }),
      async ({ aws, results }) => {
        const profileArn = carrying?.arn ?? results.get("profile");
        if (!profileArn) throw new Error("no instance profile to attach");
        await associateInstanceProfile(aws, web.id, profileArn);
        // The sandbox's metadata service looks at the instance at most this often: wait it out,
        // so the check that follows sees what the app will see.
        if (ctx.sandbox) await new Promise((done) => setTimeout(done, DESCRIBE_REUSE_MS));
      },
    ),
  ];
}

export const iamRoleStep = defineStep({
  id: "iam-role",
  needs: ["instances", "roles", "instanceProfiles"],
  started: (facts) => Boolean(findLabRole(facts.roles)),
  async check(facts, ctx) {
    const labRole = findLabRole(facts.roles);
    if (!labRole) {
      return [
        fail(
          "role",
          msg("check.iam.role.missing", { role }),
          msg("fix.iam.role.missing", { role }),
        ),
      ];
    }
    const items: CheckItem[] = [
      pass("role", msg("check.iam.role.ok", { role })),
      trustItem(labRole),
    ];
    const carrying = labProfile(facts.instanceProfiles);
    items.push(
      carrying
        ? pass("profile", msg("check.iam.profile.ok", { profile: carrying.name, role }))
        : fail(
            "profile",
            msg("check.iam.profile.missing", { role }),
            msg("fix.iam.profile.missing", { role }),
          ),
    );
    const web = findWebInstance(facts.instances);
    if (!web) return [...items, needsWebItem];
    const attached = attachedItem(web, facts.instanceProfiles);
    items.push(attached);
    if (attached.status === "pass" && items.every((item) => item.status === "pass")) {
      items.push(await appItem(web, ctx));
    }
    return items;
  },
  plan(facts, ctx) {
    return [...roleEntries(facts), ...profileEntries(facts), ...associationEntries(facts, ctx)];
  },
});
