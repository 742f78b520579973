import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/** Who signed an SDK request, and for which region and service (its credential scope). */
function signedBy(authorization: string | undefined) {
  const scope = /Credential=([^/]+)\/[^/]+\/([^/]+)\/([^/]+)\//.exec(authorization ?? "");
  return { key: scope?.[1] ?? "", region: scope?.[2] ?? "", service: scope?.[3] ?? "unknown" };
}

/** S3's and Route 53's REST calls, named by method and the shape of the path (ids dropped). */
function restOperation(method: string, url: URL, service: string): string {
  const named = url.searchParams.get("x-id");
  if (named) return named;
  const parts = url.pathname.split("/").filter(Boolean);
  const subresources = [...url.searchParams.keys()].filter((key) => !key.startsWith("X-Amz"));
  const query = subresources.length ? `?${subresources.sort().join("&")}` : "";
  if (service === "s3" && parts[0] === "v20180820") return `${method} ${parts.slice(1).join("/")}`;
  if (service === "s3") return `${method} ${parts.length <= 1 ? "bucket" : "object"}${query}`;
  // Route 53: /2013-04-01/hostedzone/Z123/rrset → GET hostedzone/rrset
  return `${method} ${parts.filter((part, index) => index % 2 === 1).join("/")}${query}`;
}

/**
 * A proxy in front of the emulator that counts every request reaching it, by account, region,
 * service and operation: what a refresh costs as AWS would see it (SDK retries included). The
 * account of a request is the one whose role issued its session key (seen in AssumeRole).
 */
export async function countingEmulator(target: string) {
  const upstream = new URL(target);
  const calls = new Map<string, number>();
  const accountOfKey = new Map<string, string>();
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const signer = signedBy(incoming.headers.authorization);
      const service = signer.service;
      const url = new URL(incoming.url ?? "/", "http://emulator");
      const amzTarget = incoming.headers["x-amz-target"];
      const action =
        (typeof amzTarget === "string" ? amzTarget.split(".").pop() : undefined) ??
        new URLSearchParams(body.toString("utf8")).get("Action") ??
        url.searchParams.get("Action") ??
        restOperation(incoming.method ?? "GET", url, service);
      const account = accountOfKey.get(signer.key) ?? "unknown";
      const key = `${account} ${signer.region} ${service}:${action}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
      const assumed =
        action === "AssumeRole"
          ? /arn:aws:iam::(\d{12}):role/.exec(
              decodeURIComponent(new URLSearchParams(body.toString("utf8")).get("RoleArn") ?? ""),
            )?.[1]
          : undefined;
      const forwarded = httpRequest(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          if (assumed) {
            const answerChunks: Buffer[] = [];
            answer.on("data", (chunk: Buffer) => answerChunks.push(chunk));
            answer.on("end", () => {
              const keyId = /<AccessKeyId>([^<]+)</.exec(
                Buffer.concat(answerChunks).toString(),
              )?.[1];
              if (keyId) accountOfKey.set(keyId, assumed);
            });
          }
          answer.pipe(outgoing);
        },
      );
      forwarded.on("error", () => outgoing.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    total: () => [...calls.values()].reduce((sum, count) => sum + count, 0),
    byOperation: () =>
      Object.fromEntries([...calls.entries()].sort(([a], [b]) => a.localeCompare(b))),
    reset: () => calls.clear(),
    /** Credentials assumed before the proxy saw them: whose they are. */
    nameKey: (accessKeyId: string, account: string) => accountOfKey.set(accessKeyId, account),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
