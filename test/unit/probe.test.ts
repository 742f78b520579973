import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PROBE_MAX_BODY_BYTES, createAppProbe, createHealthReader } from "@/lib/lab/probe";
import { isGlobalUnicast } from "@/lib/net";

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

describe("app probe", () => {
  let connections = 0;
  // 96 KB of padding before what counts: a reader that takes the body whole would see it.
  const hugeServer = createServer((request, response) => {
    let written = 0;
    const chunk = " ".repeat(16 * 1024);
    const send = () => {
      while (written < 96 * 1024) {
        written += chunk.length;
        if (!response.write(chunk)) return response.once("drain", send);
      }
      response.end(request.url === "/healthz" ? '{"app":"aws101-sample-app"}' : "Saltware");
    };
    send();
  });
  const server = createServer((request, response) => {
    if (request.url === "/slow") return setTimeout(() => response.end("late"), 5000);
    if (request.url === "/healthz") {
      response.setHeader("content-type", "application/json");
      return response.end(JSON.stringify({ app: "aws101-sample-app" }));
    }
    response.setHeader("content-type", "text/html");
    response.end(request.url === "/other" ? "<h1>nginx</h1>" : "<h1>Welcome to Saltware</h1>");
  });
  server.on("connection", () => (connections += 1));
  let base = "";
  let huge = "";
  beforeAll(async () => {
    base = await listen(server);
    huge = await listen(hugeServer);
  });
  afterAll(async () => {
    hugeServer.closeAllConnections();
    await Promise.all(
      [server, hugeServer].map(
        (each) => new Promise<void>((resolve) => each.close(() => resolve())),
      ),
    );
  });

  it("refuses any non-loopback address in the sandbox without even asking DNS", async () => {
    const resolve = vi.fn();
    const probe = createAppProbe({ sandbox: true, timeoutMs: 500, resolve });
    const emulatorInventedIp = "54.180.1.2";
    expect(await probe(`http://${emulatorInventedIp}/`)).toEqual({ ok: false, reason: "network" });
    expect(await probe("http://app.example.com/")).toEqual({ ok: false, reason: "network" });
    expect(resolve).not.toHaveBeenCalled();
  });

  it("recognises the sample app, another app, a timeout and a refused port", async () => {
    const probe = createAppProbe({ sandbox: true, timeoutMs: 1500 });
    expect(await probe(`${base}/`)).toEqual({ ok: true, status: 200, looksLikeSampleApp: true });
    expect(await probe(`${base}/other`)).toMatchObject({ ok: true, looksLikeSampleApp: false });
    expect(await probe(`${base}/slow`)).toEqual({ ok: false, reason: "timeout" });
    const closed = createServer();
    const closedUrl = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await probe(`${closedUrl}/`)).toEqual({ ok: false, reason: "refused" });
  });

  it("reads at most a few KB of an answer, whatever the app sends", async () => {
    const probe = createAppProbe({ sandbox: true, timeoutMs: 5000 });
    expect(await probe(`${huge}/`)).toEqual({ ok: true, status: 200, looksLikeSampleApp: false });
    expect(PROBE_MAX_BODY_BYTES).toBeLessThanOrEqual(16 * 1024);
    const health = createHealthReader({ sandbox: true, timeoutMs: 5000 });
    expect(await health(`${base}/`)).toEqual({ app: "aws101-sample-app" });
    expect(await health(`${huge}/`)).toBeUndefined();
  });

  it("on AWS refuses loopback, private, link-local, CGNAT and their IPv6 forms without a request", async () => {
    // A refused address must never reach a request: this one fails the test instead of connecting.
    const request = vi.fn(() => {
      throw new Error("a request was made");
    });
    const options = { sandbox: false, timeoutMs: 1000, request, resolve: vi.fn() };
    const probe = createAppProbe(options);
    const health = createHealthReader(options);
    for (const url of [
      "http://127.0.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.5/",
      "http://172.16.3.4/",
      "http://192.168.1.1/",
      "http://100.64.0.1/",
      "http://0.0.0.0/",
      "http://[::1]/",
      "http://[fd00:ec2::254]/",
      "http://[fe80::1]/",
      "http://[::ffff:127.0.0.1]/",
      "file:///etc/passwd",
    ]) {
      expect(await probe(url), url).toEqual({ ok: false, reason: "network" });
      expect(await health(url), url).toBeUndefined();
    }
    expect(request).not.toHaveBeenCalled();
  });

  it("on AWS refuses a name whose DNS answer holds any such address, and never connects", async () => {
    // Every answer starts with loopback, so even a probe that wrongly connected stayed on this machine.
    const resolve = vi.fn(async (hostname: string) =>
      hostname === "rebind.example.com"
        ? [{ address: "127.0.0.1", family: 4 }]
        : [
            { address: "127.0.0.1", family: 4 },
            { address: "169.254.169.254", family: 4 },
          ],
    );
    const port = new URL(base).port;
    const probe = createAppProbe({ sandbox: false, timeoutMs: 1000, resolve });
    const before = connections;
    for (const url of [
      `http://rebind.example.com:${port}/`,
      `http://metadata.example.com:${port}/`,
      `http://localhost:${port}/`,
    ]) {
      expect(await probe(url), url).toEqual({ ok: false, reason: "network" });
    }
    expect(connections).toBe(before);
    expect(resolve).toHaveBeenCalledWith("rebind.example.com");
  });
});

describe("global unicast", () => {
  it.each([
    ["3.35.1.2", true],
    ["54.180.1.2", true],
    ["2406:da12::1", true],
    ["::ffff:3.35.1.2", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.31.255.255", false],
    ["192.168.0.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["100.127.255.255", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["::1", false],
    ["::", false],
    ["fd00:ec2::254", false],
    ["fe80::1", false],
    ["ff02::1", false],
    ["::ffff:10.0.0.1", false],
    ["::ffff:169.254.169.254", false],
    ["64:ff9b::a00:1", false],
    ["2002:a00:1::1", false],
    ["not-an-ip", false],
  ])("%s → %s", (address, expected) => {
    expect(isGlobalUnicast(address)).toBe(expected);
  });
});
