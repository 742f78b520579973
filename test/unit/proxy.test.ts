// Served over HTTPS (behind a TLS proxy), before anything reads env().
process.env.NEXTAUTH_URL = "https://portal.example.com";

import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { DEVICE_COOKIE, newDeviceCookie, verifiedDevice } from "@/lib/auth/device";
import { proxy } from "@/proxy";

const secret = () => process.env.NEXTAUTH_SECRET ?? "";

describe("proxy behind HTTPS", async () => {
  it("sends a nonce policy, HSTS and a Secure, signed device cookie", async () => {
    const response = await proxy(new NextRequest("http://127.0.0.1:3000/lab"));
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // The page sees the same policy and nonce (Next forwards overridden request headers like this).
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(policy).toContain("upgrade-insecure-requests");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const cookie = response.cookies.get(DEVICE_COOKIE);
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(verifiedDevice(cookie?.value, secret())).toBeTruthy();
    expect(authOptions.useSecureCookies).toBe(true);
  });

  it("keeps a device the portal issued, replaces an invented one, and never lends one to the request", async () => {
    const issued = newDeviceCookie(secret());
    const kept = await proxy(
      new NextRequest("http://127.0.0.1:3000/", {
        headers: { cookie: `${DEVICE_COOKIE}=${issued}` },
      }),
    );
    expect(kept.cookies.get(DEVICE_COOKIE)).toBeUndefined();

    const invented = await proxy(
      new NextRequest("http://127.0.0.1:3000/", {
        headers: { cookie: `${DEVICE_COOKIE}=${"A".repeat(22)}`, "x-forwarded-for": "203.0.113.9" },
      }),
    );
    expect(invented.cookies.get(DEVICE_COOKIE)?.value).not.toContain("A".repeat(22));
    // The request the page sees has no device cookie of this response, and no client-sent address.
    expect(invented.headers.get("x-middleware-request-cookie") ?? "").not.toContain(
      invented.cookies.get(DEVICE_COOKIE)?.value ?? "missing",
    );
    expect(invented.headers.get("x-middleware-request-x-forwarded-for")).toBeNull();
  });
});
