import { NextResponse, type NextRequest } from "next/server";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE,
  newDeviceCookie,
  verifiedDevice,
} from "@/lib/auth/device";
import { REQUEST_PATH_HEADER } from "@/lib/auth/return-path";
import { env, servedOverHttps } from "@/lib/env";
import { malformedPath, refusedActionCall } from "@/lib/http/request-guard";
import { HSTS, NONCE_HEADER, contentSecurityPolicy, newNonce } from "@/lib/security-headers";

/**
 * Next's server fills X-Forwarded-For with the socket's peer address only when the request has
 * none, so a client could name any address. Without a trusted proxy in front, the client's header is
 * dropped here and what the pages read is the socket address Next records afterwards.
 */
export async function proxy(request: NextRequest) {
  if (malformedPath(request.nextUrl.pathname))
    return new NextResponse("Bad request\n", { status: 400 });
  const refused = await refusedActionCall(request.clone());
  if (refused) return new NextResponse(null, { status: refused });
  const config = env();
  const https = servedOverHttps(config);
  const headers = new Headers(request.headers);
  if (!config.TRUST_PROXY) headers.delete("x-forwarded-for");
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);

  // Next puts the nonce on its own scripts when it finds the policy in the request.
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, {
    https,
    dev: process.env.NODE_ENV === "development",
  });
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", HSTS);
  // A new browser gets its device on this response; the request itself stays without one, so a
  // client that drops the cookie is never counted as a fresh device (lib/auth/attempts.ts).
  if (!verifiedDevice(request.cookies.get(DEVICE_COOKIE)?.value, config.NEXTAUTH_SECRET)) {
    response.cookies.set(DEVICE_COOKIE, newDeviceCookie(config.NEXTAUTH_SECRET), {
      httpOnly: true,
      sameSite: "lax",
      secure: https,
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
