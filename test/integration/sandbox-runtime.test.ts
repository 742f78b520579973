import {
  AssociateIamInstanceProfileCommand,
  StartInstancesCommand,
  StopInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PortalDb } from "@/lib/db/connection";
import { factReader } from "@/lib/lab/facts";
import { applyStep, checkStep, type AttendeeRef } from "@/lib/lab/runner";
import { uploadAsSandboxInstance } from "@/lib/sandbox/client";
import {
  labDatabase,
  labRuntime,
  sandboxAttendee,
  startTestRuntime,
  type TestRuntime,
} from "./lab-harness";

let db: PortalDb;
beforeAll(async () => {
  db = await labDatabase();
});
afterAll(() => db.destroy());

/** The attendee's Web, launched and opened up by do-it-for-me. */
async function attendeeWithWeb(runtime: ReturnType<typeof labRuntime>) {
  const attendee = await sandboxAttendee(db);
  for (const step of ["ec2-launch", "web-app"]) {
    const outcome = await applyStep(runtime, attendee.ref, step);
    expect(outcome.problem).toBeUndefined();
  }
  const facts = await factReader(attendee.byHand, `web-${attendee.accountId}`).readAll([
    "instances",
  ]);
  const web = facts.instances.find((instance) => instance.name === "Web");
  if (!web) throw new Error("no Web");
  return { ...attendee, web, firstCheck: await appItem(runtime, attendee.ref) };
}

async function appItem(runtime: ReturnType<typeof labRuntime>, ref: AttendeeRef) {
  const outcome = await checkStep(runtime, ref, "web-app");
  return outcome?.result?.items.find((item) => item.id === "app");
}

describe("sandbox instance runtime", () => {
  let sandbox: TestRuntime;
  let runtime: ReturnType<typeof labRuntime>;
  beforeAll(async () => {
    sandbox = await startTestRuntime();
    runtime = labRuntime(db, sandbox.connection);
  });
  afterAll(() => sandbox.stop());

  it("runs each attendee's own app: A passes, B without Web does not, and B never reaches A's app", async () => {
    const a = await attendeeWithWeb(runtime);
    expect(a.firstCheck).toMatchObject({
      status: "pass",
      message: { key: "check.web.app.sandboxOk" },
    });
    const probesOfA = () =>
      sandbox.runtime
        .readLog(a.accountId, a.web.id)
        .split("\n")
        .filter((line) => line.startsWith("GET / ")).length;
    // The app writes its access log as it answers: A's own probe is there first.
    await expect.poll(probesOfA).toBe(1);

    const b = await sandboxAttendee(db);
    await applyStep(runtime, b.ref, "ec2-launch");
    const bWeb = (await factReader(b.byHand, `b-${b.accountId}`).readAll(["instances"]))
      .instances[0];
    await b.byHand.ec2().send(new StopInstancesCommand({ InstanceIds: [bWeb!.id] }));
    const bApp = (await checkStep(runtime, b.ref, "web-app"))?.result?.items.find(
      (item) => item.id === "app",
    );
    expect(bApp?.message.key).toBe("check.web.app.sandboxNotResponding");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(probesOfA()).toBe(1);
    expect(sandbox.runtime.list().map((app) => app.accountId)).toEqual([a.accountId]);
  });

  it("stopping Web stops its app, and the check says the app is not responding", async () => {
    const a = await attendeeWithWeb(runtime);
    expect(a.firstCheck?.status).toBe("pass");
    await a.byHand.ec2().send(new StopInstancesCommand({ InstanceIds: [a.web.id] }));
    await sandbox.runtime.sweep();
    expect(sandbox.runtime.list().find((app) => app.instanceId === a.web.id)).toBeUndefined();
    expect(await appItem(runtime, a.ref)).toEqual({
      id: "app",
      status: "fail",
      message: { key: "check.web.app.sandboxNotResponding", params: { state: "stopped" } },
      fix: { key: "fix.ec2.state" },
    });
    await a.byHand.ec2().send(new StartInstancesCommand({ InstanceIds: [a.web.id] }));
    expect((await appItem(runtime, a.ref))?.status).toBe("pass");
  });

  it("an app nobody asks about stops after its idle time", async () => {
    const idle = await startTestRuntime({ idleMs: 1 });
    try {
      const local = labRuntime(db, idle.connection);
      const a = await attendeeWithWeb(local);
      expect(idle.runtime.list()).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await idle.runtime.sweep();
      expect(idle.runtime.list()).toEqual([]);
      expect((await appItem(local, a.ref))?.status).toBe("pass");
    } finally {
      await idle.stop();
    }
  });

  it("says the sandbox is full past its cap, instead of starting one more", async () => {
    const small = await startTestRuntime({ maxApps: 1 });
    try {
      const local = labRuntime(db, small.connection);
      await attendeeWithWeb(local);
      const second = await attendeeWithWeb(local);
      expect(await appItem(local, second.ref)).toEqual({
        id: "app",
        status: "unobservable",
        message: { key: "check.web.app.sandboxFull", params: { cap: 1 } },
      });
      expect(small.runtime.list()).toHaveLength(1);
    } finally {
      await small.stop();
    }
  });

  it("without the runtime the app can't be observed: never a pass", async () => {
    const gone = await startTestRuntime();
    const local = labRuntime(db, gone.connection);
    const a = await attendeeWithWeb(local);
    await gone.stop();
    expect(await appItem(local, a.ref)).toEqual({
      id: "app",
      status: "unobservable",
      message: { key: "check.web.app.sandboxNoRuntime" },
    });
  });

  it("edits config.env like the attendee would over SSH, and the app reloads it", async () => {
    const a = await attendeeWithWeb(runtime);
    const headers = { "x-sandbox-token": sandbox.connection.token };
    const base = `${sandbox.connection.url}/instances/${a.accountId}/${a.web.id}/config`;
    const original = await (await fetch(base, { headers })).text();
    expect(original).toContain("DB_HOST =");
    const saved = await fetch(base, {
      method: "PUT",
      headers,
      body: original.replace("ADMIN_PASSWORD =", "ADMIN_PASSWORD = sandbox-secret"),
    });
    expect(saved.status).toBe(204);
    const url = sandbox.runtime.list().find((app) => app.instanceId === a.web.id)?.url;
    await expect
      .poll(async () => (await fetch(`${url}/admin`)).status, { timeout: 5000 })
      .toBe(401);
    expect((await fetch(base)).status).toBe(401);
  });

  it("NoCredentials, then AccessDenied, then access: driven only by IAM changes in the attendee's account", async () => {
    const a = await attendeeWithWeb(runtime);
    const bucket = `awslab-s3-${a.accountId}`;
    await a.byHand.s3().send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: "ap-northeast-2" },
      }),
    );
    const headers = { "x-sandbox-token": sandbox.connection.token };
    const config = `${sandbox.connection.url}/instances/${a.accountId}/${a.web.id}/config`;
    const text = await (await fetch(config, { headers })).text();
    await fetch(config, {
      method: "PUT",
      headers,
      body: text.replace("S3_BUCKET =", `S3_BUCKET = ${bucket}`),
    });
    const s3Status = async () => {
      const app = sandbox.runtime.list().find((candidate) => candidate.instanceId === a.web.id);
      const health = (await (await fetch(`${app?.url}/healthz`)).json()) as {
        s3: { status: string };
      };
      return health.s3.status;
    };
    expect(await s3Status()).toBe("NoCredentials");
    // The portal's upload with the instance's role takes the app's way: metadata service, gate.
    const target = { accountId: a.accountId, instanceId: a.web.id };
    const upload = () => uploadAsSandboxInstance(sandbox.connection, target, bucket);
    expect(await upload()).toEqual({ status: "NoCredentials", code: "NoCredentials", key: null });

    const iam = a.byHand.iam();
    await iam.send(
      new CreateRoleCommand({
        RoleName: "awslab-ec2-role",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "ec2.amazonaws.com" },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      }),
    );
    const profile = await iam.send(
      new CreateInstanceProfileCommand({ InstanceProfileName: "awslab-ec2-role" }),
    );
    await iam.send(
      new AddRoleToInstanceProfileCommand({
        InstanceProfileName: "awslab-ec2-role",
        RoleName: "awslab-ec2-role",
      }),
    );
    await a.byHand.ec2().send(
      new AssociateIamInstanceProfileCommand({
        InstanceId: a.web.id,
        IamInstanceProfile: { Arn: profile.InstanceProfile?.Arn },
      }),
    );
    await expect.poll(s3Status, { timeout: 10_000 }).toBe("AccessDenied");
    expect(await upload()).toEqual({ status: "AccessDenied", code: "AccessDenied", key: null });

    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "awslab-ec2-role",
        PolicyName: "awslab-s3-full-access",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "s3:*",
              Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
            },
          ],
        }),
      }),
    );
    await expect.poll(s3Status, { timeout: 10_000 }).toBe("ok");
    expect(await upload()).toMatchObject({
      status: "ok",
      key: expect.stringMatching(/^uploads\//),
    });
    const elsewhere = { accountId: a.accountId, instanceId: "i-0000000000000000f" };
    expect(await uploadAsSandboxInstance(sandbox.connection, elsewhere, bucket)).toBeUndefined();
  });
});
