import { randomInt } from "node:crypto";
import { attachUserPolicy, createLoginProfile, createUser, setLoginPassword } from "@/lib/aws/iam";
import type { ConsoleUserSummary } from "@/lib/aws/types";
import { consoleSignInUrl } from "@/lib/lab/app-services";
import { create, exists, fail, msg, pass, update } from "@/lib/lab/build";
import { adminGroups, hasAdmin, IDENTITY, readyForConsole } from "@/lib/lab/identity";
import { defineStep, type CheckItem, type OperationContext, type PlanEntry } from "@/lib/lab/types";

const user = IDENTITY.portalUser;
const policy = IDENTITY.adminPolicy;
const names = (users: ConsoleUserSummary[]) => users.map((candidate) => candidate.name).join(", ");

const LOWER = "abcdefghijkmnopqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "!@#$%^*-_=+";

/** 20 characters with every class IAM's strictest password policy can ask for. */
export function generatePassword(): string {
  const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] ?? "";
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const characters = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (characters.length < 20) characters.push(pick(all));
  for (let index = characters.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other] ?? "", characters[index] ?? ""];
  }
  return characters.join("");
}

const passwordFile = `${user}-password.txt`;

/** Handed over once through the one-time download: the portal keeps no copy. */
function handOverPassword(op: OperationContext, password: string) {
  return op.handOver({
    filename: passwordFile,
    content: [
      "AWS 101 — IAM user / IAM 사용자",
      `Console sign-in URL / 콘솔 로그인 URL: ${consoleSignInUrl(op.ctx.accountId)}`,
      `User name / 사용자 이름: ${user}`,
      `Password / 암호: ${password}`,
      "",
    ].join("\n"),
  });
}

/** What the user has instead of AdministratorAccess, as the console lists it. */
function policiesOf(candidate: ConsoleUserSummary) {
  const groups = candidate.groups.map(
    (group) => `${group.name} (${group.policies.join(", ") || "—"})`,
  );
  return { policies: candidate.policies.join(", ") || "—", groups: groups.join(", ") || "—" };
}

/** The items of the newest user with a console password, when none is ready yet. */
function candidateItems(candidate: ConsoleUserSummary): CheckItem[] {
  const name = candidate.name;
  const items: CheckItem[] = [pass("console", msg("check.identity.user.console", { user: name }))];
  items.push(
    candidate.loginProfile?.passwordResetRequired
      ? fail(
          "reset",
          msg("check.identity.user.resetRequired", { user: name }),
          msg("fix.identity.user.resetRequired", { user: name }),
        )
      : pass("reset", msg("check.identity.user.noReset", { user: name })),
  );
  if (!hasAdmin(candidate)) {
    items.push(
      fail(
        "admin",
        msg("check.identity.user.noAdmin", { user: name, policy, ...policiesOf(candidate) }),
        msg("fix.identity.user.noAdmin", { user: name, policy }),
      ),
    );
  } else {
    const groups = adminGroups(candidate);
    items.push(
      candidate.policies.includes(policy)
        ? pass("admin", msg("check.identity.user.adminDirect", { user: name, policy }))
        : pass(
            "admin",
            msg("check.identity.user.adminGroup", {
              user: name,
              policy,
              groups: groups.join(", "),
            }),
          ),
    );
  }
  return items;
}

/** Gives awslab-user a fresh password (created or replaced) and hands it over. */
const withNewPassword =
  (set: typeof createLoginProfile) =>
  async (op: OperationContext): Promise<void> => {
    const password = generatePassword();
    await set(op.aws, { userName: user, password });
    await handOverPassword(op, password);
  };

function userEntries(existing: ConsoleUserSummary): PlanEntry[] {
  const entries: PlanEntry[] = [];
  if (!existing.loginProfile) {
    entries.push(
      create(
        "password",
        msg("plan.identity.password.create", { user }),
        msg("done.identity.password.created", { user, file: passwordFile }),
        withNewPassword(createLoginProfile),
      ),
    );
  } else if (existing.loginProfile.passwordResetRequired) {
    // Its password may be one the console showed once; a new one handed over is one the attendee has.
    entries.push(
      update(
        "password",
        msg("plan.identity.password.replace", { user }),
        msg("done.identity.password.replaced", { user, file: passwordFile }),
        withNewPassword(setLoginPassword),
      ),
    );
  } else {
    entries.push(exists("password", msg("plan.identity.password.exists", { user })));
  }
  entries.push(
    hasAdmin(existing)
      ? exists("admin", msg("plan.identity.admin.exists", { user, policy }))
      : create(
          "admin",
          msg("plan.identity.admin.attach", { user, policy }),
          msg("done.identity.admin.attached", { user, policy }),
          ({ aws }) =>
            attachUserPolicy(aws, { userName: user, policyArn: IDENTITY.adminPolicyArn }),
        ),
  );
  return entries;
}

export const iamUserStep = defineStep({
  id: "iam-user",
  needs: ["consoleUsers"],
  started: (facts) => facts.consoleUsers.some((candidate) => candidate.loginProfile),
  check(facts, ctx) {
    const signIn = pass(
      "sign-in",
      msg("check.identity.user.signIn", { url: consoleSignInUrl(ctx.accountId) }),
    );
    const ready = facts.consoleUsers.filter(readyForConsole);
    if (ready.length > 0) {
      return [pass("user", msg("check.identity.user.ok", { users: names(ready), policy })), signIn];
    }
    const withConsole = facts.consoleUsers.filter((candidate) => candidate.loginProfile);
    const [newest] = withConsole;
    if (newest) return [...candidateItems(newest), signIn];
    if (facts.consoleUsers.length === 0) {
      return [
        fail("console", msg("check.identity.user.none"), msg("fix.identity.user.none", { policy })),
      ];
    }
    return [
      fail(
        "console",
        msg("check.identity.user.noConsole", { users: names(facts.consoleUsers) }),
        msg("fix.identity.user.noConsole"),
      ),
    ];
  },
  plan(facts) {
    const ready = facts.consoleUsers.filter(readyForConsole);
    if (ready.length > 0)
      return [exists("user", msg("plan.identity.user.exists", { users: names(ready) }))];
    const existing = facts.consoleUsers.find((candidate) => candidate.name === user);
    if (existing)
      return [exists("user", msg("plan.identity.user.portal", { user })), ...userEntries(existing)];
    return [
      create(
        "user",
        msg("plan.identity.user.create", { user, policy }),
        msg("done.identity.user.created", { user, policy, file: passwordFile }),
        async (op) => {
          const password = generatePassword();
          await createUser(op.aws, { name: user, tags: op.tags });
          await createLoginProfile(op.aws, { userName: user, password });
          // The password is handed over as soon as it exists, even if attaching the policy fails.
          await handOverPassword(op, password);
          await attachUserPolicy(op.aws, { userName: user, policyArn: IDENTITY.adminPolicyArn });
        },
      ),
    ];
  },
});
