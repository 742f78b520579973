import "server-only";
import { randomBytes } from "node:crypto";
import {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
  request as httpRequest,
} from "node:http";
import { log } from "@/lib/log";
import { type LoopbackServer, listenOnLoopback } from "@/lib/sandbox/loopback";
import { sandboxEndpointList } from "@/lib/sandbox/accounts";
import { RoleAccessEvaluator } from "@/lib/sandbox/role-policies";
import { POLICY_CACHE_MS } from "@/lib/sandbox/timing";
import type { RoleSessionRegistry } from "@/lib/sandbox/role-sessions";
import {
  amzDateMs,
  callerOf,
  listContext,
  s3OperationFor,
  signatureMatches,
} from "@/lib/sandbox/s3-requests";

export type S3GateOptions = {
  /** The moto server the sandbox runs on, or several comma-separated (one per account). */
  emulatorEndpoint: string;
  sessions: RoleSessionRegistry;
  host?: string;
  port?: number;
  /** How long role and bucket policies are cached; 2 s unless set. */
  policyCacheMs?: number;
};

// Hop-by-hop headers belong to one connection, not to the request being relayed.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "expect",
]);

/**
 * The sandbox app's S3 endpoint: decides each request signed with instance role credentials as
 * IAM would (moto does not enforce IAM) and relays allowed ones to the emulator unchanged.
 * Unsigned requests pass through: moto decides public access by bucket policy and ACL.
 */
export async function startS3Gate(options: S3GateOptions): Promise<LoopbackServer> {
  const evaluator = new RoleAccessEvaluator(options.policyCacheMs ?? POLICY_CACHE_MS);
  // Unsigned requests (public website reads) go to the first emulator process.
  const [firstEmulator = options.emulatorEndpoint] = sandboxEndpointList(options.emulatorEndpoint);

  const relay = (
    request: IncomingMessage,
    response: ServerResponse,
    endpoint: string = firstEmulator,
  ) => {
    const emulator = new URL(endpoint);
    const method = request.method ?? "GET";
    const upstream = httpRequest(
      {
        hostname: emulator.hostname,
        port: emulator.port,
        method,
        // The Host header stays the gate's, so URLs the emulator writes point back here.
        path: request.url,
        headers: withoutHopByHop(request.headers),
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        if (status === 403 && method !== "HEAD" && answer.headers["content-length"] === "0") {
          // moto's public-access refusals have no body; S3 always explains.
          answer.resume();
          return sendError(request, response, 403, "AccessDenied", "Access Denied");
        }
        response.writeHead(status, withoutHopByHop(answer.headers));
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => {
      log().warn({ err: error }, "sandbox S3 gate could not reach the emulator");
      if (response.headersSent) response.destroy();
      else
        sendError(
          request,
          response,
          503,
          "ServiceUnavailable",
          "The sandbox's S3 is not reachable.",
        );
    });
    request.pipe(upstream);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? "GET";
    const rawUrl = request.url ?? "/";
    const caller = callerOf(rawUrl, request.headers);
    if (caller.kind === "anonymous") return relay(request, response);
    if (caller.kind === "unsupported") {
      return sendError(
        request,
        response,
        400,
        "InvalidRequest",
        "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.",
      );
    }
    const signed = caller.request;
    const session = options.sessions.find(signed.accessKeyId);
    if (!session) {
      return sendError(
        request,
        response,
        403,
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.",
      );
    }
    if (!signatureMatches(signed, session.secretAccessKey, method, rawUrl, request.headers)) {
      return sendError(
        request,
        response,
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      );
    }
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      return sendError(request, response, 400, "ExpiredToken", "The provided token has expired.");
    }
    if (
      signed.expiresSeconds !== undefined &&
      !(amzDateMs(signed.amzDate) + signed.expiresSeconds * 1000 > now)
    ) {
      return sendError(request, response, 403, "AccessDenied", "Request has expired");
    }
    const operation = s3OperationFor(method, rawUrl, request.headers);
    if (!operation) {
      return sendError(
        request,
        response,
        501,
        "NotImplemented",
        "The sandbox does not evaluate this S3 request: only the lab's S3 operations are supported.",
      );
    }
    const context = listContext(rawUrl);
    for (const check of operation.checks) {
      const decision = await evaluator.decide(session, check, context);
      if (decision.outcome === "denied") {
        log().info(
          {
            account: session.accountId,
            role: session.roleName,
            operation: operation.name,
            action: check.action,
          },
          "sandbox S3 request denied",
        );
        return sendError(request, response, 403, "AccessDenied", decision.message);
      }
      if (decision.outcome === "no-such-bucket") break;
    }
    relay(request, response, session.account.target.endpoint);
  };

  return listenOnLoopback(
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        log().warn({ err: error }, "sandbox S3 gate could not decide a request");
        if (response.headersSent) response.destroy();
        else sendError(request, response, 503, "ServiceUnavailable", "Please try again.");
      });
    },
    { host: options.host, port: options.port },
  );
}

function withoutHopByHop(headers: IncomingMessage["headers"]): OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())),
  );
}

const XML_ENTITIES: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => XML_ENTITIES[character] ?? character);
}

/** S3's error document; a HEAD answer carries the status only, as S3's does. */
function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
) {
  // The body of a refused upload is read and dropped so the client sees the answer, not a reset.
  request.resume();
  const requestId = randomBytes(8).toString("hex").toUpperCase();
  const hostId = randomBytes(24).toString("base64");
  const body =
    request.method === "HEAD"
      ? ""
      : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
  response
    .writeHead(status, {
      "content-type": "application/xml",
      "content-length": Buffer.byteLength(body),
      "x-amz-request-id": requestId,
      "x-amz-id-2": hostId,
    })
    .end(body);
}
