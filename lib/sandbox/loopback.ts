import "server-only";
import { type RequestListener, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type LoopbackServer = { url: string; close(): Promise<void> };

/** Listens on a loopback address only: the sandbox never exposes these services elsewhere. */
export async function listenOnLoopback(
  handler: RequestListener,
  options: { host?: string; port?: number },
): Promise<LoopbackServer> {
  const host = options.host ?? "127.0.0.1";
  if (!/^127\.\d+\.\d+\.\d+$/.test(host)) throw new Error(`not a loopback address: ${host}`);
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
