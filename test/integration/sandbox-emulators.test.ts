import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAwsClients } from "@/lib/aws/client";
import { assumeSandboxAccount } from "@/lib/aws/identity";
import { connectSandbox, resolveCredentials, sandboxAccountId } from "@/lib/credentials";
import type { PortalDb } from "@/lib/db/connection";
import { createAttendee, findEventById, setAttendeeInitials } from "@/lib/db/queries";
import { factReader } from "@/lib/lab/facts";
import { moduleStatus } from "@/lib/lab/runner";
import { sandboxEndpointFor } from "@/lib/sandbox/accounts";
import { startEmulator } from "../../scripts/lib/emulator.mjs";
import { REGION, emulatorEndpoint } from "./emulator";
import { attendeeIn, labDatabase, labRuntime, launchBareWeb } from "./lab-harness";

const clientsAt = async (endpoint: string, accountId: string) =>
  createAwsClients({
    credentials: await assumeSandboxAccount({
      endpoint,
      region: REGION,
      accountId,
      sessionName: "vitest",
      durationSeconds: 3600,
    }),
    region: REGION,
    endpoint,
  });

const instancesIn = async (endpoint: string, accountId: string) => {
  const aws = await clientsAt(endpoint, accountId);
  const answer = await aws.ec2().send(new DescribeInstancesCommand({}));
  return (answer.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []).length;
};

describe("the sandbox over two emulator processes", () => {
  let db: PortalDb;
  let second: { endpoint: string; stop: () => Promise<void> };
  beforeAll(async () => {
    db = await labDatabase();
    second = await startEmulator();
  });
  afterAll(async () => {
    await db.destroy();
    await second.stop();
  });

  it("keeps each account on its own process, and the lab (class zone included) works on both", async () => {
    const endpoints = `${emulatorEndpoint()},${second.endpoint}`;
    const runtime = { ...labRuntime(db), sandboxEndpoint: endpoints };
    const { event, attendee: first } = await attendeeIn(db);
    const attendees = [first];
    // Attendees join until the class has an account on each process.
    while (
      new Set(attendees.map((one) => sandboxEndpointFor(endpoints, sandboxAccountId(one.id))))
        .size < 2
    ) {
      attendees.push(
        await createAttendee(db, { eventId: event.id, displayName: "Tester", email: null }),
      );
    }
    const onFirst = attendees.find(
      (one) => sandboxEndpointFor(endpoints, sandboxAccountId(one.id)) === emulatorEndpoint(),
    );
    const onSecond = attendees.find(
      (one) => sandboxEndpointFor(endpoints, sandboxAccountId(one.id)) === second.endpoint,
    );
    if (!onFirst || !onSecond) throw new Error("no attendee on one of the processes");

    const pair = [
      { attendee: onFirst, endpoint: emulatorEndpoint(), other: second.endpoint, web: true },
      { attendee: onSecond, endpoint: second.endpoint, other: emulatorEndpoint(), web: false },
    ];
    for (const [index, one] of pair.entries()) {
      const { accountId } = await connectSandbox(db, {
        attendeeId: one.attendee.id,
        endpoint: endpoints,
        region: REGION,
      });
      const resolved = await resolveCredentials(db, one.attendee.id, endpoints);
      expect(resolved?.target.endpoint).toBe(one.endpoint);
      if (one.web) await launchBareWeb(await clientsAt(one.endpoint, accountId));
      expect(await instancesIn(one.endpoint, accountId)).toBe(one.web ? 1 : 0);
      expect(await instancesIn(one.other, accountId)).toBe(0);

      const ref = { attendeeId: one.attendee.id, eventId: event.id, clientIp: "127.0.0.1" };
      const status = await moduleStatus(runtime, ref, "compute", { fresh: true });
      expect(status?.problem).toBeUndefined();
      // Four kinds plus one look elsewhere without Web; six with it: read where Web was made.
      expect(status?.awsCalls).toBe(one.web ? 6 : 5);

      const initials = `em${index}`;
      await setAttendeeInitials(db, {
        attendeeId: one.attendee.id,
        eventId: event.id,
        initials,
        email: null,
      });
      const zoneEvent = await findEventById(db, event.id);
      if (!zoneEvent?.shared_zone_id || !zoneEvent.instructor_account_id) {
        throw new Error("the sandbox class zone was not prepared");
      }
      const facts = factReader(await clientsAt(one.endpoint, accountId), `${ref.attendeeId}|em`, {
        accountId,
        principalArn: resolved?.principalArn,
        sharedZone: {
          domain: zoneEvent.shared_domain ?? "",
          zoneId: zoneEvent.shared_zone_id,
          instructorAccountId: zoneEvent.instructor_account_id,
          roleName: zoneEvent.crossaccount_role ?? "",
          sandboxEndpoints: endpoints,
        },
        initials,
      });
      expect((await facts.read("instructorAccess")).state).toBe("granted");
      expect(await facts.read("zoneRecords")).toMatchObject({ state: "read", records: [] });
    }
  });
});
