import "server-only";
import { z } from "zod";
import { AwsCallError } from "@/lib/aws/errors";
import { assumeAttendeeRole, assumeSandboxAccount, getCallerIdentity } from "@/lib/aws/identity";
import type { AwsCredentials, AwsTarget } from "@/lib/aws/types";
import { open, seal } from "@/lib/crypto";
import type { PortalDb } from "@/lib/db/connection";
import {
  deleteCredentials,
  findAttendee,
  findEventById,
  findLiveCredentials,
  saveCredentials,
} from "@/lib/db/queries";
import type { AwsMode, CredentialSource, PortalEvent } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { joinSandboxSharedZone } from "@/lib/lab/sandbox-shared-zone";
import { log } from "@/lib/log";
import { sandboxAccountId, sandboxEndpointFor } from "@/lib/sandbox/accounts";

export { sandboxAccountId };

const SANDBOX_SESSION_SECONDS = 12 * 60 * 60;
const PASTED_DEFAULT_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** AWS caps a session assumed by a role's session (the portal on an instance role) at one hour. */
const ASSUMED_SESSION_SECONDS = 60 * 60;
/** An assumed session is renewed when it is read this close to its end, so the attendee never sees it lapse. */
const RENEW_BEFORE_MS = 10 * 60 * 1000;

export const ACCOUNT_ID_PLACEHOLDER = "{accountId}";

/**
 * How an attendee may connect in an event of each AWS mode. A sandbox event also takes pasted
 * credentials, as it always has: practise in the sandbox, then repeat in one's own account.
 */
export function connectMethods(mode: AwsMode): readonly CredentialSource[] {
  switch (mode) {
    case "sandbox":
      return ["sandbox", "own"];
    case "pasted":
      return ["own"];
    case "assumed-role":
      return ["assumed"];
  }
}

export type AssumedRoleSettings = { roleArnTemplate: string; externalId: string };

/** Undefined unless the event assumes roles and the instructor has saved both the template and the ExternalId. */
export function assumedRoleSettings(event: PortalEvent): AssumedRoleSettings | undefined {
  if (event.aws_mode !== "assumed-role" || !event.role_arn_template || !event.external_id) {
    return undefined;
  }
  return { roleArnTemplate: event.role_arn_template, externalId: event.external_id };
}

export function attendeeRoleArn(template: string, accountId: string): string {
  return template.replaceAll(ACCOUNT_ID_PLACEHOLDER, accountId);
}

const storedSecretSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string().optional(),
});

const sealContext = (attendeeId: string) => `aws-credentials:${attendeeId}`;

async function store(
  db: PortalDb,
  input: {
    attendeeId: string;
    source: CredentialSource;
    credentials: AwsCredentials;
    region: string;
    accountId: string;
    principalArn: string;
    expiresAt: Date;
  },
) {
  const secret = JSON.stringify({
    accessKeyId: input.credentials.accessKeyId,
    secretAccessKey: input.credentials.secretAccessKey,
    sessionToken: input.credentials.sessionToken,
  });
  await saveCredentials(db, {
    attendeeId: input.attendeeId,
    source: input.source,
    accountId: input.accountId,
    principalArn: input.principalArn,
    region: input.region,
    sealed: seal(secret, sealContext(input.attendeeId)),
    expiresAt: input.expiresAt,
  });
}

/** `endpoint`: the sandbox's emulator, or several processes comma-separated (SANDBOX_AWS_ENDPOINT). */
export async function connectSandbox(
  db: PortalDb,
  input: { attendeeId: string; endpoint: string; region: string },
) {
  const accountId = sandboxAccountId(input.attendeeId);
  const endpoint = sandboxEndpointFor(input.endpoint, accountId);
  const credentials = await assumeSandboxAccount({
    endpoint,
    region: input.region,
    accountId,
    sessionName: `attendee-${input.attendeeId.slice(0, 8)}`,
    durationSeconds: SANDBOX_SESSION_SECONDS,
  });
  const identity = await getCallerIdentity({ credentials, region: input.region, endpoint });
  await store(db, {
    attendeeId: input.attendeeId,
    source: "sandbox",
    credentials,
    region: input.region,
    accountId: identity.accountId,
    principalArn: identity.arn,
    expiresAt: credentials.expiration,
  });
  try {
    await joinSandboxSharedZone(db, {
      attendeeId: input.attendeeId,
      accountId: identity.accountId,
      endpoint: input.endpoint,
      region: input.region,
    });
  } catch (error) {
    // Module 4 says what is missing; the attendee's own sandbox works without the class zone.
    log().warn({ err: error }, "sandbox class zone not prepared");
  }
  return { accountId: identity.accountId };
}

/**
 * Pasted credentials are stored only after AWS accepts them. STS doesn't report when a session
 * token expires, so the attendee may tell us; otherwise they go at the event's end or in 12 hours.
 */
export async function connectOwnCredentials(
  db: PortalDb,
  input: {
    attendeeId: string;
    credentials: AwsCredentials;
    region: string;
    expiresAt?: Date;
    eventEndsAt: Date;
    endpoint?: string;
  },
) {
  const identity = await getCallerIdentity({
    credentials: input.credentials,
    region: input.region,
    endpoint: input.endpoint ?? env().PASTED_CREDENTIALS_ENDPOINT,
  });
  const fallback = new Date(
    Math.min(Date.now() + PASTED_DEFAULT_LIFETIME_MS, input.eventEndsAt.getTime()),
  );
  await store(db, {
    attendeeId: input.attendeeId,
    source: "own",
    credentials: input.credentials,
    region: input.region,
    accountId: identity.accountId,
    principalArn: identity.arn,
    expiresAt: input.expiresAt ?? fallback,
  });
  return { accountId: identity.accountId };
}

/**
 * The portal assumes the event's role in the attendee's account with its own AWS identity and the
 * event's ExternalId; the session is stored like any other and renewed while it is in use.
 */
export async function connectAssumedRole(
  db: PortalDb,
  input: {
    attendeeId: string;
    accountId: string;
    settings: AssumedRoleSettings;
    region: string;
    endpoint?: string;
  },
) {
  const endpoint = input.endpoint ?? env().PASTED_CREDENTIALS_ENDPOINT;
  const credentials = await assumeAttendeeRole({
    roleArn: attendeeRoleArn(input.settings.roleArnTemplate, input.accountId),
    externalId: input.settings.externalId,
    region: input.region,
    endpoint,
    sessionName: `aws101-${input.attendeeId.slice(0, 8)}`,
    durationSeconds: ASSUMED_SESSION_SECONDS,
  });
  const identity = await getCallerIdentity({ credentials, region: input.region, endpoint });
  await store(db, {
    attendeeId: input.attendeeId,
    source: "assumed",
    credentials,
    region: input.region,
    accountId: identity.accountId,
    principalArn: identity.arn,
    expiresAt: credentials.expiration,
  });
  return { accountId: identity.accountId };
}

/** A fresh session for an assumed role near its end; the old one stays in use if AWS refuses. */
async function renewAssumedRole(
  db: PortalDb,
  row: { attendee_id: string; account_id: string; region: string },
) {
  const attendee = await findAttendee(db, row.attendee_id);
  const event = attendee ? await findEventById(db, attendee.event_id) : undefined;
  const settings = event ? assumedRoleSettings(event) : undefined;
  if (!settings) return undefined;
  try {
    await connectAssumedRole(db, {
      attendeeId: row.attendee_id,
      accountId: row.account_id,
      settings,
      region: row.region,
    });
  } catch (error) {
    log().warn({ err: error }, "assumed role not renewed");
    return undefined;
  }
  return findLiveCredentials(db, row.attendee_id);
}

export type ResolvedCredentials = {
  target: AwsTarget;
  source: CredentialSource;
  accountId: string;
  principalArn: string;
  expiresAt: string;
};

export async function resolveCredentials(
  db: PortalDb,
  attendeeId: string,
  sandboxEndpoint: string | undefined,
): Promise<ResolvedCredentials | undefined> {
  let row = await findLiveCredentials(db, attendeeId);
  if (!row) return undefined;
  if (row.source === "sandbox" && !sandboxEndpoint) return undefined;
  if (row.source === "assumed" && Date.parse(row.expires_at) - Date.now() < RENEW_BEFORE_MS) {
    row = (await renewAssumedRole(db, row)) ?? row;
  }
  let secret: z.infer<typeof storedSecretSchema>;
  try {
    secret = storedSecretSchema.parse(
      JSON.parse(
        open({ ciphertext: row.ciphertext, iv: row.iv, tag: row.tag }, sealContext(attendeeId)),
      ),
    );
  } catch {
    // Sealed under a key the portal no longer has (CREDENTIALS_KEY rotated): ask the attendee again.
    await deleteCredentials(db, attendeeId);
    return undefined;
  }
  return {
    target: {
      credentials: secret,
      region: row.region,
      endpoint:
        row.source === "sandbox" && sandboxEndpoint
          ? sandboxEndpointFor(sandboxEndpoint, row.account_id)
          : env().PASTED_CREDENTIALS_ENDPOINT,
    },
    source: row.source,
    accountId: row.account_id,
    principalArn: row.principal_arn,
    expiresAt: row.expires_at,
  };
}

/** Credentials AWS has declared dead are removed at once, so the attendee is asked for new ones. */
export async function forgetIfRejected(db: PortalDb, attendeeId: string, error: unknown) {
  if (
    error instanceof AwsCallError &&
    (error.problem.code === "expired_credentials" || error.problem.code === "invalid_credentials")
  ) {
    await deleteCredentials(db, attendeeId);
  }
}
