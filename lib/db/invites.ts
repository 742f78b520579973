import "server-only";
import { createHash } from "node:crypto";
import { addEventInstructor } from "@/lib/db/console";
import type { PortalDb } from "@/lib/db/connection";
import { createInstructor, findInstructorByEmail } from "@/lib/db/queries";
import { randomToken } from "@/lib/crypto";

/** Long enough for a colleague to read their mail; an invitation is usable once. */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

/** The link's token goes to the inviting instructor once; the database keeps only its hash. */
export async function createInstructorInvite(
  db: PortalDb,
  input: { eventId: string; email: string; invitedBy: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db
    .insertInto("instructor_invites")
    .values({
      token_hash: hashOf(token),
      event_id: input.eventId,
      email: input.email.toLowerCase(),
      invited_by: input.invitedBy,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** An invitation still to be taken, with its event's name for the page that takes it. */
export async function openInvite(db: PortalDb, token: string, now = new Date()) {
  return db
    .selectFrom("instructor_invites")
    .innerJoin("events", "events.id", "instructor_invites.event_id")
    .select([
      "instructor_invites.token_hash",
      "instructor_invites.email",
      "instructor_invites.expires_at",
      "events.id as event_id",
      "events.name as event_name",
    ])
    .where("instructor_invites.token_hash", "=", hashOf(token))
    .where("instructor_invites.used_at", "is", null)
    .where("instructor_invites.expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

export function listOpenInvites(db: PortalDb, eventId: string, now = new Date()) {
  return db
    .selectFrom("instructor_invites")
    .select(["token_hash", "email", "expires_at"])
    .where("event_id", "=", eventId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("created_at")
    .execute();
}

export async function withdrawInvite(db: PortalDb, eventId: string, tokenHash: string) {
  const result = await db
    .deleteFrom("instructor_invites")
    .where("event_id", "=", eventId)
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export type InviteAcceptance =
  { state: "created" | "existingAdded"; email: string; eventId: string } | { state: "gone" };

/**
 * Taking the invitation, creating the account and joining the event are one transaction: a link
 * clicked twice, or by two people at once, makes one account. When the email got an account in
 * the meantime (the CLI), that account joins the event as the inviter meant, and keeps its password.
 */
export async function acceptInstructorInvite(
  db: PortalDb,
  input: { token: string; displayName: string; passwordHash: string },
  now = new Date(),
): Promise<InviteAcceptance> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .updateTable("instructor_invites")
      .set({ used_at: now.toISOString() })
      .where("token_hash", "=", hashOf(input.token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now.toISOString())
      .returning(["email", "event_id"])
      .executeTakeFirst();
    if (!taken) return { state: "gone" };
    const existing = await findInstructorByEmail(trx, taken.email);
    if (existing) {
      await addEventInstructor(trx, {
        eventId: taken.event_id,
        instructorId: existing.id,
        role: "co",
      });
      return { state: "existingAdded", email: taken.email, eventId: taken.event_id };
    }
    const created = await createInstructor(trx, {
      email: taken.email,
      displayName: input.displayName,
      passwordHash: input.passwordHash,
    });
    await addEventInstructor(trx, {
      eventId: taken.event_id,
      instructorId: created.id,
      role: "co",
    });
    return { state: "created", email: taken.email, eventId: taken.event_id };
  });
}
