import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { latestAl2023ImageId } from "@/lib/aws/ec2";
import type { PortalDb } from "@/lib/db/connection";
import { invalidateClassZone } from "@/lib/lab/class-zone";
import { labCatalogue } from "@/lib/lab/catalogue";
import { LAB } from "@/lib/lab/names";
import {
  applyStep,
  checkStep,
  moduleStatus,
  planStep,
  type RunnerEnvironment,
} from "@/lib/lab/runner";
import { TERMINATION_WAIT } from "@/lib/lab/steps/cleanup";
import type { LabStep } from "@/lib/lab/types";
import { dropNamespace } from "@/lib/sandbox/database";
import { installRealism } from "./aws-layers";
import {
  appServicesAttendee,
  labDatabase,
  labRuntime,
  sandboxAttendee,
  startTestRuntime,
  type TestRuntime,
} from "./lab-harness";

/** What do it for me leaves in the sandbox where the emulator can't show the end (as in e2e). */
const settled: Record<string, RegExp> = {
  "rds-failover": /^unobservable$/,
  "health-check": /^unobservable$/,
  "failover-routing": /^unobservable$/,
  "maintenance-page": /^(pass|unobservable)$/,
};

const SETTLE_MS = 60_000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

let db: PortalDb;
let sandbox: TestRuntime;
let runtime: RunnerEnvironment;
let realism: ReturnType<typeof installRealism>;
/** Another AWS customer owns the first lab bucket name do it for me picks. */
const takenByOthers = new Set<string>();

beforeAll(async () => {
  // Before any client exists: the layer reaches the clients made after it is installed.
  realism = installRealism({
    // Longer than a launch or a create takes on a busy machine, so the walk's first check after
    // do it for me always meets the instance pending and the database creating, and clean-up's
    // check after its first run still meets the database deleting, its group waiting on it.
    timings: { instancePendingMs: 15_000, rdsCreatingMs: 12_000, rdsDeletingMs: 20_000 },
    bucketTaken: (name) => {
      if (takenByOthers.size === 0 && name.startsWith(LAB.bucketPrefix)) takenByOthers.add(name);
      return takenByOthers.has(name);
    },
  });
  db = await labDatabase();
  sandbox = await startTestRuntime();
  runtime = labRuntime(db, sandbox.connection);
});

afterAll(async () => {
  realism?.uninstall();
  await sandbox?.stop();
  await db?.destroy();
});

type Walked = { step: string; applies: number; seen: string[]; progress: boolean };

describe("the lab on the emulator with AWS's timing (the realism layer)", () => {
  it("every module's do it for me, the status panels and the clean-up still finish", async () => {
    const lab = await appServicesAttendee(db, "rl");
    const ref = lab.ref;
    try {
      /**
       * As an attendee does: do it for me while the plan has something to do, Check again while
       * the step says to wait. Any problem shown to the attendee fails the walk.
       */
      async function finish(step: LabStep): Promise<Walked> {
        const walked: Walked = { step: step.id, applies: 0, seen: [], progress: false };
        const deadline = Date.now() + SETTLE_MS;
        for (;;) {
          const plan = await planStep(runtime, ref, step.id);
          expect(plan.problem, `${step.id} plan`).toBeUndefined();
          if (plan.entries.some((entry) => entry.run)) {
            const outcome = await applyStep(runtime, ref, step.id);
            walked.applies += 1;
            expect(outcome.problem, `${step.id} do it for me`).toBeUndefined();
          }
          const check = await checkStep(runtime, ref, step.id);
          expect(check?.problem, `${step.id} check`).toBeUndefined();
          const state = check?.result?.state ?? "none";
          if (check?.result?.items.some((item) => item.progress)) walked.progress = true;
          if (walked.seen.at(-1) !== state) walked.seen.push(state);
          if ((settled[step.id] ?? /^pass$/).test(state)) return walked;
          if (Date.now() > deadline) {
            throw new Error(
              `${step.id} stayed ${state}: ${JSON.stringify(check?.result?.items.map((item) => [item.id, item.status, item.message.key]))}`,
            );
          }
          await sleep(1_000);
        }
      }

      const catalogue = await labCatalogue();
      const walks: Walked[] = [];
      for (const { moduleId, steps } of catalogue) {
        if (moduleId === "cleanup") continue;
        for (const step of steps) walks.push(await finish(step));
        // The panel refreshes itself as the page does: what a busy machine shows for a moment
        // (an app just restarted by the module's last step) settles, or the walk fails with it.
        await expect
          .poll(
            async () => {
              if (lab.zone) invalidateClassZone(lab.zone.zoneId);
              const panel = await moduleStatus(runtime, ref, moduleId, { fresh: true });
              return [
                panel?.problem?.code ?? "no problem",
                ...(panel?.steps ?? [])
                  .filter((step) => !(settled[step.stepId] ?? /^pass$/).test(step.state))
                  .map((step) => ({
                    step: step.stepId,
                    state: step.state,
                    items: step.items.map((item) => [item.id, item.status, item.message.key]),
                  })),
              ];
            },
            { message: `${moduleId} panel`, timeout: SETTLE_MS, interval: 1_000 },
          )
          .toEqual(["no problem"]);
      }
      const cleanup = catalogue.find((entry) => entry.moduleId === "cleanup")?.steps[0];
      if (!cleanup) throw new Error("no clean-up step");
      walks.push(await finish(cleanup));
      console.log(
        "realism walk:",
        walks.map((walk) => `${walk.step} ×${walk.applies} ${walk.seen.join("→")}`).join("; "),
        JSON.stringify(realism.counts),
      );

      const walk = (id: string) => walks.find((candidate) => candidate.step === id);
      expect(walk("ec2-launch")?.seen).toEqual(["pending", "pass"]);
      expect(walk("rds-create")).toMatchObject({ seen: ["pending", "pass"], progress: true });
      // The database is still deleting after the first run: its group waits for the next.
      expect(walk("cleanup")).toMatchObject({ seen: ["pending", "pass"], progress: true });
      // The layer bit where the walk goes: a walk it never touched proves nothing. Plans wait for
      // running instances and available databases, and clean-up waits for termination, so the
      // refusals for those are met only by an attendee's own hurried clicks (below).
      const untouched = ["busyDatabaseRefusals", "dependencyViolations", "pendingInstanceRefusals"];
      for (const [name, count] of Object.entries(realism.counts)) {
        if (!untouched.includes(name)) expect(count, name).toBeGreaterThan(0);
      }
      expect(realism.counts.takenBucketNames).toBe(1);
    } finally {
      await dropNamespace(lab.accountId);
    }
  }, 600_000);

  it("refuses what AWS refuses while an instance is pending or shutting down", async () => {
    const { byHand } = await sandboxAttendee(db);
    const ec2 = byHand.ec2();
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: "realism-sg", Description: "realism" }),
    );
    const launched = await ec2.send(
      new RunInstancesCommand({
        ImageId: await latestAl2023ImageId(byHand),
        InstanceType: "t3.micro",
        MinCount: 1,
        MaxCount: 1,
        SecurityGroupIds: [group.GroupId!],
      }),
    );
    const instanceId = launched.Instances?.[0]?.InstanceId ?? "";
    const address = await ec2.send(new AllocateAddressCommand({ Domain: "vpc" }));
    await expect(
      ec2.send(
        new AssociateAddressCommand({ AllocationId: address.AllocationId, InstanceId: instanceId }),
      ),
    ).rejects.toMatchObject({ name: "IncorrectInstanceState" });
    const deleteGroup = () => ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId }));
    await expect(deleteGroup()).rejects.toMatchObject({ name: "DependencyViolation" });
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }));
    const state = async () =>
      (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })))
        .Reservations?.[0]?.Instances?.[0]?.State?.Name;
    expect(await state()).toBe("shutting-down");
    await expect(deleteGroup()).rejects.toMatchObject({ name: "DependencyViolation" });
    await sleep(realism.timings.instanceShuttingDownMs);
    expect(await state()).toBe("terminated");
    await deleteGroup();
  });

  it("a hurried attendee: do it for me while Web is pending or the database is creating waits, never fails", async () => {
    const { ref, accountId } = await sandboxAttendee(db);
    const refusals = () =>
      realism.counts.busyDatabaseRefusals + realism.counts.pendingInstanceRefusals;
    const before = refusals();
    try {
      expect((await applyStep(runtime, ref, "ec2-launch")).problem).toBeUndefined();
      const early = await applyStep(runtime, ref, "elastic-ip");
      expect(early).toMatchObject({ done: [] });
      expect(early.problem).toBeUndefined();
      expect((await planStep(runtime, ref, "elastic-ip")).entries.map((e) => e.kind)).toEqual([
        "blocked",
      ]);
      // The check right after the apply (the page shows it) and a second click see the new Web.
      expect((await checkStep(runtime, ref, "ec2-launch"))?.result?.state).toBe("pending");
      expect((await applyStep(runtime, ref, "ec2-launch")).done).toEqual([]);
      expect((await applyStep(runtime, ref, "rds-create")).problem).toBeUndefined();
      const failover = await applyStep(runtime, ref, "rds-failover");
      expect(failover.problem).toBeUndefined();
      expect(failover.done).toEqual([]);
      expect(refusals()).toBe(before);

      await sleep(realism.timings.instancePendingMs);
      expect((await applyStep(runtime, ref, "elastic-ip")).problem).toBeUndefined();
      expect((await checkStep(runtime, ref, "elastic-ip"))?.result?.state).toBe("pass");
    } finally {
      await dropNamespace(accountId);
    }
  });

  it("clean-up while an instance takes longer to terminate than clean-up waits: pending, then a re-run finishes", async () => {
    const lab = await appServicesAttendee(db, "rt");
    const wait = { ...TERMINATION_WAIT };
    Object.assign(TERMINATION_WAIT, { totalMs: 1_000, pollMs: 500 });
    try {
      expect((await applyStep(runtime, lab.ref, "ec2-launch")).problem).toBeUndefined();
      await sleep(realism.timings.instancePendingMs);
      const first = await applyStep(runtime, lab.ref, "cleanup");
      expect(first.problem).toBeUndefined();
      const during = await checkStep(runtime, lab.ref, "cleanup");
      expect(during?.result?.state).toBe("pending");
      const statuses = Object.fromEntries(
        (during?.result?.items ?? []).map((item) => [item.id.split("|")[0], item.status]),
      );
      expect(statuses).toMatchObject({ instance: "pending", "security-group": "pending" });
      await sleep(realism.timings.instanceShuttingDownMs);
      expect((await applyStep(runtime, lab.ref, "cleanup")).problem).toBeUndefined();
      expect((await checkStep(runtime, lab.ref, "cleanup"))?.result?.state).toBe("pass");
    } finally {
      Object.assign(TERMINATION_WAIT, wait);
      await dropNamespace(lab.accountId);
    }
  });

  it("can't be installed outside tests: production clients only ever talk to AWS as the SDK does", () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      expect(() => installRealism()).toThrow("client hooks are for tests only");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
