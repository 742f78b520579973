import { describe, expect, it } from "vitest";
import { AttemptLimiter, JoinAttempts } from "@/lib/auth/attempts";

const limits = { perDevice: 3, perAddress: 20, windowMs: 1000 };
const venue = "203.0.113.1";

describe("attempt limiter", () => {
  it("blocks a key after too many failures and forgets it after the window", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.isBlocked("a")).toBe(false);
      limiter.fail("a");
    }
    expect(limiter.isBlocked("a")).toBe(true);
    expect(limiter.isBlocked("b")).toBe(false);
    now = 1001;
    expect(limiter.isBlocked("a")).toBe(false);
  });

  it("drops keys that are never asked about again once their window has passed", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 1000, () => now);
    for (let i = 0; i < 50; i += 1) limiter.fail(`rotated-${i}`);
    expect(limiter.trackedKeys).toBe(50);
    now = 2000;
    limiter.fail("fresh");
    expect(limiter.trackedKeys).toBe(1);
  });
});

describe("join attempts", () => {
  it("locks out a device that keeps typing wrong codes, for the window only", () => {
    let now = 0;
    const attempts = new JoinAttempts(limits, () => now);
    const laptop = { device: "laptop", address: venue };
    for (let i = 0; i < limits.perDevice; i += 1) {
      expect(attempts.blockedBy(laptop)).toBeUndefined();
      attempts.fail(laptop);
    }
    expect(attempts.blockedBy(laptop)).toBe("device");
    now = limits.windowMs + 1;
    expect(attempts.blockedBy(laptop)).toBeUndefined();
  });

  it("keeps a class behind one NAT joining while some attendees are locked out", () => {
    const attempts = new JoinAttempts(limits, () => 0);
    const typists = Array.from({ length: 4 }, (_, i) => ({
      device: `typist-${i}`,
      address: venue,
    }));
    for (const typist of typists) {
      for (let i = 0; i < limits.perDevice; i += 1) attempts.fail(typist);
    }
    expect(typists.map((typist) => attempts.blockedBy(typist))).toEqual(
      typists.map(() => "device"),
    );
    const careful = { device: "careful", address: venue };
    attempts.fail(careful);
    expect(attempts.blockedBy(careful)).toBeUndefined();
    expect(attempts.blockedBy({ device: "new-arrival", address: venue })).toBeUndefined();
  });

  it("refuses everyone at an address once its ceiling is reached, and only there", () => {
    let now = 0;
    const attempts = new JoinAttempts(limits, () => now);
    for (let i = 0; i < limits.perAddress; i += 1) {
      attempts.fail({ device: `cookie-dropper-${i}`, address: venue });
    }
    expect(attempts.blockedBy({ device: "untouched", address: venue })).toBe("address");
    expect(attempts.blockedBy({ device: "untouched", address: "198.51.100.7" })).toBeUndefined();
    now = limits.windowMs + 1;
    expect(attempts.blockedBy({ device: "untouched", address: venue })).toBeUndefined();
  });
});
