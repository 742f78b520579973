import "server-only";
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { joinAttempts, type JoinClient } from "@/lib/auth/attempts";
import { DEVICE_COOKIE, isDeviceId } from "@/lib/auth/device";
import { clientIpFrom } from "@/lib/client-ip";
import { verifyPassword } from "@/lib/crypto";
import { db } from "@/lib/db";
import { createAttendee, findEventByJoinCode, findInstructorByEmail } from "@/lib/db/queries";
import { env } from "@/lib/env";
import { instructorSignInSchema, joinSchema } from "@/lib/auth/schemas";

export type Role = "attendee" | "instructor";

/** Error codes next-auth hands back to the sign-in form; the form maps them to catalogue messages. */
export const JOIN_ERRORS = {
  badJoinCode: "bad_join_code",
  eventEnded: "event_ended",
  invalid: "invalid",
  tooManyAttempts: "too_many_attempts",
  networkBusy: "network_busy",
} as const;

const TWELVE_HOURS = 12 * 60 * 60;

/** proxy.ts gives every browser a device cookie; a client without one is known by its address only. */
async function joinClient(requestHeaders: Headers): Promise<JoinClient> {
  const address = clientIpFrom(requestHeaders, env().TRUST_PROXY) ?? "unknown";
  const device = (await cookies()).get(DEVICE_COOKIE)?.value;
  return { address, device: isDeviceId(device) ? device : `address:${address}` };
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: TWELVE_HOURS },
  pages: { signIn: "/" },
  providers: [
    CredentialsProvider({
      id: "attendee",
      name: "Join code",
      credentials: { joinCode: {}, displayName: {}, email: {} },
      async authorize(raw, request): Promise<User | null> {
        const parsed = joinSchema.safeParse(raw ?? {});
        if (!parsed.success) throw new Error(JOIN_ERRORS.invalid);
        const client = await joinClient(new Headers(request.headers ?? {}));
        const blocked = joinAttempts.blockedBy(client);
        if (blocked === "device") throw new Error(JOIN_ERRORS.tooManyAttempts);
        if (blocked === "address") throw new Error(JOIN_ERRORS.networkBusy);
        const database = await db();
        const event = await findEventByJoinCode(database, parsed.data.joinCode);
        if (!event) {
          joinAttempts.fail(client);
          throw new Error(JOIN_ERRORS.badJoinCode);
        }
        if (new Date(event.ends_at).getTime() < Date.now()) throw new Error(JOIN_ERRORS.eventEnded);
        const attendee = await createAttendee(database, {
          eventId: event.id,
          displayName: parsed.data.displayName,
          email: parsed.data.email ?? null,
        });
        return {
          id: attendee.id,
          name: attendee.display_name,
          role: "attendee",
          eventId: event.id,
        };
      },
    }),
    CredentialsProvider({
      id: "instructor",
      name: "Instructor",
      credentials: { email: {}, password: {} },
      async authorize(raw): Promise<User | null> {
        const parsed = instructorSignInSchema.safeParse(raw ?? {});
        if (!parsed.success) return null;
        const instructor = await findInstructorByEmail(await db(), parsed.data.email);
        if (
          !instructor ||
          !(await verifyPassword(parsed.data.password, instructor.password_hash))
        ) {
          return null;
        }
        return {
          id: instructor.id,
          name: instructor.display_name,
          email: instructor.email,
          role: "instructor",
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.role = user.role;
        token.eventId = user.eventId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub && token.role) {
        session.user = {
          id: token.sub,
          name: session.user?.name ?? null,
          role: token.role,
          eventId: token.eventId,
        };
      }
      return session;
    },
  },
};
