import { encode as nextAuthEncode, decode as nextAuthDecode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import {
  decodeSessionToken,
  encodeSessionToken,
  sessionUserFromCookies,
} from "@/lib/auth/session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const attendee = { sub: "att-1", role: "attendee" as const, eventId: "evt-1", name: "Kim" };
const plain = { secret, secure: false };

describe("session token", () => {
  it("reads next-auth's own tokens, and next-auth reads ours", async () => {
    const theirs = await nextAuthEncode({ token: attendee, secret });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(attendee);
    const ours = await encodeSessionToken({ token: attendee, secret, maxAge: 60 });
    const read = await nextAuthDecode({ token: ours, secret });
    expect(read).toMatchObject(attendee);
    expect(Number(read?.exp) - Number(read?.iat)).toBe(60);
  });

  it("names the user of a session cookie, whole or in next-auth's numbered chunks", async () => {
    const token = await encodeSessionToken({ token: attendee, secret });
    const user = { sub: "att-1", role: "attendee", eventId: "evt-1", name: "Kim" };
    expect(
      await sessionUserFromCookies([{ name: "next-auth.session-token", value: token }], plain),
    ).toEqual(user);
    const cut = Math.floor(token.length / 2);
    expect(
      await sessionUserFromCookies(
        [
          { name: "next-auth.session-token.1", value: token.slice(cut) },
          { name: "other", value: "x" },
          { name: "next-auth.session-token.0", value: token.slice(0, cut) },
        ],
        plain,
      ),
    ).toEqual(user);
    expect(
      await sessionUserFromCookies([{ name: "__Secure-next-auth.session-token", value: token }], {
        secret,
        secure: true,
      }),
    ).toEqual(user);
  });

  it("names nobody for a missing, foreign, expired, tampered or roleless token", async () => {
    const cookie = (value: string, name = "next-auth.session-token") => [{ name, value }];
    const token = await encodeSessionToken({ token: attendee, secret });
    const expired = await encodeSessionToken({ token: attendee, secret, maxAge: -60 });
    const roleless = await encodeSessionToken({ token: { sub: "att-1" }, secret });
    const tampered = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    for (const cookies of [
      [],
      cookie(token, "__Secure-next-auth.session-token"),
      cookie(token, "next-auth.session-token."),
      cookie(expired),
      cookie(roleless),
      cookie(tampered),
      cookie("not-a-token"),
    ]) {
      expect(await sessionUserFromCookies(cookies, plain)).toBeUndefined();
    }
    expect(
      await sessionUserFromCookies(cookie(token), { secret: `${secret}-other`, secure: false }),
    ).toBeUndefined();
  });
});
