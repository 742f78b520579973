import { describe, expect, it } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import type { ConsoleUserSummary } from "@/lib/aws/types";
import type { InstructorAccess } from "@/lib/lab/cross-account";
import { stepDefinition } from "@/lib/lab/registry";
import { generatePassword } from "@/lib/lab/steps/iam-user";
import { stepStateOf } from "@/lib/lab/types";
import { context, facts } from "./snapshot-fixtures";

const ACCOUNT = "123456789012";
const INSTRUCTOR = "999988887777";
const SIGN_IN = `https://${ACCOUNT}.signin.aws.amazon.com/console`;
const zone = {
  domain: "aws101.example",
  zoneId: "Z1",
  instructorAccountId: INSTRUCTOR,
  roleName: "awslab_crossaccount_role",
};
const ROLE_ARN = `arn:aws:iam::${INSTRUCTOR}:role/awslab_crossaccount_role`;

const consoleUser = (
  name: string,
  overrides: Partial<ConsoleUserSummary> = {},
): ConsoleUserSummary => ({
  name,
  arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
  createdAt: "2026-11-27T01:00:00.000Z",
  loginProfile: { passwordResetRequired: false },
  policies: ["AdministratorAccess"],
  groups: [],
  ...overrides,
});

async function checkUser(...users: ConsoleUserSummary[]) {
  const items = await stepDefinition("iam-user").check(
    facts({ consoleUsers: users }),
    context({ accountId: ACCOUNT }),
  );
  return {
    state: stepStateOf(items),
    items: Object.fromEntries(items.map((item) => [item.id, item])),
  };
}

const planUser = async (...users: ConsoleUserSummary[]) =>
  (await stepDefinition("iam-user").plan(facts({ consoleUsers: users }), context())).map(
    (entry) => [entry.id, entry.kind, entry.message.key],
  );

describe("iam-user", () => {
  it("passes with the lab's user and shows the account's sign-in URL", async () => {
    const { state, items } = await checkUser(consoleUser("kim"));
    expect(state).toBe("pass");
    expect(items.user?.message).toEqual({
      key: "check.identity.user.ok",
      params: { users: "kim", policy: "AdministratorAccess" },
    });
    expect(items["sign-in"]?.message).toEqual({
      key: "check.identity.user.signIn",
      params: { url: SIGN_IN },
    });
  });

  it("names every user that qualifies, AdministratorAccess through a group included", async () => {
    const viaGroup = consoleUser("lee", {
      policies: [],
      groups: [{ name: "admins", policies: ["AdministratorAccess"] }],
    });
    const { state, items } = await checkUser(
      consoleUser("kim"),
      viaGroup,
      consoleUser("api-only", { loginProfile: undefined }),
    );
    expect(state).toBe("pass");
    expect(items.user?.message.params).toEqual({
      users: "kim, lee",
      policy: "AdministratorAccess",
    });
  });

  it("no user at all", async () => {
    const { state, items } = await checkUser();
    expect(state).toBe("fail");
    expect(items.console).toEqual({
      id: "console",
      status: "fail",
      message: { key: "check.identity.user.none" },
      fix: { key: "fix.identity.user.none", params: { policy: "AdministratorAccess" } },
    });
  });

  it("users without a console password are named", async () => {
    const { items } = await checkUser(
      consoleUser("ci-bot", { loginProfile: undefined }),
      consoleUser("kim", { loginProfile: undefined, policies: [] }),
    );
    expect(items.console).toEqual({
      id: "console",
      status: "fail",
      message: { key: "check.identity.user.noConsole", params: { users: "ci-bot, kim" } },
      fix: { key: "fix.identity.user.noConsole" },
    });
  });

  it("a forced password reset fails with the user named", async () => {
    const { state, items } = await checkUser(
      consoleUser("kim", {
        loginProfile: { passwordResetRequired: true },
        policies: ["AdministratorAccess", "IAMUserChangePassword"],
      }),
    );
    expect(state).toBe("fail");
    expect(items.reset).toEqual({
      id: "reset",
      status: "fail",
      message: { key: "check.identity.user.resetRequired", params: { user: "kim" } },
      fix: { key: "fix.identity.user.resetRequired", params: { user: "kim" } },
    });
    expect(items.admin?.message.key).toBe("check.identity.user.adminDirect");
  });

  it("missing AdministratorAccess names what the user has instead", async () => {
    const { items } = await checkUser(
      consoleUser("kim", {
        policies: ["ReadOnlyAccess"],
        groups: [
          { name: "dev", policies: ["PowerUserAccess"] },
          { name: "empty", policies: [] },
        ],
      }),
    );
    expect(items.admin).toEqual({
      id: "admin",
      status: "fail",
      message: {
        key: "check.identity.user.noAdmin",
        params: {
          user: "kim",
          policy: "AdministratorAccess",
          policies: "ReadOnlyAccess",
          groups: "dev (PowerUserAccess), empty (—)",
        },
      },
      fix: {
        key: "fix.identity.user.noAdmin",
        params: { user: "kim", policy: "AdministratorAccess" },
      },
    });
    expect(items.reset?.status).toBe("pass");
  });

  it("of several users with a console password, the newest is the one explained", async () => {
    const { items } = await checkUser(
      consoleUser("newest", { policies: [] }),
      consoleUser("older", { loginProfile: { passwordResetRequired: true } }),
    );
    expect(items.admin?.message.params?.user).toBe("newest");
  });

  it("do it for me creates awslab-user only when nobody qualifies", async () => {
    expect(await planUser(consoleUser("kim"))).toEqual([
      ["user", "exists", "plan.identity.user.exists"],
    ]);
    expect(await planUser(consoleUser("kim", { policies: [] }))).toEqual([
      ["user", "create", "plan.identity.user.create"],
    ]);
  });

  it("an awslab-user made by hand is completed, never recreated", async () => {
    expect(
      await planUser(
        consoleUser("awslab-user", { loginProfile: { passwordResetRequired: true }, policies: [] }),
      ),
    ).toEqual([
      ["user", "exists", "plan.identity.user.portal"],
      ["password", "update", "plan.identity.password.replace"],
      ["admin", "create", "plan.identity.admin.attach"],
    ]);
    expect(await planUser(consoleUser("awslab-user", { loginProfile: undefined }))).toEqual([
      ["user", "exists", "plan.identity.user.portal"],
      ["password", "create", "plan.identity.password.create"],
      ["admin", "exists", "plan.identity.admin.exists"],
    ]);
  });

  it("generated passwords are long and mix every character class", () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    for (const password of passwords) {
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[!@#$%^*\-_=+]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

describe("switch-role", () => {
  const granted = { state: "granted", roleArn: ROLE_ARN, aws: {} as AwsClients } as const;
  const refused = (reason: "trust" | "missing-role" | "denied"): InstructorAccess => ({
    state: "refused",
    roleArn: ROLE_ARN,
    reason,
  });
  const values = { role: "awslab_crossaccount_role", account: INSTRUCTOR, accountId: ACCOUNT };

  async function switchItems(instructorAccess: InstructorAccess, sharedZone = zone) {
    const ctx = context({ accountId: ACCOUNT, sharedZone });
    const step = stepDefinition("switch-role");
    const items = await step.check(facts({ instructorAccess }), ctx);
    const plan = await step.plan(facts({ instructorAccess }), ctx);
    return { items, plan: plan.map((entry) => [entry.kind, entry.message]) };
  }

  it("passes when the role can be assumed; do it for me has nothing to do", async () => {
    const { items, plan } = await switchItems(granted);
    expect(items).toEqual([
      {
        id: "switch",
        status: "pass",
        message: { key: "check.identity.switch.granted", params: values },
      },
    ]);
    expect(plan).toEqual([["exists", { key: "plan.identity.switch.granted", params: values }]]);
  });

  it.each([
    ["trust", "check.identity.switch.trust", "fix.identity.switch.trust"],
    ["missing-role", "check.identity.switch.missingRole", "fix.identity.switch.missingRole"],
    ["denied", "check.identity.switch.denied", "fix.identity.switch.denied"],
  ] as const)(
    "refused (%s): the reason, the account id to give, a manual plan",
    async (reason, key, fix) => {
      const { items, plan } = await switchItems(refused(reason));
      expect(items).toEqual([
        {
          id: "switch",
          status: "fail",
          message: { key, params: values },
          fix: { key: fix, params: values },
        },
      ]);
      expect(plan).toEqual([["manual", { key: fix, params: values }]]);
    },
  );

  it("an event without a class zone asks for the instructor", async () => {
    const { items, plan } = await switchItems({ state: "unconfigured" });
    expect(items).toEqual([
      {
        id: "switch",
        status: "fail",
        message: { key: "check.identity.switch.unconfigured" },
        fix: { key: "fix.identity.switch.unconfigured" },
      },
    ]);
    expect(plan).toEqual([["blocked", { key: "plan.identity.switch.unconfigured" }]]);
  });
});
