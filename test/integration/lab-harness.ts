import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DescribeSubnetsCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import { connectSandbox } from "@/lib/credentials";
import type { PortalDb } from "@/lib/db/connection";
import { createAttendee, createEvent, findEventById, setAttendeeInitials } from "@/lib/db/queries";
import { createAppProbe, createHealthReader } from "@/lib/lab/probe";
import { unpackSampleApp } from "@/lib/sandbox/app-bundle";
import type { SandboxRuntimeConnection } from "@/lib/sandbox/client";
import { startControlServer } from "@/lib/sandbox/control";
import { createInstanceEnvironment } from "@/lib/sandbox/environment";
import { SandboxRuntime, type RuntimeOptions } from "@/lib/sandbox/runtime";
import { DEFAULT_BUNDLE_PATH } from "@/sample-app/scripts/bundle";
import type { AttendeeRef, RunnerEnvironment } from "@/lib/lab/runner";
import { testDatabase } from "./database";
import { REGION, emulatorEndpoint, sandboxClients } from "./emulator";

export const SAMPLE_APP_USER_DATA =
  "#!/bin/bash\ncurl -fsSL http://127.0.0.1:3000/downloads/sample-app/1.0.0.tgz -o /tmp/app.tgz\n";

export type TestRuntime = {
  runtime: SandboxRuntime;
  connection: SandboxRuntimeConnection;
  stop: () => Promise<void>;
};

/** The sandbox instance runtime in-process, running the freshly built sample-app bundle. */
export async function startTestRuntime(
  options: Partial<Pick<RuntimeOptions, "maxApps" | "idleMs" | "watchMs" | "environment">> = {},
): Promise<TestRuntime> {
  const scratch = mkdtempSync(path.join(tmpdir(), "aws101-runtime-"));
  const instances = createInstanceEnvironment({ emulatorEndpoint: emulatorEndpoint() });
  const runtime = new SandboxRuntime({
    emulatorEndpoint: emulatorEndpoint(),
    region: REGION,
    appDirectory: unpackSampleApp(DEFAULT_BUNDLE_PATH, path.join(scratch, "app")),
    dataDirectory: path.join(scratch, "instances"),
    maxApps: 10,
    idleMs: 600_000,
    watchMs: 500,
    environment: instances.environment,
    log: () => {},
    ...options,
  });
  runtime.start();
  const token = randomBytes(24).toString("hex");
  const control = await startControlServer(runtime, { port: 0, token });
  return {
    runtime,
    connection: { url: control.url, token },
    stop: async () => {
      await Promise.all([runtime.stop(), control.close()]);
      await instances.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export async function labDatabase(): Promise<PortalDb> {
  return testDatabase();
}

export function labRuntime(
  db: PortalDb,
  sandboxRuntime?: SandboxRuntimeConnection,
): RunnerEnvironment {
  return {
    db,
    sandboxEndpoint: emulatorEndpoint(),
    sandboxRuntime,
    cacheMs: 60_000,
    makeProbe: ({ sandbox }) => createAppProbe({ sandbox, timeoutMs: 2000 }),
    makeHealthReader: ({ sandbox }) => createHealthReader({ sandbox, timeoutMs: 2000 }),
    userData: SAMPLE_APP_USER_DATA,
  };
}

export async function attendeeIn(db: PortalDb) {
  const event = await createEvent(db, {
    name: "Test",
    joinCode: `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    region: REGION,
    endsAt: new Date(Date.now() + 3_600_000),
    createdBy: null,
  });
  const attendee = await createAttendee(db, {
    eventId: event.id,
    displayName: "Tester",
    email: null,
  });
  return { event, attendee };
}

/** An attendee with a sandbox account, and SDK clients into that account to act as the console. */
export async function sandboxAttendee(db: PortalDb, clientIp = "127.0.0.1") {
  const { event, attendee } = await attendeeIn(db);
  const { accountId } = await connectSandbox(db, {
    attendeeId: attendee.id,
    endpoint: emulatorEndpoint(),
    region: REGION,
  });
  const ref: AttendeeRef = { attendeeId: attendee.id, eventId: event.id, clientIp };
  const { aws: byHand } = await sandboxClients(accountId);
  return { ref, attendee, event, accountId, byHand };
}

/** A bare instance named Web in the account's first subnet, as a hurried attendee would launch it. */
export async function launchBareWeb(aws: AwsClients, name = "Web") {
  const subnets = await aws.ec2().send(new DescribeSubnetsCommand({}));
  await aws.ec2().send(
    new RunInstancesCommand({
      ImageId: await latestAl2023ImageId(aws),
      InstanceType: "t3.micro",
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnets.Subnets?.[0]?.SubnetId,
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: name }] }],
    }),
  );
}

/**
 * An attendee of an event whose class zone lives in the sandbox's instructor account (prepared
 * when the first attendee connects), with initials chosen; `classmate` joins the same event.
 */
export async function appServicesAttendee(db: PortalDb, initials = "ab", clientIp = "127.0.0.1") {
  const first = await sandboxAttendee(db, clientIp);
  await setAttendeeInitials(db, {
    attendeeId: first.attendee.id,
    eventId: first.event.id,
    initials,
    email: `${initials}@example.com`,
  });
  const event = await findEventById(db, first.event.id);
  if (!event?.shared_zone_id || !event.instructor_account_id || !event.shared_domain) {
    throw new Error("the sandbox class zone was not prepared");
  }
  const zone = {
    domain: event.shared_domain,
    zoneId: event.shared_zone_id,
    instructorAccountId: event.instructor_account_id,
    roleName: event.crossaccount_role ?? "",
  };
  const { aws: instructor } = await sandboxClients(zone.instructorAccountId);
  return {
    ...first,
    zone,
    /** The instructor's own console: the class zone and its role, as the instructor sees them. */
    instructor,
    classmate: async (classmateInitials: string) => {
      const attendee = await createAttendee(db, {
        eventId: first.event.id,
        displayName: `Classmate ${classmateInitials}`,
        email: null,
      });
      const { accountId } = await connectSandbox(db, {
        attendeeId: attendee.id,
        endpoint: emulatorEndpoint(),
        region: REGION,
      });
      await setAttendeeInitials(db, {
        attendeeId: attendee.id,
        eventId: first.event.id,
        initials: classmateInitials,
        email: `${classmateInitials}@example.com`,
      });
      const ref: AttendeeRef = { attendeeId: attendee.id, eventId: first.event.id, clientIp };
      const { aws: byHand } = await sandboxClients(accountId);
      return { ref, attendee, accountId, byHand };
    },
  };
}

/**
 * A file's portal database and sandbox instance runtime, opened before its tests and closed after:
 * read `lab.db` and `lab.runtime` inside tests.
 */
export function sandboxLabPerFile() {
  const lab = {} as { db: PortalDb; sandbox: TestRuntime; runtime: RunnerEnvironment };
  beforeAll(async () => {
    lab.db = await labDatabase();
    lab.sandbox = await startTestRuntime();
    lab.runtime = labRuntime(lab.db, lab.sandbox.connection);
  });
  afterAll(async () => {
    await lab.sandbox.stop();
    await lab.db.destroy();
  });
  return lab;
}
