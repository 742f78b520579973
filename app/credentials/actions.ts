"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attendeeAction, type ActionResult } from "@/lib/auth/actions";
import { currentAttendee, type AttendeeSession } from "@/lib/auth/session";
import {
  assumedRoleSettings,
  attendeeRoleArn,
  connectAssumedRole,
  connectMethods,
  connectOwnCredentials,
  connectSandbox,
} from "@/lib/credentials";
import { accountIdOf, assumedRoleError, credentialsError } from "@/lib/credentials-messages";
import { db } from "@/lib/db";
import type { PortalDb } from "@/lib/db/connection";
import { deleteCredentials } from "@/lib/db/queries";
import type { AuditAction, CredentialSource } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n";
import { audited, credentialsSubject } from "@/lib/lab/audit";
import { refusedCredentials } from "@/lib/lab/guard";
import { forgetCachedStatus } from "@/lib/lab/runner";
import { attendeeRef } from "@/lib/lab/runtime";
import { isAwsRegion } from "@/lib/regions";
import type { MessageKey } from "@/messages";

const ownCredentialsSchema = z.object({
  accessKeyId: z
    .string()
    .trim()
    .regex(/^(ASIA|AKIA)[A-Z0-9]{16}$/, "field.accessKeyId.invalid")
    .refine((value) => value.startsWith("ASIA"), "field.accessKeyId.longTerm"),
  secretAccessKey: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9/+=]{40}$/, "field.secretAccessKey.invalid"),
  sessionToken: z
    .string()
    .trim()
    .min(100, "field.sessionToken.invalid")
    .max(4096, "field.sessionToken.invalid"),
  region: z.string().trim().refine(isAwsRegion, "field.region.invalid"),
});

type OwnField = keyof z.infer<typeof ownCredentialsSchema>;

export type CredentialsFormState = {
  message?: string;
  ok?: boolean;
  fieldErrors?: Partial<Record<OwnField, string>>;
  values?: { accessKeyId?: string; region?: string };
};

function offered(session: AttendeeSession, method: CredentialSource): boolean {
  return connectMethods(session.event.aws_mode).includes(method);
}

/** Connects credentials, recorded in the audit log whatever happens, and drops what was known of the old ones. */
async function connectAudited(
  session: AttendeeSession,
  action: Extract<AuditAction, `credentials.${string}`>,
  connect: (database: PortalDb) => Promise<{ accountId: string }>,
): Promise<{ accountId: string }> {
  const database = await db();
  const connected = await audited(
    database,
    credentialsSubject(await attendeeRef(session), action),
    () => connect(database),
    (result) => result.accountId,
  );
  forgetCachedStatus(session.attendee.id);
  revalidatePath("/credentials");
  return connected;
}

/**
 * The secret and token never come back in the form state; only what is safe to show again does.
 * A form posted without JavaScript, or by hand, may call this with the form data first or not at all.
 */
export async function saveOwnCredentialsAction(
  previous: unknown,
  form: unknown,
): Promise<CredentialsFormState> {
  const { t } = await getTranslator();
  const session = await currentAttendee();
  if (!session) return { message: t("credentials.needed") };
  if (!offered(session, "own")) return { message: t("credentials.mode.refused") };
  const formData = [form, previous].find((candidate) => candidate instanceof FormData);
  if (!formData) return { message: t("join.error.invalid") };
  const raw = {
    accessKeyId: String(formData.get("accessKeyId") ?? ""),
    secretAccessKey: String(formData.get("secretAccessKey") ?? ""),
    sessionToken: String(formData.get("sessionToken") ?? ""),
    region: String(formData.get("region") ?? ""),
  };
  const values = { accessKeyId: raw.accessKeyId.trim(), region: raw.region.trim() };
  const parsed = ownCredentialsSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: CredentialsFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as OwnField;
      fieldErrors[field] ??= t(issue.message as MessageKey);
    }
    return { fieldErrors, values };
  }
  const refused = await refusedCredentials(session, t);
  if (refused) return { message: refused, values };
  const { accessKeyId, secretAccessKey, sessionToken, region } = parsed.data;
  try {
    const { accountId } = await connectAudited(session, "credentials.own", (database) =>
      connectOwnCredentials(database, {
        attendeeId: session.attendee.id,
        credentials: { accessKeyId, secretAccessKey, sessionToken },
        region,
        eventEndsAt: new Date(session.event.ends_at),
      }),
    );
    return { ok: true, message: t("credentials.own.saved", { account: accountId }) };
  } catch (error) {
    return { message: credentialsError(error, t), values };
  }
}

export const connectSandboxAction = attendeeAction(
  z.object({}),
  async (_input, session, t): Promise<ActionResult<{ message: string }>> => {
    if (!offered(session, "sandbox")) return { ok: false, error: t("credentials.mode.refused") };
    const endpoint = env().SANDBOX_AWS_ENDPOINT;
    if (!endpoint) return { ok: false, error: t("credentials.sandbox.unavailable") };
    const refused = await refusedCredentials(session, t);
    if (refused) return { ok: false, error: refused };
    try {
      const { accountId } = await connectAudited(session, "credentials.sandbox", (database) =>
        connectSandbox(database, {
          attendeeId: session.attendee.id,
          endpoint,
          region: session.event.region,
        }),
      );
      return {
        ok: true,
        data: { message: t("credentials.sandbox.ready", { account: accountId }) },
      };
    } catch (error) {
      return { ok: false, error: credentialsError(error, t) };
    }
  },
);

export const connectAssumedRoleAction = attendeeAction(
  z.object({ accountId: z.string().max(64) }),
  async (input, session, t): Promise<ActionResult<{ message: string }>> => {
    if (!offered(session, "assumed")) return { ok: false, error: t("credentials.mode.refused") };
    const accountId = accountIdOf(input.accountId);
    if (!accountId) return { ok: false, error: t("credentials.assumed.accountId.invalid") };
    const settings = assumedRoleSettings(session.event);
    if (!settings) return { ok: false, error: t("credentials.assumed.unconfigured") };
    const refused = await refusedCredentials(session, t);
    if (refused) return { ok: false, error: refused };
    try {
      const connected = await connectAudited(session, "credentials.assumed", (database) =>
        connectAssumedRole(database, {
          attendeeId: session.attendee.id,
          accountId,
          settings,
          region: session.event.region,
        }),
      );
      return {
        ok: true,
        data: { message: t("credentials.assumed.ready", { account: connected.accountId }) },
      };
    } catch (error) {
      return {
        ok: false,
        error: assumedRoleError(error, t, {
          role: attendeeRoleArn(settings.roleArnTemplate, accountId),
          account: accountId,
        }),
      };
    }
  },
);

export const removeCredentialsAction = attendeeAction(
  z.object({}),
  async (_input, session, t): Promise<ActionResult<{ message: string }>> => {
    await deleteCredentials(await db(), session.attendee.id);
    forgetCachedStatus(session.attendee.id);
    revalidatePath("/credentials");
    return { ok: true, data: { message: t("credentials.removed") } };
  },
);
