import { createServer, type Server } from "node:http";
import { DescribeSubnetsCommand, RunInstancesCommand } from "@aws-sdk/client-ec2";
import type { AwsClients } from "@/lib/aws/client";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import { connectSandbox } from "@/lib/credentials";
import { openDatabase, type PortalDb } from "@/lib/db/connection";
import { createAttendee, createEvent } from "@/lib/db/queries";
import { createAppProbe } from "@/lib/lab/probe";
import type { AttendeeRef, RunnerEnvironment } from "@/lib/lab/runner";
import { REGION, emulatorEndpoint, sandboxClients } from "./emulator";

export const SAMPLE_APP_USER_DATA =
  "#!/bin/bash\ncurl -fsSL http://127.0.0.1:3000/downloads/sample-app/1.0.0.tgz -o /tmp/app.tgz\n";

/** A stand-in for the sandbox's sample app: answers with the lab's heading. */
export async function startFakeSampleApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) =>
    response.end("<h1>Welcome to Saltware</h1>"),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function labDatabase(): Promise<PortalDb> {
  return openDatabase("file::memory:");
}

export function labRuntime(db: PortalDb, sandboxAppUrl?: string): RunnerEnvironment {
  return {
    db,
    sandboxEndpoint: emulatorEndpoint(),
    sandboxAppUrl,
    cacheMs: 60_000,
    makeProbe: ({ sandbox }) => createAppProbe({ sandbox, timeoutMs: 2000 }),
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
export async function launchBareWeb(aws: AwsClients) {
  const subnets = await aws.ec2().send(new DescribeSubnetsCommand({}));
  await aws.ec2().send(
    new RunInstancesCommand({
      ImageId: await latestAl2023ImageId(aws),
      InstanceType: "t3.micro",
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnets.Subnets?.[0]?.SubnetId,
      TagSpecifications: [{ ResourceType: "instance", Tags: [{ Key: "Name", Value: "Web" }] }],
    }),
  );
}
