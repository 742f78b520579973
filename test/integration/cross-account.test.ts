import { ChangeResourceRecordSetsCommand } from "@aws-sdk/client-route-53";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateTrustPolicy } from "@/lib/aws/iam";
import type { PortalDb } from "@/lib/db/connection";
import { findAttendee, setAttendeeInitials } from "@/lib/db/queries";
import { AwsCallCounter, countingCalls } from "@/lib/aws/call-counter";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { factReader } from "@/lib/lab/facts";
import { appServicesAttendee, labDatabase } from "./lab-harness";

let db: PortalDb;

beforeAll(async () => {
  db = await labDatabase();
});

afterAll(async () => {
  await db.destroy();
});

describe("the sandbox class zone in the instructor's account", () => {
  it("is prepared when the first attendee connects, and the role trusts each attendee's account", async () => {
    const lab = await appServicesAttendee(db, "kim");
    const classmate = await lab.classmate("lee");
    expect(lab.zone.domain).toBe("aws101.example");
    expect(lab.zone.roleName).toBe("awslab_crossaccount_role");
    expect(lab.zone.instructorAccountId).not.toBe(lab.accountId);

    const { byHand, accountId } = lab;
    const facts = factReader(byHand, `${lab.ref.attendeeId}|cross`, {
      accountId,
      principalArn: `arn:aws:sts::${accountId}:assumed-role/aws101-attendee/vitest`,
      sharedZone: lab.zone,
      initials: "kim",
    });
    const access = await facts.read("instructorAccess");
    expect(access.state).toBe("granted");
    expect(await facts.read("zoneRecords")).toEqual({
      state: "read",
      name: "kim.aws101.example",
      records: [],
    });
    expect(classmate.accountId).not.toBe(accountId);
  });

  it("reads only the attendee's own name from the zone, through the role", async () => {
    const lab = await appServicesAttendee(db, "park");
    await lab.instructor.route53().send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: lab.zone.zoneId,
        ChangeBatch: {
          Changes: ["park", "parker", "pa"].map((label) => ({
            Action: "CREATE",
            ResourceRecordSet: {
              Name: `${label}.${lab.zone.domain}`,
              Type: "A",
              TTL: 30,
              ResourceRecords: [{ Value: "192.0.2.10" }],
            },
          })),
        },
      }),
    );
    const facts = factReader(lab.byHand, `${lab.ref.attendeeId}|names`, {
      accountId: lab.accountId,
      principalArn: `arn:aws:sts::${lab.accountId}:assumed-role/aws101-attendee/vitest`,
      sharedZone: lab.zone,
      initials: "park",
    });
    const records = await facts.read("zoneRecords");
    expect(records.state === "read" && records.records.map((record) => record.name)).toEqual([
      "park.aws101.example",
    ]);
  });

  it("refuses the switch when the role's trust policy doesn't name the attendee's account", async () => {
    const lab = await appServicesAttendee(db, "choi");
    await updateTrustPolicy(lab.instructor, lab.zone.roleName, {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${lab.zone.instructorAccountId}:root` },
          Action: "sts:AssumeRole",
        },
      ],
    });
    const facts = factReader(lab.byHand, `${lab.ref.attendeeId}|refused`, {
      accountId: lab.accountId,
      principalArn: `arn:aws:sts::${lab.accountId}:assumed-role/aws101-attendee/vitest`,
      sharedZone: lab.zone,
      initials: "choi",
    });
    expect(await facts.read("instructorAccess")).toMatchObject({
      state: "refused",
      reason: "trust",
    });
    expect(await facts.read("zoneRecords")).toEqual({ state: "unreadable", why: "no-access" });
  });

  it("reads the class zone once for the whole class, and again after a change through the portal", async () => {
    const lab = await appServicesAttendee(db, "yoon");
    const classmate = await lab.classmate("han");
    const readerOf = (
      byHand: typeof lab.byHand,
      accountId: string,
      initials: string,
      key: string,
    ) =>
      factReader(byHand, key, {
        accountId,
        principalArn: `arn:aws:sts::${accountId}:assumed-role/aws101-attendee/vitest`,
        sharedZone: lab.zone,
        initials,
      });
    const counter = new AwsCallCounter();
    await countingCalls(counter, () =>
      Promise.all([
        readerOf(lab.byHand, lab.accountId, "yoon", `${lab.ref.attendeeId}|a`).read("zoneRecords"),
        readerOf(
          classmate.byHand,
          classmate.accountId,
          "han",
          `${classmate.ref.attendeeId}|b`,
        ).read("zoneRecords"),
        readerOf(lab.byHand, lab.accountId, "yoon", `${lab.ref.attendeeId}|c`).read(
          "instructorHealthChecks",
        ),
      ]),
    );
    expect(counter.byOperation()["Route53:ListResourceRecordSets"]).toBe(1);
    expect(counter.byOperation()["Route53:ListHealthChecks"]).toBe(1);

    invalidateClassZone(lab.zone.zoneId);
    const after = new AwsCallCounter();
    await countingCalls(after, () =>
      readerOf(lab.byHand, lab.accountId, "yoon", `${lab.ref.attendeeId}|d`).read("zoneRecords"),
    );
    expect(after.byOperation()["Route53:ListResourceRecordSets"]).toBe(1);
  });
});

describe("initials in an event", () => {
  it("are unique in the event and chosen once", async () => {
    const lab = await appServicesAttendee(db, "oh");
    const classmate = await lab.classmate("seo");
    expect(
      await setAttendeeInitials(db, {
        attendeeId: classmate.attendee.id,
        eventId: lab.event.id,
        initials: "oh",
        email: null,
      }),
    ).toBe(false);
    expect(
      await setAttendeeInitials(db, {
        attendeeId: lab.attendee.id,
        eventId: lab.event.id,
        initials: "other",
        email: null,
      }),
    ).toBe(false);
    expect((await findAttendee(db, lab.attendee.id))?.initials).toBe("oh");
  });
});
