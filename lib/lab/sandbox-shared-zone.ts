import "server-only";
import { createRole, putRolePolicy, readRoleTrustPolicy, updateTrustPolicy } from "@/lib/aws/iam";
import { ensureHostedZone } from "@/lib/aws/route53";
import { withLeaseWhenFree } from "@/lib/db/leases";
import type { PortalDb } from "@/lib/db/connection";
import { findAttendee, findEventById, setEventSharedZone } from "@/lib/db/queries";
import type { PortalEvent } from "@/lib/db/schema";
import { APP_SERVICES, type SharedZone } from "@/lib/lab/app-services";
import { sandboxInstructorClients } from "@/lib/lab/cross-account";
import { sandboxInstructorAccountId } from "@/lib/sandbox/accounts";

type Emulator = { endpoint: string; region: string };

/** What the instructor's role may do in their account: the class zone and health monitoring. */
const CROSS_ACCOUNT_PERMISSIONS = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["route53:*", "cloudwatch:*", "sns:*"],
      Resource: "*",
    },
  ],
};

const accountRoot = (accountId: string) => `arn:aws:iam::${accountId}:root`;

const trustOf = (accounts: string[]) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: accounts.map(accountRoot) },
      Action: "sts:AssumeRole",
    },
  ],
});

/** Accounts named in the first statement's AWS principal (the only shape the sandbox writes). */
function trustedAccounts(trustPolicy: unknown): string[] {
  const statement = (trustPolicy as { Statement?: { Principal?: { AWS?: unknown } }[] })
    ?.Statement?.[0];
  const principals = statement?.Principal?.AWS;
  const list = Array.isArray(principals) ? principals : principals ? [principals] : [];
  return list.flatMap((arn) => {
    const account = typeof arn === "string" ? /^arn:aws:iam::(\d{12}):root$/.exec(arn)?.[1] : "";
    return account ? [account] : [];
  });
}

/** An event's zone is the sandbox's to manage only while it lives in the sandbox's instructor account. */
const isSandboxZone = (event: PortalEvent) =>
  !event.instructor_account_id ||
  event.instructor_account_id === sandboxInstructorAccountId(event.id);

/**
 * The demo's instructor account for an event: the class zone and awslab_crossaccount_role, made
 * once and found again (after an emulator restart they are made anew and the event updated).
 */
export async function prepareSandboxSharedZone(
  db: PortalDb,
  event: PortalEvent,
  emulator: Emulator,
): Promise<SharedZone | undefined> {
  if (!isSandboxZone(event)) return undefined;
  const instructorAccountId = sandboxInstructorAccountId(event.id);
  const domain = event.shared_domain ?? APP_SERVICES.sandboxDomain;
  const roleName = event.crossaccount_role ?? APP_SERVICES.crossAccountRole;
  const instructor = await sandboxInstructorClients(emulator.endpoint, emulator.region, {
    instructorAccountId,
  });
  const zoneId = await ensureHostedZone(instructor, domain);
  if ((await readRoleTrustPolicy(instructor, roleName)) === undefined) {
    await createRole(instructor, {
      name: roleName,
      trustPolicy: trustOf([instructorAccountId]),
      description: "AWS 101: attendees switch into the class zone",
      tags: { "aws101:event": event.id },
    });
    await putRolePolicy(instructor, {
      roleName,
      policyName: "awslab-class-zone",
      document: CROSS_ACCOUNT_PERMISSIONS,
    });
  }
  const zone = { domain, zoneId, instructorAccountId, roleName };
  if (event.shared_zone_id !== zoneId || event.shared_domain !== domain) {
    await setEventSharedZone(db, event.id, zone);
  }
  return zone;
}

// Attendees joining at once must not overwrite each other's trust entry: queued in this process,
// and one instance at a time (a database lease) when several portal instances serve the event.
const eventQueues = ((
  globalThis as { __aws101ZoneQueues?: Map<string, Promise<unknown>> }
).__aws101ZoneQueues ??= new Map());

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const result = (eventQueues.get(key) ?? Promise.resolve()).then(work, work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  eventQueues.set(key, settled);
  void settled.then(() => {
    if (eventQueues.get(key) === settled) eventQueues.delete(key);
  });
  return result;
}

/** As the instructor does for each attendee's account: the role's trust policy names it. */
export async function joinSandboxSharedZone(
  db: PortalDb,
  input: Emulator & { attendeeId: string; accountId: string },
) {
  const attendee = await findAttendee(db, input.attendeeId);
  if (!attendee) return;
  await oneAtATime(attendee.event_id, () =>
    withLeaseWhenFree(db, `zone-trust:${attendee.event_id}`, 30_000, () =>
      trustAttendee(db, attendee.event_id, input),
    ),
  );
}

async function trustAttendee(
  db: PortalDb,
  eventId: string,
  input: Emulator & { accountId: string },
) {
  const event = await findEventById(db, eventId);
  if (!event) return;
  const zone = await prepareSandboxSharedZone(db, event, input);
  if (!zone) return;
  const instructor = await sandboxInstructorClients(input.endpoint, input.region, zone);
  const trusted = trustedAccounts(await readRoleTrustPolicy(instructor, zone.roleName));
  if (trusted.includes(input.accountId)) return;
  await updateTrustPolicy(instructor, zone.roleName, trustOf([...trusted, input.accountId]));
}
