// "Database down, then up again": a loopback TCP relay in front of MariaDB is stopped (every
// relayed connection is cut and new ones are refused) and started again on the same port.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StartedApp, labSettings, startTestApp } from "./support/app";
import { SignupClient, healthOf } from "./support/client";
import { type LabDatabase, createLabDatabase } from "./support/lab-database";
import { TcpProxy } from "./support/tcp-proxy";

let database: LabDatabase;
let proxy: TcpProxy;
let started: StartedApp | null = null;

beforeAll(async () => {
  database = await createLabDatabase({ prefix: "recover" });
  proxy = new TcpProxy(database.host, database.port);
  await proxy.start();
});

afterAll(async () => {
  await started?.close();
  await proxy?.stop();
  await database?.drop();
});

function settings() {
  return labSettings({
    database,
    extra: { DB_HOST: "127.0.0.1", DB_PORT: String(proxy.port) },
  });
}

const attendee = (name: string) => ({ name, email: `${name}@example.com`, password: "asdf1234!" });

it("starts while the database is down, keeps serving, and recovers by itself", async () => {
  await proxy.stop();
  started = await startTestApp(settings());
  const client = new SignupClient(started.url);

  expect((await client.get("/")).status).toBe(200);
  expect((await healthOf(started.url)).database).toEqual({
    status: "refused",
    code: "ECONNREFUSED",
    users: null,
  });
  const refused = await client.signUp(attendee("early"));
  expect(refused.status).toBe(503);
  expect(refused.html).toContain("The database refused the connection");
  expect((await client.get("/admin")).status).toBe(503);

  await proxy.start();
  expect((await healthOf(started.url)).database).toEqual({ status: "ok", code: null, users: 0 });
  expect((await client.signUp(attendee("later"))).status).toBe(200);
});

it("survives the database going away under open pooled connections and coming back", async () => {
  if (!started) throw new Error("previous test did not start the app");
  const client = new SignupClient(started.url);
  expect((await client.signUp(attendee("before"))).status).toBe(200);

  await proxy.stop();
  const health = await healthOf(started.url);
  expect(["refused", "unreachable"]).toContain(health.database.status);
  const during = await client.signUp(attendee("during"));
  expect(during.status).toBe(503);
  expect((await client.get("/")).status).toBe(200);

  await proxy.start();
  expect((await client.signUp(attendee("after"))).status).toBe(200);
  const admin = await client.get("/admin");
  expect(admin.status).toBe(200);
  for (const name of ["later", "before", "after"])
    expect(admin.html).toContain(`${name}@example.com`);
  expect(admin.html).not.toContain("during@example.com");
  expect((await healthOf(started.url)).database).toEqual({ status: "ok", code: null, users: 3 });
});
