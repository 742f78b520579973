import "server-only";
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import { instructorAttempts, joinAttempts, type Client } from "@/lib/auth/attempts";
import { DEVICE_COOKIE, verifiedDevice } from "@/lib/auth/device";
import { clientIpFrom } from "@/lib/client-ip";
import { hashPassword, randomToken, verifyPassword } from "@/lib/crypto";
import { db } from "@/lib/db";
import {
  countAttendees,
  createAttendee,
  findEventByJoinCode,
  findInstructorByEmail,
} from "@/lib/db/queries";
import { env, servedOverHttps } from "@/lib/env";
import { adoptEventLanguage } from "@/lib/i18n";
import { JOIN_ERRORS, instructorSignInSchema, joinSchema } from "@/lib/auth/schemas";

export type Role = "attendee" | "instructor";

const TWELVE_HOURS = 12 * 60 * 60;

/** proxy.ts gives every browser a signed device cookie; a client without one is known by its address only. */
export function requestClient(requestHeaders: Headers): Client {
  const config = env();
  const address = clientIpFrom(requestHeaders, config.TRUST_PROXY) ?? "unknown";
  const cookie = (requestHeaders.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${DEVICE_COOKIE}=`));
  const device = verifiedDevice(cookie?.slice(DEVICE_COOKIE.length + 1), config.NEXTAUTH_SECRET);
  return device ? { address, device } : { address };
}

const store = globalThis as { __aws101DummyHash?: Promise<string> };

/** An unknown email costs the same scrypt as a known one, so timing tells nobody which exist. */
function dummyPasswordHash(): Promise<string> {
  return (store.__aws101DummyHash ??= hashPassword(randomToken()));
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: TWELVE_HOURS },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  get secret() {
    return env().NEXTAUTH_SECRET;
  },
  get useSecureCookies() {
    return servedOverHttps();
  },
  pages: { signIn: "/" },
  providers: [
    CredentialsProvider({
      id: "attendee",
      name: "Join code",
      credentials: { joinCode: {}, displayName: {}, email: {} },
      async authorize(raw, request): Promise<User | null> {
        const parsed = joinSchema.safeParse(raw ?? {});
        if (!parsed.success) throw new Error(JOIN_ERRORS.invalid);
        const client = requestClient(new Headers(request.headers ?? {}));
        const blocked = await joinAttempts.blockedBy(client);
        if (blocked === "device") throw new Error(JOIN_ERRORS.tooManyAttempts);
        if (blocked === "address") throw new Error(JOIN_ERRORS.networkBusy);
        const database = await db();
        const event = await findEventByJoinCode(database, parsed.data.joinCode);
        if (!event) {
          await joinAttempts.fail(client);
          throw new Error(JOIN_ERRORS.badJoinCode);
        }
        if (new Date(event.ends_at).getTime() < Date.now()) throw new Error(JOIN_ERRORS.eventEnded);
        if (!event.joining_open) throw new Error(JOIN_ERRORS.joiningClosed);
        const cap = Math.min(event.attendee_cap ?? Infinity, env().MAX_ATTENDEES_PER_EVENT);
        if ((await countAttendees(database, event.id)) >= cap) {
          throw new Error(JOIN_ERRORS.eventFull);
        }
        await joinAttempts.succeed(client);
        const attendee = await createAttendee(database, {
          eventId: event.id,
          displayName: parsed.data.displayName,
          email: parsed.data.email ?? null,
        });
        await adoptEventLanguage(event.language);
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
      async authorize(raw, request): Promise<User | null> {
        const parsed = instructorSignInSchema.safeParse(raw ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const client = requestClient(new Headers(request.headers ?? {}));
        if (await instructorAttempts.isBlocked(email, client))
          throw new Error(JOIN_ERRORS.tooManyAttempts);
        const instructor = await findInstructorByEmail(await db(), email);
        const matches = await verifyPassword(
          password,
          instructor?.password_hash ?? (await dummyPasswordHash()),
        );
        if (!instructor || !matches) {
          await instructorAttempts.fail(email, client);
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
