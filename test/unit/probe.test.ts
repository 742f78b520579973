import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppProbe } from "@/lib/lab/probe";

describe("app probe", () => {
  const server = createServer((request, response) => {
    if (request.url === "/slow") return setTimeout(() => response.end("late"), 5000);
    response.setHeader("content-type", "text/html");
    response.end(request.url === "/other" ? "<h1>nginx</h1>" : "<h1>Welcome to Saltware</h1>");
  });
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses any non-loopback address in the sandbox without sending a request", async () => {
    const fetchImpl = vi.fn();
    const probe = createAppProbe({ sandbox: true, timeoutMs: 500, fetchImpl });
    const emulatorInventedIp = "54.180.1.2";
    expect(await probe(`http://${emulatorInventedIp}/`)).toEqual({ ok: false, reason: "network" });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("recognises the sample app, another app, a timeout and a refused port", async () => {
    const probe = createAppProbe({ sandbox: true, timeoutMs: 1500 });
    expect(await probe(`${base}/`)).toEqual({ ok: true, status: 200, looksLikeSampleApp: true });
    expect(await probe(`${base}/other`)).toMatchObject({ ok: true, looksLikeSampleApp: false });
    expect(await probe(`${base}/slow`)).toEqual({ ok: false, reason: "timeout" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedAddress = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const closedPort = typeof closedAddress === "object" && closedAddress ? closedAddress.port : 0;
    expect(await probe(`http://127.0.0.1:${closedPort}/`)).toEqual({
      ok: false,
      reason: "refused",
    });
  });
});
