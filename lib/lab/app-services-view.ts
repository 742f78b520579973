import "server-only";
import { currentAttendee } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findLiveCredentials } from "@/lib/db/queries";
import {
  appServicesNames,
  consoleSignInUrl,
  switchRoleUrl,
  type AppServicesNames,
} from "@/lib/lab/app-services";

/** What Module 4's pages show the signed-in attendee: the event's zone and their own names. */
export type AppServicesView = {
  domain?: string;
  instructorAccountId?: string;
  roleName?: string;
  switchRoleUrl?: string;
  /** The attendee's own account, for the console sign-in URL of their IAM user. */
  accountId?: string;
  signInUrl?: string;
  initials?: string;
  email?: string;
  names?: AppServicesNames;
};

export async function appServicesView(): Promise<AppServicesView | undefined> {
  const session = await currentAttendee();
  if (!session) return undefined;
  const { event, attendee } = session;
  const credentials = await findLiveCredentials(await db(), attendee.id);
  const accountId = credentials?.account_id;
  const domain = event.shared_domain ?? undefined;
  const initials = attendee.initials ?? undefined;
  return {
    domain,
    instructorAccountId: event.instructor_account_id ?? undefined,
    roleName: event.crossaccount_role ?? undefined,
    switchRoleUrl:
      event.instructor_account_id && event.crossaccount_role
        ? switchRoleUrl({
            instructorAccountId: event.instructor_account_id,
            roleName: event.crossaccount_role,
          })
        : undefined,
    accountId,
    signInUrl: accountId ? consoleSignInUrl(accountId) : undefined,
    initials,
    email: attendee.email ?? undefined,
    names: initials && domain ? appServicesNames(initials, domain) : undefined,
  };
}
