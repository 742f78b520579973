import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import { z } from "zod";

/**
 * next-auth's own session token (JWE, dir + A256GCM, key from HKDF of the secret), with the derived
 * key kept per secret: next-auth derives it again for every request, and at a classroom's request
 * rate that derivation alone was a tenth of the portal's CPU.
 */
const store = globalThis as { __aws101SessionKeys?: Map<string, Uint8Array> };

function derivedKey(secret: string | Buffer, salt: string): Uint8Array {
  const keys = (store.__aws101SessionKeys ??= new Map());
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const CLOCK_TOLERANCE_SECONDS = 15;
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt = "",
}: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(derivedKey(secret, salt));
}

export async function decodeSessionToken({
  token,
  secret,
  salt = "",
}: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  });
  return payload as JWT;
}

const tokenSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(["attendee", "instructor"]),
  eventId: z.string().optional(),
  name: z.string().nullish(),
});

export type SessionUser = z.infer<typeof tokenSchema>;

/**
 * The signed-in user from the request's session cookie (next-auth may split it in numbered chunks),
 * or undefined when there is none or it doesn't decrypt, has expired or names nobody.
 */
export async function sessionUserFromCookies(
  cookies: { name: string; value: string }[],
  { secret, secure }: { secret: string; secure: boolean },
): Promise<SessionUser | undefined> {
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const chunkIndex = (cookieName: string): number | undefined => {
    if (cookieName === name) return 0;
    const suffix = cookieName.startsWith(`${name}.`) ? cookieName.slice(name.length + 1) : "";
    return /^\d+$/.test(suffix) ? Number(suffix) : undefined;
  };
  const token = cookies
    .flatMap((cookie) => {
      const index = chunkIndex(cookie.name);
      return index === undefined ? [] : [{ index, value: cookie.value }];
    })
    .sort((a, b) => a.index - b.index)
    .map((chunk) => chunk.value)
    .join("");
  if (!token) return undefined;
  try {
    const parsed = tokenSchema.safeParse(await decodeSessionToken({ token, secret }));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
