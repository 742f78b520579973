// Instructor accounts from the command line (started with `tsx --conditions=react-server`, like seed.ts):
//   add    --email E --name N [--password P] [--event JOINCODE]   creates (or re-passwords) and adds to an event
//   remove --email E [--event JOINCODE]                            from one event, or the account altogether
//   list                                                           every instructor and their events
// Without --password a password is generated and printed once; it is stored only as a hash.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/crypto";
import { openDatabase } from "@/lib/db/connection";
import {
  addEventInstructor,
  deleteInstructor,
  listInstructorsWithEvents,
  removeEventInstructor,
} from "@/lib/db/console";
import {
  createInstructor,
  findEventByJoinCode,
  findInstructorByEmail,
  updateInstructorPassword,
} from "@/lib/db/queries";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    event: { type: "string" },
  },
});

const [command] = positionals;
const database = await openDatabase(process.env.DATABASE_URL ?? "file:./data/portal.db");

async function eventOf(joinCode: string | undefined) {
  if (joinCode === undefined) return undefined;
  const event = await findEventByJoinCode(database, joinCode);
  if (!event) throw new Error(`no event with join code ${joinCode}`);
  return event;
}

function requireEmail(): string {
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error("--email is required");
  return email;
}

try {
  if (command === "add") {
    const email = requireEmail();
    const password = values.password ?? randomBytes(12).toString("base64url");
    if (password.length < 8) throw new Error("--password must be at least 8 characters");
    const event = await eventOf(values.event);
    const passwordHash = await hashPassword(password);
    const existing = await findInstructorByEmail(database, email);
    if (existing) await updateInstructorPassword(database, email, passwordHash);
    const instructor =
      existing ??
      (await createInstructor(database, {
        email,
        displayName: values.name ?? email.split("@")[0] ?? email,
        passwordHash,
      }));
    if (event) {
      await addEventInstructor(database, {
        eventId: event.id,
        instructorId: instructor.id,
        role: "co",
      });
    }
    console.log(
      `${existing ? "updated" : "added"} ${email}${event ? ` to ${event.join_code}` : ""}`,
    );
    if (!values.password) console.log(`password: ${password}`);
  } else if (command === "remove") {
    const email = requireEmail();
    const instructor = await findInstructorByEmail(database, email);
    if (!instructor) throw new Error(`no instructor ${email}`);
    const event = await eventOf(values.event);
    if (event) {
      if (!(await removeEventInstructor(database, event.id, instructor.id)))
        throw new Error(`${email} is not a co-instructor of ${event.join_code} (owners stay)`);
      console.log(`removed ${email} from ${event.join_code}`);
    } else {
      await deleteInstructor(database, instructor.id);
      console.log(`deleted ${email}`);
    }
  } else if (command === "list") {
    for (const row of await listInstructorsWithEvents(database)) {
      const event = row.join_code ? `\t${row.join_code}\t${row.role}\t${row.event_name}` : "";
      console.log(`${row.email}\t${row.display_name}${event}`);
    }
  } else {
    throw new Error(
      "usage: instructors.ts add|remove|list [--email E] [--name N] [--password P] [--event JOINCODE]",
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.destroy();
}
