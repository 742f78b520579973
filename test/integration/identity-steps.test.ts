import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteRolePolicyCommand,
  DeleteRoleCommand,
  GetLoginProfileCommand,
  ListAttachedUserPoliciesCommand,
  ListUsersCommand,
  UpdateLoginProfileCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsCallCounter, countingCalls } from "@/lib/aws/call-counter";
import { createAwsClients, type AwsClients } from "@/lib/aws/client";
import { updateTrustPolicy } from "@/lib/aws/iam";
import { open } from "@/lib/crypto";
import type { PortalDb } from "@/lib/db/connection";
import { takeSecretDownload } from "@/lib/db/queries";
import { factReader } from "@/lib/lab/facts";
import {
  applyStep,
  checkStep,
  planStep,
  type AttendeeRef,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { appServicesAttendee, labDatabase, labRuntime, sandboxAttendee } from "./lab-harness";

let db: PortalDb;
let runtime: RunnerEnvironment;
beforeAll(async () => {
  db = await labDatabase();
  runtime = labRuntime(db);
});
afterAll(async () => {
  await db.destroy();
});

async function itemsOf(ref: AttendeeRef, stepId: string) {
  const outcome = await checkStep(runtime, ref, stepId);
  expect(outcome?.problem).toBeUndefined();
  return {
    state: outcome?.result?.state,
    items: Object.fromEntries((outcome?.result?.items ?? []).map((item) => [item.id, item])),
  };
}

async function planOf(ref: AttendeeRef, stepId: string) {
  const outcome = await planStep(runtime, ref, stepId, "do");
  expect(outcome.problem).toBeUndefined();
  return outcome.entries.map((entry) => [entry.id, entry.kind, entry.message.key]);
}

async function doItForMe(ref: AttendeeRef, stepId: string) {
  const outcome = await applyStep(runtime, ref, stepId);
  expect(outcome.problem, stepId).toBeUndefined();
  return outcome;
}

const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

/** The console's "사용자 생성": a user, its console password and, optionally, a policy. */
async function createUserByHand(
  aws: AwsClients,
  name: string,
  options: { console?: boolean; resetRequired?: boolean; policies?: string[] } = {},
) {
  const iam = aws.iam();
  await iam.send(new CreateUserCommand({ UserName: name }));
  if (options.console ?? true) {
    const login = {
      UserName: name,
      Password: "Lab-Passw0rd!2026",
      PasswordResetRequired: options.resetRequired ?? false,
    };
    await iam.send(new CreateLoginProfileCommand(login));
    // The emulator drops PasswordResetRequired on create; AWS stores it, as an update does here.
    if (login.PasswordResetRequired) await iam.send(new UpdateLoginProfileCommand(login));
  }
  for (const policy of options.policies ?? []) {
    await iam.send(
      new AttachUserPolicyCommand({
        UserName: name,
        PolicyArn: `arn:aws:iam::aws:policy/${policy}`,
      }),
    );
  }
}

async function accountUsers(aws: AwsClients) {
  const iam = aws.iam();
  const users = (await iam.send(new ListUsersCommand({}))).Users ?? [];
  return Promise.all(
    users.map(async (user) => {
      const name = user.UserName ?? "";
      const login = await iam.send(new GetLoginProfileCommand({ UserName: name })).then(
        (result) => result.LoginProfile?.PasswordResetRequired ?? false,
        () => "none" as const,
      );
      const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name }));
      return {
        name,
        login,
        policies: (attached.AttachedPolicies ?? []).map((policy) => policy.PolicyName),
      };
    }),
  );
}

describe("iam-user on the emulator", () => {
  it("fails with no user, passes after do it for me, and a second click creates nothing", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    const before = await itemsOf(ref, "iam-user");
    expect(before.state).toBe("fail");
    expect(before.items.console?.message).toEqual({ key: "check.identity.user.none" });
    expect(await planOf(ref, "iam-user")).toEqual([
      ["user", "create", "plan.identity.user.create"],
    ]);

    const outcome = await doItForMe(ref, "iam-user");
    expect(outcome.downloads.map((download) => download.filename)).toEqual([
      "awslab-user-password.txt",
    ]);
    const [download] = outcome.downloads;
    const row = await takeSecretDownload(db, download?.token ?? "", ref.attendeeId);
    const file = open(
      { ciphertext: row?.ciphertext ?? "", iv: row?.iv ?? "", tag: row?.tag ?? "" },
      `download:${row?.token}`,
    );
    expect(file).toMatch(/User name \/ 사용자 이름: awslab-user/);
    expect(file).toMatch(/Password \/ 암호: \S{20}\n/);
    expect(await takeSecretDownload(db, download?.token ?? "", ref.attendeeId)).toBeUndefined();

    const after = await itemsOf(ref, "iam-user");
    expect(after.state).toBe("pass");
    expect(after.items.user?.message.params).toEqual({
      users: "awslab-user",
      policy: "AdministratorAccess",
    });
    const made = await accountUsers(byHand);
    expect(made).toEqual([
      { name: "awslab-user", login: false, policies: ["AdministratorAccess"] },
    ]);

    const again = await doItForMe(ref, "iam-user");
    expect(again.done).toEqual([]);
    expect(again.downloads).toEqual([]);
    expect(await accountUsers(byHand)).toEqual(made);
  });

  it("the console's 'must create a new password' left ticked: reset named, do it for me adds awslab-user", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    await createUserByHand(byHand, "kim", {
      resetRequired: true,
      policies: ["AdministratorAccess", "IAMUserChangePassword"],
    });
    const { state, items } = await itemsOf(ref, "iam-user");
    expect(state).toBe("fail");
    expect(items.reset).toEqual({
      id: "reset",
      status: "fail",
      message: { key: "check.identity.user.resetRequired", params: { user: "kim" } },
      fix: { key: "fix.identity.user.resetRequired", params: { user: "kim" } },
    });
    expect(items.admin?.message).toEqual({
      key: "check.identity.user.adminDirect",
      params: { user: "kim", policy: "AdministratorAccess" },
    });
    await doItForMe(ref, "iam-user");
    expect((await itemsOf(ref, "iam-user")).items.user?.message.params?.users).toBe("awslab-user");
    expect((await accountUsers(byHand)).find((user) => user.name === "kim")?.login).toBe(true);
  });

  it("an API-only user (no console password) is named", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    await createUserByHand(byHand, "lee", { console: false, policies: ["AdministratorAccess"] });
    expect((await itemsOf(ref, "iam-user")).items.console).toEqual({
      id: "console",
      status: "fail",
      message: { key: "check.identity.user.noConsole", params: { users: "lee" } },
      fix: { key: "fix.identity.user.noConsole" },
    });
  });

  it("ReadOnlyAccess through a group instead of AdministratorAccess: what it has is named", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    const iam = byHand.iam();
    await createUserByHand(byHand, "park", { policies: ["IAMUserChangePassword"] });
    await iam.send(new CreateGroupCommand({ GroupName: "developers" }));
    await iam.send(
      new AttachGroupPolicyCommand({
        GroupName: "developers",
        PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
      }),
    );
    await iam.send(new AddUserToGroupCommand({ GroupName: "developers", UserName: "park" }));
    expect((await itemsOf(ref, "iam-user")).items.admin).toEqual({
      id: "admin",
      status: "fail",
      message: {
        key: "check.identity.user.noAdmin",
        params: {
          user: "park",
          policy: "AdministratorAccess",
          policies: "IAMUserChangePassword",
          groups: "developers (ReadOnlyAccess)",
        },
      },
      fix: {
        key: "fix.identity.user.noAdmin",
        params: { user: "park", policy: "AdministratorAccess" },
      },
    });

    await iam.send(new CreateGroupCommand({ GroupName: "admins" }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: "admins", PolicyArn: ADMIN }));
    await iam.send(new AddUserToGroupCommand({ GroupName: "admins", UserName: "park" }));
    const { state, items } = await itemsOf(ref, "iam-user");
    expect(state).toBe("pass");
    expect(items.user?.message.params?.users).toBe("park");
  });

  it("an awslab-user made by hand with a reset and no policy is completed, not recreated", async () => {
    const { ref, byHand } = await sandboxAttendee(db);
    await createUserByHand(byHand, "awslab-user", { resetRequired: true });
    expect(await planOf(ref, "iam-user")).toEqual([
      ["user", "exists", "plan.identity.user.portal"],
      ["password", "update", "plan.identity.password.replace"],
      ["admin", "create", "plan.identity.admin.attach"],
    ]);
    const outcome = await doItForMe(ref, "iam-user");
    expect(outcome.downloads.map((download) => download.filename)).toEqual([
      "awslab-user-password.txt",
    ]);
    expect((await itemsOf(ref, "iam-user")).state).toBe("pass");
    expect(await accountUsers(byHand)).toEqual([
      { name: "awslab-user", login: false, policies: ["AdministratorAccess"] },
    ]);
  });
});

describe("reading users' console details", () => {
  it("asks about the five newest users and awslab-user only, and each group once", async () => {
    const { byHand } = await sandboxAttendee(db);
    const iam = byHand.iam();
    await createUserByHand(byHand, "awslab-user", { policies: [] });
    await iam.send(new CreateGroupCommand({ GroupName: "admins" }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: "admins", PolicyArn: ADMIN }));
    for (let index = 1; index <= 7; index += 1) {
      // CreateDate has one-second resolution: the five newest are made a second after the rest.
      if (index === 3) await new Promise((done) => setTimeout(done, 1100));
      await createUserByHand(byHand, `user${index}`, { console: index % 2 === 0 });
      await iam.send(new AddUserToGroupCommand({ GroupName: "admins", UserName: `user${index}` }));
    }
    const counter = new AwsCallCounter();
    const users = await countingCalls(counter, () =>
      factReader(createAwsClients(byHand.target), `users-${Math.random()}`).read("consoleUsers"),
    );
    expect(users.map((user) => user.name).sort()).toEqual(
      ["awslab-user", "user3", "user4", "user5", "user6", "user7"].sort(),
    );
    expect(counter.byOperation()).toEqual({
      "IAM:GetLoginProfile": 6,
      "IAM:ListAttachedGroupPolicies": 1,
      "IAM:ListAttachedUserPolicies": 6,
      "IAM:ListGroupsForUser": 6,
      "IAM:ListUsers": 1,
    });
  });
});

describe("switch-role on the emulator", () => {
  const valuesOf = (lab: Awaited<ReturnType<typeof appServicesAttendee>>) => ({
    role: "awslab_crossaccount_role",
    account: lab.zone.instructorAccountId,
    accountId: lab.accountId,
  });

  const trustOnly = (accounts: string[]) => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: accounts.map((account) => `arn:aws:iam::${account}:root`) },
        Action: "sts:AssumeRole",
      },
    ],
  });

  it("passes when the sandbox role trusts the attendee; do it for me has nothing to do", async () => {
    const lab = await appServicesAttendee(db, "sw");
    const { state, items } = await itemsOf(lab.ref, "switch-role");
    expect(state).toBe("pass");
    expect(items.switch?.message).toEqual({
      key: "check.identity.switch.granted",
      params: valuesOf(lab),
    });
    expect(await planOf(lab.ref, "switch-role")).toEqual([
      ["switch", "exists", "plan.identity.switch.granted"],
    ]);
    expect((await doItForMe(lab.ref, "switch-role")).done).toEqual([]);
  });

  it("the instructor trusted a classmate but not this attendee: trust named with the account id to give", async () => {
    const lab = await appServicesAttendee(db, "tr");
    const classmate = await lab.classmate("tr2");
    await updateTrustPolicy(lab.instructor, lab.zone.roleName, trustOnly([classmate.accountId]));
    const values = valuesOf(lab);
    const { state, items } = await itemsOf(lab.ref, "switch-role");
    expect(state).toBe("fail");
    expect(items.switch).toEqual({
      id: "switch",
      status: "fail",
      message: { key: "check.identity.switch.trust", params: values },
      fix: { key: "fix.identity.switch.trust", params: values },
    });
    expect(await planOf(lab.ref, "switch-role")).toEqual([
      ["switch", "manual", "fix.identity.switch.trust"],
    ]);
    expect((await itemsOf(classmate.ref, "switch-role")).state).toBe("pass");

    await updateTrustPolicy(
      lab.instructor,
      lab.zone.roleName,
      trustOnly([classmate.accountId, lab.accountId]),
    );
    expect((await itemsOf(lab.ref, "switch-role")).state).toBe("pass");
  });

  it("the event's role deleted in the instructor account: missing-role", async () => {
    const lab = await appServicesAttendee(db, "mr");
    const iam = lab.instructor.iam();
    await iam.send(
      new DeleteRolePolicyCommand({ RoleName: lab.zone.roleName, PolicyName: "awslab-class-zone" }),
    );
    await iam.send(new DeleteRoleCommand({ RoleName: lab.zone.roleName }));
    const { items } = await itemsOf(lab.ref, "switch-role");
    expect(items.switch?.message).toEqual({
      key: "check.identity.switch.missingRole",
      params: valuesOf(lab),
    });
    expect(await planOf(lab.ref, "switch-role")).toEqual([
      ["switch", "manual", "fix.identity.switch.missingRole"],
    ]);
  });
});
