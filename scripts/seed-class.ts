// A class of made-up attendees with progress, for the instructor grid at size (screenshots, the
// grid's update delay). Started like seed.ts, with `tsx --conditions=react-server`:
//   seed-class.ts --event JOINCODE --attendees 300        adds the class, prints {"attendees":N}
//   seed-class.ts --event JOINCODE --pass NAME            passes NAME's next step, prints {"writtenAt":…}
// The attendees never sign in; their credentials rows hold a sealed placeholder, never a key.
import { parseArgs } from "node:util";
import { seal } from "@/lib/crypto";
import { openDatabase } from "@/lib/db/connection";
import { requestHelp } from "@/lib/db/console";
import {
  createAttendee,
  findEventByJoinCode,
  listAttendees,
  listStepStatus,
  recordActivity,
  recordStepStatus,
  saveCredentials,
} from "@/lib/db/queries";
import { gridSteps } from "@/lib/instructor/load";

const { values } = parseArgs({
  options: {
    event: { type: "string" },
    attendees: { type: "string" },
    pass: { type: "string" },
  },
});

const database = await openDatabase(process.env.DATABASE_URL ?? "file:./data/portal.db");
const event = values.event ? await findEventByJoinCode(database, values.event) : undefined;
if (!event) throw new Error("--event must name an event's join code");
const steps = await gridSteps("ko", event);

// Deterministic, so two runs of the screenshots look alike.
let seed = 7;
const random = () => {
  seed = (seed * 48271) % 2147483647;
  return seed / 2147483647;
};

async function pass(attendeeId: string, step: (typeof steps)[number]) {
  await recordStepStatus(database, {
    attendeeId,
    moduleId: step.moduleId,
    stepId: step.stepId,
    state: "pass",
    itemsJson: "[]",
  });
}

if (values.pass) {
  const attendee = (await listAttendees(database, event.id)).find(
    (row) => row.display_name === values.pass,
  );
  if (!attendee) throw new Error(`no attendee ${values.pass}`);
  const passed = new Set(
    (await listStepStatus(database, attendee.id))
      .filter((row) => row.state === "pass")
      .map((row) => row.step_id),
  );
  const next = steps.find((step) => !passed.has(step.stepId));
  if (!next) throw new Error(`${values.pass} has passed every step`);
  await pass(attendee.id, next);
  console.log(JSON.stringify({ stepId: next.stepId, writtenAt: new Date().toISOString() }));
} else {
  const count = Number(values.attendees ?? 300);
  for (let i = 1; i <= count; i += 1) {
    const attendee = await createAttendee(database, {
      eventId: event.id,
      displayName: `Attendee ${String(i).padStart(3, "0")}`,
      email: null,
    });
    const reached = Math.floor(random() * Math.min(steps.length, 12));
    for (const step of steps.slice(0, reached)) await pass(attendee.id, step);
    const current = steps[reached];
    if (current && random() < 0.4) {
      await recordStepStatus(database, {
        attendeeId: attendee.id,
        moduleId: current.moduleId,
        stepId: current.stepId,
        state: "fail",
        itemsJson: JSON.stringify([{ id: "seeded-item", status: "fail" }]),
      });
      const checks = random() < 0.3 ? 3 : 1;
      for (let c = 0; c < checks; c += 1) {
        await recordActivity(database, {
          attendeeId: attendee.id,
          stepId: current.stepId,
          kind: "check",
          outcome: "fail",
        });
      }
    }
    if (current && random() < 0.05) {
      await requestHelp(database, {
        eventId: event.id,
        attendeeId: attendee.id,
        stepId: current.stepId,
      });
    }
    if (random() < 0.9) {
      await saveCredentials(database, {
        attendeeId: attendee.id,
        source: random() < 0.8 ? "sandbox" : "own",
        accountId: "300000000000",
        principalArn: "arn:aws:iam::300000000000:user/seeded",
        region: event.region,
        sealed: seal("{}", `seeded:${attendee.id}`),
        expiresAt: new Date(Date.now() + (random() < 0.05 ? -1 : 8) * 3_600_000),
      });
    }
  }
  console.log(JSON.stringify({ attendees: count }));
}
await database.destroy();
