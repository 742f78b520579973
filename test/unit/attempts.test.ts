import { describe, expect, it } from "vitest";
import {
  ClientAttempts,
  InstructorAttempts,
  addressKey,
  type ClientLimits,
} from "@/lib/auth/attempts";
import { newDeviceCookie, verifiedDevice } from "@/lib/auth/device";
import { MemoryWindowStore, WindowLimiter, takeAll } from "@/lib/limits";

const limits: ClientLimits = {
  perDevice: 3,
  cookieless: 4,
  perAddress: 20,
  perSuccess: 3,
  addressCeiling: 50,
  windowMs: 1000,
};
const venue = "203.0.113.1";
const SECRET = "a".repeat(44);

describe("window limiter", () => {
  it("blocks a key after too many events, says for how long, and forgets it after the window", async () => {
    let now = 0;
    const limiter = new WindowLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(await limiter.isBlocked("a")).toBe(false);
      await limiter.record("a");
      now += 100;
    }
    expect(await limiter.isBlocked("a")).toBe(true);
    expect(await limiter.retryAfterMs("a")).toBe(700);
    expect(await limiter.isBlocked("b")).toBe(false);
    now = 1001;
    expect(await limiter.isBlocked("a")).toBe(false);
  });

  it("drops keys that are never asked about again once their window has passed", async () => {
    let now = 0;
    const store = new MemoryWindowStore(1000);
    const limiter = new WindowLimiter(3, 1000, () => now, store);
    for (let i = 0; i < 50; i += 1) await limiter.record(`rotated-${i}`);
    expect(store.trackedKeys).toBe(50);
    now = 2000;
    await limiter.record("fresh");
    expect(store.trackedKeys).toBe(1);
  });

  it("counts an attempt against every key only when all of them allow it", async () => {
    const attendee = new WindowLimiter(2, 1000, () => 0);
    const event = new WindowLimiter(100, 1000, () => 0);
    expect(
      await takeAll([
        [attendee, "a"],
        [event, "e"],
      ]),
    ).toBeUndefined();
    expect(
      await takeAll([
        [attendee, "a"],
        [event, "e"],
      ]),
    ).toBeUndefined();
    expect(
      await takeAll([
        [attendee, "a"],
        [event, "e"],
      ]),
    ).toEqual({ index: 0, retryAfterMs: 1000 });
    // The refused third try did not use up the event's budget.
    for (let i = 0; i < 98; i += 1) expect(await takeAll([[event, "e"]])).toBeUndefined();
    expect(
      await takeAll([
        [attendee, "b"],
        [event, "e"],
      ]),
    ).toEqual({ index: 1, retryAfterMs: 1000 });
  });
});

describe("device cookie", () => {
  it("names only browsers the portal issued a cookie to", async () => {
    const cookie = newDeviceCookie(SECRET);
    const device = verifiedDevice(cookie, SECRET);
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cookie.startsWith(`${device}.`)).toBe(true);
    // Invented, tampered, old-style (unsigned) or signed with another secret: no device.
    expect(verifiedDevice(`${"A".repeat(22)}.${"B".repeat(22)}`, SECRET)).toBeUndefined();
    expect(verifiedDevice(`${"A".repeat(22)}${cookie.slice(22)}`, SECRET)).toBeUndefined();
    expect(verifiedDevice(cookie.slice(0, 22), SECRET)).toBeUndefined();
    expect(verifiedDevice(cookie, "b".repeat(44))).toBeUndefined();
    expect(verifiedDevice(undefined, SECRET)).toBeUndefined();
  });
});

describe("address key", () => {
  it("is the IPv4 address itself and the /64 of an IPv6 address", async () => {
    expect(addressKey("198.51.100.7")).toBe("198.51.100.7");
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("unknown")).toBe("unknown");
  });
});

describe("client attempts (join codes)", () => {
  it("locks out a device that keeps typing wrong codes, for the window only", async () => {
    let now = 0;
    const attempts = new ClientAttempts(limits, () => now);
    const laptop = { device: "laptop", address: venue };
    for (let i = 0; i < limits.perDevice; i += 1) {
      expect(await attempts.blockedBy(laptop)).toBeUndefined();
      await attempts.fail(laptop);
    }
    expect(await attempts.blockedBy(laptop)).toBe("device");
    now = limits.windowMs + 1;
    expect(await attempts.blockedBy(laptop)).toBeUndefined();
  });

  it("keeps a class behind one NAT joining while some attendees are locked out", async () => {
    const attempts = new ClientAttempts(limits, () => 0);
    const typists = Array.from({ length: 4 }, (_, i) => ({
      device: `typist-${i}`,
      address: venue,
    }));
    for (const typist of typists) {
      for (let i = 0; i < limits.perDevice; i += 1) await attempts.fail(typist);
    }
    expect(await Promise.all(typists.map((typist) => attempts.blockedBy(typist)))).toEqual(
      typists.map(() => "device"),
    );
    const careful = { device: "careful", address: venue };
    await attempts.fail(careful);
    expect(await attempts.blockedBy(careful)).toBeUndefined();
    expect(await attempts.blockedBy({ device: "new-arrival", address: venue })).toBeUndefined();
  });

  it("gives a client that drops its cookie no fresh allowance: cookieless clients share one", async () => {
    const attempts = new ClientAttempts(limits, () => 0);
    for (let i = 0; i < limits.cookieless; i += 1) {
      expect(await attempts.blockedBy({ address: venue })).toBeUndefined();
      await attempts.fail({ address: venue });
    }
    expect(await attempts.blockedBy({ address: venue })).toBe("device");
    // Classmates with their cookie, and cookieless clients elsewhere, are untouched.
    expect(await attempts.blockedBy({ device: "classmate", address: venue })).toBeUndefined();
    expect(await attempts.blockedBy({ address: "198.51.100.7" })).toBeUndefined();
  });

  it("refuses everyone at an address once its ceiling is reached, and only there", async () => {
    let now = 0;
    const attempts = new ClientAttempts(limits, () => now);
    for (let i = 0; i < limits.perAddress; i += 1) {
      await attempts.fail({ device: `fresh-cookie-${i}`, address: venue });
    }
    expect(await attempts.blockedBy({ device: "untouched", address: venue })).toBe("address");
    expect(
      await attempts.blockedBy({ device: "untouched", address: "198.51.100.7" }),
    ).toBeUndefined();
    now = limits.windowMs + 1;
    expect(await attempts.blockedBy({ device: "untouched", address: venue })).toBeUndefined();
  });

  it("lets an address where attendees join earn more tries, up to a ceiling; a guesser earns none", async () => {
    const attempts = new ClientAttempts(limits, () => 0);
    const guesser = "198.51.100.66";
    for (let i = 0; i < limits.perAddress; i += 1) {
      await attempts.fail({ device: `minted-${i}`, address: guesser });
    }
    expect(await attempts.blockedBy({ device: "minted-new", address: guesser })).toBe("address");

    // A venue: every attendee who joins adds perSuccess tries for the typists behind the same NAT.
    for (let i = 0; i < 5; i += 1)
      await attempts.succeed({ device: `joined-${i}`, address: venue });
    const allowance = limits.perAddress + 5 * limits.perSuccess;
    for (let i = 0; i < allowance; i += 1)
      await attempts.fail({ device: `typist-${i}`, address: venue });
    expect(await attempts.blockedBy({ device: "late", address: venue })).toBe("address");
    await attempts.succeed({ device: "joined-5", address: venue });
    expect(await attempts.blockedBy({ device: "late", address: venue })).toBeUndefined();
    for (let i = 0; i < 100; i += 1)
      await attempts.succeed({ device: `many-${i}`, address: venue });
    for (let i = 0; i < limits.addressCeiling; i += 1)
      await attempts.fail({ device: `t-${i}`, address: venue });
    expect(await attempts.blockedBy({ device: "late", address: venue })).toBe("address");
  });

  it("counts an IPv6 host that rotates addresses inside its /64 as one address", async () => {
    const attempts = new ClientAttempts(limits, () => 0);
    for (let i = 0; i < limits.perAddress; i += 1) {
      await attempts.fail({ device: `d-${i}`, address: `2001:db8:5:6::${(i + 1).toString(16)}` });
    }
    expect(await attempts.blockedBy({ device: "other", address: "2001:db8:5:6::ffff" })).toBe(
      "address",
    );
    expect(
      await attempts.blockedBy({ device: "other", address: "2001:db8:5:7::1" }),
    ).toBeUndefined();
  });
});

describe("instructor sign-in attempts", () => {
  const instructorLimits = { ...limits, perEmail: 2, perDevice: 5 };

  it("locks an email whoever tries it, known or not, and a client whatever email it tries", async () => {
    const attempts = new InstructorAttempts(instructorLimits, () => 0);
    await attempts.fail("kim@example.com", { device: "one", address: venue });
    await attempts.fail("kim@example.com", { device: "two", address: "198.51.100.7" });
    expect(
      await attempts.isBlocked("kim@example.com", { device: "three", address: "192.0.2.9" }),
    ).toBe(true);
    expect(
      await attempts.isBlocked("lee@example.com", { device: "three", address: "192.0.2.9" }),
    ).toBe(false);

    const guesser = { device: "guesser", address: "192.0.2.50" };
    for (let i = 0; i < instructorLimits.perDevice; i += 1)
      await attempts.fail(`n${i}@example.com`, guesser);
    expect(await attempts.isBlocked("fresh@example.com", guesser)).toBe(true);
  });
});
