import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/client-ip";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client IP", () => {
  it("takes the socket address Next recorded when no proxy is trusted", () => {
    expect(clientIpFrom(forwardedFor("198.51.100.23"), false)).toBe("198.51.100.23");
    expect(clientIpFrom(forwardedFor("::ffff:198.51.100.23"), false)).toBe("198.51.100.23");
    expect(clientIpFrom(forwardedFor("::1"), false)).toBe("127.0.0.1");
  });

  it("refuses a chain without a trusted proxy, since Next records a single address", () => {
    expect(clientIpFrom(forwardedFor("203.0.113.9, 198.51.100.23"), false)).toBeUndefined();
  });

  it("takes the first entry behind a trusted proxy", () => {
    expect(clientIpFrom(forwardedFor("203.0.113.9, 10.0.0.2"), true)).toBe("203.0.113.9");
  });

  it("writes IPv6 the way security group rules do, and rejects anything else", () => {
    expect(clientIpFrom(forwardedFor("2001:DB8:0:0:0:0:0:1"), false)).toBe("2001:db8::1");
    expect(clientIpFrom(forwardedFor("not-an-ip"), false)).toBeUndefined();
    expect(clientIpFrom(new Headers(), false)).toBeUndefined();
  });
});
