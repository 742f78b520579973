import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AttendeeSession } from "@/lib/auth/session";
import { loadSteps } from "@/lib/content/source";
import { open, seal } from "@/lib/crypto";
import { parseEnv } from "@/lib/env";
import { EVENT_CONSOLE_DEFAULTS } from "@/lib/db/schema";
import {
  CREDENTIAL_LIMITS,
  actionRefusal,
  credentialsRefusal,
  refusalMessage,
  refusedAction,
  type CredentialLimiters,
} from "@/lib/lab/guard";
import { stepEnabled } from "@/lib/lab/catalogue";
import { WindowLimiter } from "@/lib/limits";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { translator } from "@/messages";

const KEY = Buffer.alloc(32, 3);

describe("GCM with a fixed 16-byte tag", () => {
  it("refuses a tag cut short, even one GCM itself would accept", async () => {
    const sealed = seal("secret", "ctx", KEY);
    const tag = Buffer.from(sealed.tag, "base64");
    expect(tag).toHaveLength(16);
    // A 4-byte tag made for real, as a forger would only have to guess 2^32 of them.
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", KEY, iv, { authTagLength: 4 });
    cipher.setAAD(Buffer.from("ctx"));
    const ciphertext = Buffer.concat([cipher.update("forged", "utf8"), cipher.final()]);
    const short = {
      ciphertext: ciphertext.toString("base64"),
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
    };
    expect(() => open(short, "ctx", KEY)).toThrow(/malformed/);
    expect(() =>
      open({ ...sealed, tag: tag.subarray(0, 12).toString("base64") }, "ctx", KEY),
    ).toThrow();
    expect(() =>
      open({ ...sealed, iv: Buffer.alloc(16).toString("base64") }, "ctx", KEY),
    ).toThrow();
    expect(open(sealed, "ctx", KEY)).toBe("secret");
  });
});

describe("start-up configuration", () => {
  const good = {
    CREDENTIALS_KEY: Buffer.alloc(32, 1).toString("base64"),
    NEXTAUTH_SECRET: "s".repeat(32),
    NEXTAUTH_URL: "https://portal.example.com",
  };

  it("requires NEXTAUTH_SECRET of at least 32 characters and an http(s) NEXTAUTH_URL", async () => {
    expect(parseEnv(good).NEXTAUTH_URL).toBe("https://portal.example.com");
    expect(() => parseEnv({ ...good, NEXTAUTH_SECRET: undefined })).toThrow(
      /NEXTAUTH_SECRET is required/,
    );
    expect(() => parseEnv({ ...good, NEXTAUTH_SECRET: "short" })).toThrow(
      /NEXTAUTH_SECRET must be at least 32 characters/,
    );
    expect(() => parseEnv({ ...good, NEXTAUTH_URL: undefined })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ ...good, NEXTAUTH_URL: "ftp://portal.example.com" })).toThrow(
      /NEXTAUTH_URL/,
    );
  });

  it("gives the limits their defaults", async () => {
    expect(parseEnv(good)).toMatchObject({
      ACTION_LIMIT_PER_MINUTE: 60,
      EVENT_ACTION_LIMIT_PER_MINUTE: 600,
      MAX_ATTENDEES_PER_EVENT: 500,
    });
  });
});

describe("content security policy", () => {
  it("runs scripts only with the response's nonce and is never framed", async () => {
    const policy = contentSecurityPolicy("abc123", { https: false, dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("route parameters", () => {
  it("lead only to modules content/modules.json names, never elsewhere on disk", async () => {
    expect((await loadSteps("ko", "compute")).length).toBeGreaterThan(0);
    // Before: content/ko/../en/compute was read, and its pages failed the module check (a 500).
    for (const moduleId of ["../en/compute", "..", "../../lib", "compute/../storage", "%2e%2e"]) {
      expect(await loadSteps("ko", moduleId), moduleId).toEqual([]);
    }
    expect(await loadSteps("../../etc" as "ko", "compute")).toEqual([]);
  });
});

function sessionOf(endsInMs: number, attendeeId = "a1", eventId = "e1"): AttendeeSession {
  const at = new Date().toISOString();
  return {
    attendee: {
      id: attendeeId,
      event_id: eventId,
      display_name: "Kim",
      email: null,
      created_at: at,
      last_seen_at: at,
      initials: null,
      last_client_ip: null,
      timer_extra_ms: 0,
    },
    event: {
      id: eventId,
      name: "Event",
      join_code: "CODE1234",
      region: "ap-northeast-2",
      ends_at: new Date(Date.now() + endsInMs).toISOString(),
      created_by: null,
      created_at: at,
      shared_domain: null,
      shared_zone_id: null,
      instructor_account_id: null,
      crossaccount_role: null,
      ...EVENT_CONSOLE_DEFAULTS,
    },
  };
}

describe("what the portal does in AWS, and how often", () => {
  const ko = translator("ko");
  const en = translator("en");

  it("refuses check, plan and apply once the event has ended, in words", async () => {
    const limiters = {
      attendee: new WindowLimiter(5, 60_000),
      event: new WindowLimiter(5, 60_000),
    };
    const ended = await actionRefusal(sessionOf(-1000), limiters);
    expect(ended).toEqual({ reason: "event_ended" });
    expect(refusalMessage(ended!, ko)).toContain("실습은 끝났습니다");
    expect(refusalMessage(ended!, en)).toContain("This workshop has ended");
    expect(await actionRefusal(sessionOf(60_000), limiters)).toBeUndefined();
  });

  it("limits one attendee, then the whole event, and says when to try again", async () => {
    let now = 0;
    const limiters = {
      attendee: new WindowLimiter(3, 60_000, () => now),
      event: new WindowLimiter(5, 60_000, () => now),
    };
    const kim = sessionOf(3_600_000, "kim");
    const lee = sessionOf(3_600_000, "lee");
    for (let i = 0; i < 3; i += 1) expect(await actionRefusal(kim, limiters)).toBeUndefined();
    const tooFast = await actionRefusal(kim, limiters);
    expect(tooFast).toEqual({ reason: "attendee", retryAfterMs: 60_000 });
    expect(refusalMessage(tooFast!, ko)).toBe("요청이 너무 잦습니다. 60초 뒤에 다시 누르세요.");
    expect(refusalMessage(tooFast!, en)).toBe("Too many requests. Try again in 60 s.");
    // Kim's refused clicks did not use up the event's budget: Lee still has two.
    expect(await actionRefusal(lee, limiters)).toBeUndefined();
    expect(await actionRefusal(lee, limiters)).toBeUndefined();
    const busy = await actionRefusal(lee, limiters);
    expect(busy).toMatchObject({ reason: "event" });
    expect(refusalMessage(busy!, en)).toContain("The whole workshop");
    now = 60_001;
    expect(await actionRefusal(kim, limiters)).toBeUndefined();
  });

  it("limits credential checks per attendee and per browser, so joining again buys no tries", async () => {
    const make = (max: number) => new WindowLimiter(max, CREDENTIAL_LIMITS.windowMs);
    const limiters: CredentialLimiters = {
      attendee: make(CREDENTIAL_LIMITS.perAttendee),
      client: make(CREDENTIAL_LIMITS.perClient),
      event: make(CREDENTIAL_LIMITS.perEvent),
    };
    const browser = { device: "stolen-key-tester", address: "198.51.100.7" };
    let tries = 0;
    for (let attendee = 0; attendee < 10; attendee += 1) {
      const session = sessionOf(3_600_000, `rejoined-${attendee}`);
      while (!(await credentialsRefusal(session, browser, limiters))) tries += 1;
    }
    expect(tries).toBe(CREDENTIAL_LIMITS.perClient);
    const refusal = await credentialsRefusal(sessionOf(3_600_000, "x"), browser, limiters);
    expect(refusal).toMatchObject({ reason: "credentials" });
    expect(refusalMessage(refusal!, ko)).toBe(
      "자격 증명 확인을 너무 많이 시도했습니다. 60분 뒤에 다시 시도하거나 강사에게 알리세요.",
    );
    // Without a device cookie the address is the client: dropping the cookie buys nothing either.
    const cookieless = { address: "203.0.113.5" };
    let cookielessTries = 0;
    for (let attendee = 0; attendee < 10; attendee += 1) {
      const session = sessionOf(3_600_000, `cookieless-${attendee}`);
      while (!(await credentialsRefusal(session, cookieless, limiters))) cookielessTries += 1;
    }
    expect(cookielessTries).toBe(CREDENTIAL_LIMITS.perClient);
    expect(await credentialsRefusal(sessionOf(-1, "late"), browser, limiters)).toEqual({
      reason: "event_ended",
    });
  });
});

describe("modules the instructor left out", () => {
  it("refuses to check or act on a step of a module the event does not use, in words", async () => {
    const session = sessionOf(3_600_000);
    const onlyCompute = { ...session, event: { ...session.event, modules_enabled: '["compute"]' } };
    expect(await stepEnabled(onlyCompute.event, "ec2-launch")).toBe(true);
    expect(await stepEnabled(onlyCompute.event, "rds-create")).toBe(false);
    expect(await stepEnabled(session.event, "rds-create")).toBe(true);
    expect(await refusedAction(onlyCompute, translator("ko"), "rds-create")).toBe(
      "이 모듈은 이번 실습에서 사용하지 않습니다. 강사에게 문의하세요.",
    );
    expect(await refusedAction(onlyCompute, translator("en"), "rds-create")).toBe(
      "This module is not part of this workshop. Ask your instructor.",
    );
  });
});
