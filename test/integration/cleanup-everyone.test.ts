import { describe, expect, it, onTestFinished, vi } from "vitest";
import { createCleanupRun, latestCleanupRun, recordCleanupOf } from "@/lib/db/cleanup-runs";
import { createAttendee, createInstructor } from "@/lib/db/queries";
import { parseReport, type CleanupEveryoneSettings } from "@/lib/lab/cleanup-everyone";
import { cleanupReportCsv } from "@/lib/lab/cleanup-report";
import { applyStep } from "@/lib/lab/runner";
import { dropNamespace } from "@/lib/sandbox/database";
import { translator } from "@/messages";
import { appServicesAttendee, sandboxLabPerFile } from "./lab-harness";

const lab = sandboxLabPerFile();

const quick: CleanupEveryoneSettings = { concurrency: 2, rounds: 2, pauseMs: 0 };

/** A fresh process: the module's per-process state (what it drives, whether it resumed) is gone. */
async function restartedPortal() {
  delete (globalThis as { __aws101CleanupRuns?: unknown }).__aws101CleanupRuns;
  vi.resetModules();
  return import("@/lib/lab/cleanup-everyone");
}

describe("the instructor cleans up everyone", () => {
  it("works through every attendee in the background, carries on after a restart, and reports each", async () => {
    const db = lab.db;
    const runtime = lab.runtime;
    const yun = await appServicesAttendee(db, "yun");
    onTestFinished(() => dropNamespace(yun.accountId));
    const classmate = await yun.classmate("han");
    onTestFinished(() => dropNamespace(classmate.accountId));
    const instructor = await createInstructor(db, {
      email: `cleanup-${yun.event.id}@example.com`,
      displayName: "Instructor",
      passwordHash: "x",
    });
    await db
      .updateTable("events")
      .set({ created_by: instructor.id })
      .where("id", "=", yun.event.id)
      .execute();
    for (const step of ["ec2-launch", "elastic-ip", "s3-bucket", "route53-record"]) {
      expect((await applyStep(runtime, yun.ref, step)).problem, step).toBeUndefined();
    }
    for (const step of ["ec2-launch", "elastic-ip", "route53-record"]) {
      expect((await applyStep(runtime, classmate.ref, step)).problem, step).toBeUndefined();
    }
    // Joined, never connected an account (or their credentials expired).
    await createAttendee(db, {
      eventId: yun.event.id,
      displayName: "=HYPERLINK(1)",
      email: null,
    });

    const runId = await createCleanupRun(db, {
      eventId: yun.event.id,
      instructorId: instructor.id,
    });
    // The portal died while working on the first attendee: the row says running, nothing drives it.
    await recordCleanupOf(db, { runId, attendeeId: yun.attendee.id, state: "running" });

    const first = await restartedPortal();
    const resumed = await first.resumeCleanupRuns(runtime, quick);
    expect(resumed).toHaveLength(1);
    expect(await first.resumeCleanupRuns(runtime, quick)).toEqual([]);
    await Promise.all(resumed);

    const report = await latestCleanupRun(db, {
      eventId: yun.event.id,
      instructorId: instructor.id,
    });
    expect(report?.run.state).toBe("finished");
    const byName = Object.fromEntries(
      (report?.attendees ?? []).map((row) => [row.display_name, row]),
    );
    expect(byName["=HYPERLINK(1)"]?.state).toBe("credentials-expired");
    const mine = byName.Tester;
    const theirs = byName["Classmate han"];
    expect(mine?.state).toBe("clean");
    expect(theirs?.state).toBe("clean");
    const kinds = (json: string | undefined) =>
      parseReport(json ?? "[]").map(
        (line) => `${line.outcome} ${line.message.key.split(".").pop()}`,
      );
    const labOf = (...extra: string[]) =>
      ["zone-records", "address", "instance", "key-pair", "security-group", ...extra].map(
        (kind) => `deleted ${kind}`,
      );
    expect(kinds(mine?.report_json)).toEqual(labOf("bucket"));
    expect(kinds(theirs?.report_json)).toEqual(labOf());
    expect(mine?.left_over).toBe(0);
    console.log(
      `clean up everyone: ${report?.attendees.length} attendees, deleted ${mine?.deleted} and ${theirs?.deleted}`,
    );

    const another = await createInstructor(db, {
      email: `other-${yun.event.id}@example.com`,
      displayName: "Other",
      passwordHash: "x",
    });
    expect(
      await latestCleanupRun(db, { eventId: yun.event.id, instructorId: another.id }),
    ).toBeUndefined();

    const csv = cleanupReportCsv(report?.attendees ?? [], translator("en"));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Attendee,Result,Deleted,Left,Detail,What to do");
    expect(lines).toContain("'=HYPERLINK(1),Credentials expired (or none),0,0,,");
    expect(lines.filter((line) => line.startsWith("Tester,Nothing left,"))).toHaveLength(
      mine?.deleted ?? -1,
    );
    expect(csv).toContain(
      `deleted: Deleted your records yun.${yun.zone.domain} (A) in the class zone.`,
    );

    // Run again: nothing left to delete, every attendee still clean.
    const again = await createCleanupRun(db, {
      eventId: yun.event.id,
      instructorId: instructor.id,
    });
    await first.driveCleanupRun(runtime, { id: again, eventId: yun.event.id }, quick);
    const second = await latestCleanupRun(db, {
      eventId: yun.event.id,
      instructorId: instructor.id,
    });
    expect(second?.run.id).toBe(again);
    expect(second?.attendees.map((row) => row.state).sort()).toEqual([
      "clean",
      "clean",
      "credentials-expired",
    ]);
  }, 240_000);
});
