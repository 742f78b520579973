import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "@/lib/auth/attempts";

describe("join attempt limiter", () => {
  it("blocks a client after too many failures and forgets them after the window", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 1000, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.isBlocked("203.0.113.1")).toBe(false);
      limiter.fail("203.0.113.1");
    }
    expect(limiter.isBlocked("203.0.113.1")).toBe(true);
    expect(limiter.isBlocked("203.0.113.2")).toBe(false);
    now = 1001;
    expect(limiter.isBlocked("203.0.113.1")).toBe(false);
  });
});
