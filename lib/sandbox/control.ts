import "server-only";
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { SandboxRuntime } from "@/lib/sandbox/runtime";

export const TOKEN_HEADER = "x-sandbox-token";

const accountId = z.string().regex(/^\d{12}$/);
const instanceId = z.string().regex(/^i-[0-9a-f]{8,17}$/);

const resolveBody = z.union([
  z.object({ accountId, instanceId }),
  z.object({ accountId, address: z.ipv4() }),
]);

const uploadBody = z.object({
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
});

const MAX_BODY_BYTES = 64 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > MAX_BODY_BYTES) throw new Error("body too large");
  }
  return body;
}

function send(response: ServerResponse, status: number, body: unknown, type = "application/json") {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(typeof body === "string" ? body : JSON.stringify(body));
}

function sameToken(given: string | undefined, expected: string) {
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The runtime's loopback API for the portal: resolve an instance's app, read and write its
 * config.env, read its access log, upload as its role, list what runs. Every call carries the
 * shared token.
 */
export async function startControlServer(
  runtime: SandboxRuntime,
  options: { port: number; token: string },
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) =>
      send(response, 500, { error: error instanceof Error ? error.message : "failed" }),
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (!sameToken(request.headers[TOKEN_HEADER] as string | undefined, options.token)) {
      return send(response, 401, { error: "unauthorized" });
    }
    const url = new URL(request.url ?? "/", "http://runtime");
    if (request.method === "GET" && url.pathname === "/health") return send(response, 200, {});
    if (request.method === "GET" && url.pathname === "/apps") {
      return send(response, 200, runtime.list());
    }
    if (request.method === "POST" && url.pathname === "/resolve") {
      const parsed = resolveBody.safeParse(JSON.parse((await readBody(request)) || "null"));
      if (!parsed.success) return send(response, 400, { error: "bad request" });
      return send(response, 200, await runtime.resolve(parsed.data));
    }
    const match = /^\/instances\/([^/]+)\/([^/]+)\/(config|log|upload)$/.exec(url.pathname);
    const account = accountId.safeParse(match?.[1]);
    const instance = instanceId.safeParse(match?.[2]);
    if (!match || !account.success || !instance.success) {
      return send(response, 404, { error: "not found" });
    }
    const text = "text/plain; charset=utf-8";
    if (match[3] === "log" && request.method === "GET") {
      return send(response, 200, runtime.readLog(account.data, instance.data), text);
    }
    if (match[3] === "config" && request.method === "GET") {
      const config = await runtime.readConfig(account.data, instance.data);
      return config === undefined
        ? send(response, 404, { error: "no app yet" })
        : send(response, 200, config, text);
    }
    if (match[3] === "upload" && request.method === "POST") {
      const parsed = uploadBody.safeParse(JSON.parse((await readBody(request)) || "null"));
      if (!parsed.success) return send(response, 400, { error: "bad request" });
      const upload = await runtime.uploadAsInstance(
        account.data,
        instance.data,
        parsed.data.bucket,
      );
      return upload ? send(response, 200, upload) : send(response, 404, { error: "no app" });
    }
    if (match[3] === "config" && request.method === "PUT") {
      const saved = await runtime.writeConfig(account.data, instance.data, await readBody(request));
      return saved ? send(response, 204, "") : send(response, 404, { error: "no app yet" });
    }
    return send(response, 405, { error: "method not allowed" });
  }

  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
