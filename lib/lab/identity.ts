import type { ConsoleUserSummary } from "@/lib/aws/types";

/** Module 4's IAM user: the name do-it-for-me gives it and the policy the lab attaches. */
export const IDENTITY = {
  portalUser: "awslab-user",
  adminPolicy: "AdministratorAccess",
  adminPolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess",
  /**
   * Console details are read for this many of the most recently created users (and always for
   * the portal's own): the user the attendee just made is among them, and a refresh stays a
   * few calls however many users an older account has.
   */
  usersExamined: 5,
} as const;

/** AdministratorAccess counts attached to the user or to one of its groups (the console's default). */
export function adminGroups(user: ConsoleUserSummary): string[] {
  return user.groups
    .filter((group) => group.policies.includes(IDENTITY.adminPolicy))
    .map((group) => group.name);
}

export const hasAdmin = (user: ConsoleUserSummary) =>
  user.policies.includes(IDENTITY.adminPolicy) || adminGroups(user).length > 0;

/** What the lab asks of the user: a console password kept as set, and AdministratorAccess. */
export const readyForConsole = (user: ConsoleUserSummary) =>
  Boolean(user.loginProfile && !user.loginProfile.passwordResetRequired && hasAdmin(user));
