// Portal admin CLI: creates (or resets) an instructor and an event. Runs outside Next, so it is
// started with `tsx --conditions=react-server` to satisfy the server-only guards of lib/.
// An event is created for --event-name or --join-code; without --join-code it gets a generated one.
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/crypto";
import { openDatabase } from "@/lib/db/connection";
import {
  createEvent,
  createInstructor,
  findEventByJoinCode,
  findInstructorByEmail,
  setEventEnd,
  setEventSharedZone,
  updateInstructorPassword,
} from "@/lib/db/queries";
import { generateJoinCode } from "@/lib/join-code";
import { APP_SERVICES } from "@/lib/lab/app-services";
import { isAwsRegion } from "@/lib/regions";

const { values } = parseArgs({
  options: {
    "instructor-email": { type: "string" },
    "instructor-password": { type: "string" },
    "instructor-name": { type: "string", default: "Instructor" },
    "event-name": { type: "string" },
    "join-code": { type: "string" },
    region: { type: "string", default: "ap-northeast-2" },
    hours: { type: "string", default: "10" },
    // Module 4's class zone in the instructor's account (on real AWS; the sandbox makes its own).
    domain: { type: "string" },
    "zone-id": { type: "string" },
    "instructor-account": { type: "string" },
    "crossaccount-role": { type: "string", default: APP_SERVICES.crossAccountRole },
    json: { type: "boolean", default: false },
  },
});

function classZoneFromFlags() {
  const { domain, "zone-id": zoneId, "instructor-account": account } = values;
  if (domain === undefined && zoneId === undefined && account === undefined) return undefined;
  if (!domain || !/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(domain))
    throw new Error("--domain must be a domain name such as saltware.io");
  if (!zoneId || !/^Z[A-Z0-9]{4,32}$/.test(zoneId))
    throw new Error("--zone-id must be the hosted zone's id (Z…)");
  if (!account || !/^\d{12}$/.test(account))
    throw new Error("--instructor-account must be a 12-digit AWS account id");
  const roleName = values["crossaccount-role"];
  if (!/^[\w+=,.@-]{1,64}$/.test(roleName))
    throw new Error("--crossaccount-role is not a role name");
  return { domain, zoneId, instructorAccountId: account, roleName };
}

const database = await openDatabase(process.env.DATABASE_URL ?? "file:./data/portal.db");
const report: Record<string, string> = {};

const email = values["instructor-email"];
const password = values["instructor-password"];
let instructorId: string | null = null;
if (email) {
  if (!password || password.length < 8)
    throw new Error("--instructor-password must be at least 8 characters");
  const passwordHash = await hashPassword(password);
  const existing = await findInstructorByEmail(database, email);
  if (existing) {
    await updateInstructorPassword(database, email, passwordHash);
    instructorId = existing.id;
  } else {
    instructorId = (
      await createInstructor(database, {
        email,
        displayName: values["instructor-name"],
        passwordHash,
      })
    ).id;
  }
  report.instructorEmail = email;
}

if (values["join-code"] !== undefined || values["event-name"] !== undefined) {
  const joinCode = values["join-code"] ?? generateJoinCode();
  if (!/^[A-Za-z0-9]{4,16}$/.test(joinCode))
    throw new Error("--join-code must be 4-16 letters and digits");
  if (!isAwsRegion(values.region)) throw new Error(`unknown region ${values.region}`);
  const endsAt = new Date(Date.now() + Number(values.hours) * 60 * 60 * 1000);
  const existing = await findEventByJoinCode(database, joinCode);
  if (existing) await setEventEnd(database, existing.id, endsAt);
  const event =
    existing ??
    (await createEvent(database, {
      name: values["event-name"] ?? "AWS 101",
      joinCode,
      region: values.region,
      endsAt,
      createdBy: instructorId,
    }));
  report.eventId = event.id;
  report.joinCode = event.join_code;
  const zone = classZoneFromFlags();
  if (zone) {
    await setEventSharedZone(database, event.id, zone);
    report.domain = zone.domain;
  }
}

await database.destroy();
console.log(
  values.json
    ? JSON.stringify(report)
    : Object.entries(report)
        .map(([key, value]) => `${key}: ${value}`)
        .join("\n"),
);
