import { NextResponse, type NextRequest } from "next/server";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, isDeviceId, newDeviceId } from "@/lib/auth/device";
import { REQUEST_PATH_HEADER } from "@/lib/auth/return-path";
import { env } from "@/lib/env";
import { malformedPath, refusedActionCall } from "@/lib/http/request-guard";

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
  const headers = new Headers(request.headers);
  if (!env().TRUST_PROXY) headers.delete("x-forwarded-for");
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);

  const device = request.cookies.get(DEVICE_COOKIE)?.value;
  const newDevice = isDeviceId(device) ? undefined : newDeviceId();
  if (newDevice) {
    request.cookies.set(DEVICE_COOKIE, newDevice);
    headers.set("cookie", request.cookies.toString());
  }

  const response = NextResponse.next({ request: { headers } });
  if (newDevice) {
    response.cookies.set(DEVICE_COOKIE, newDevice, {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
