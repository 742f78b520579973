import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AttendeeSession } from "@/lib/auth/session";
import type { STSClient } from "@aws-sdk/client-sts";
import { installClientHookForTests } from "@/lib/aws/client";
import { AwsCallError } from "@/lib/aws/errors";
import {
  connectAssumedRole,
  connectMethods,
  resolveCredentials,
  type AssumedRoleSettings,
} from "@/lib/credentials";
import { accountIdOf, assumedRoleError } from "@/lib/credentials-messages";
import type { PortalDb } from "@/lib/db/connection";
import { findAttendee, findEventById, findLiveCredentials } from "@/lib/db/queries";
import { gridRows } from "@/lib/db/console";
import type { AwsMode } from "@/lib/db/schema";
import { buildGrid } from "@/lib/instructor/grid";
import { newEventValues } from "@/lib/instructor/labels";
import { eventSettingsSchema } from "@/lib/instructor/schemas";
import { moduleStatus } from "@/lib/lab/runner";
import { translator } from "@/messages";
import { startEmulator } from "../../scripts/lib/emulator.mjs";
import { REGION, emulatorEndpoint, enforcedUserKeys, freshAccountId } from "./emulator";
import { attendeeIn, labRuntime } from "./lab-harness";
import { testDatabase } from "./database";

// The actions read the session, the request and the database through Next; here they are the test's.
const request = vi.hoisted(() => ({ session: undefined as AttendeeSession | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "en" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({
  currentAttendee: async () => request.session,
  currentInstructor: async () => ({ id: "instructor" }),
}));

const SETTINGS: AssumedRoleSettings = {
  roleArnTemplate: "arn:aws:iam::{accountId}:role/AWS101Attendee",
  externalId: "aws101-test-external-id",
};

/**
 * The portal's own identity comes from the SDK's default chain (here the environment), and
 * assumed sessions are used where pasted ones are: the emulator, in tests.
 */
function portalIdentity(credentials: { accessKeyId: string; secretAccessKey: string }) {
  vi.stubEnv("AWS_ACCESS_KEY_ID", credentials.accessKeyId);
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey);
}

async function eventInMode(db: PortalDb, mode: AwsMode) {
  const { attendee, event } = await attendeeIn(db);
  await db
    .updateTable("events")
    .set({
      aws_mode: mode,
      role_arn_template: mode === "assumed-role" ? SETTINGS.roleArnTemplate : null,
      external_id: mode === "assumed-role" ? SETTINGS.externalId : null,
    })
    .where("id", "=", event.id)
    .execute();
  const session = {
    attendee: (await findAttendee(db, attendee.id))!,
    event: (await findEventById(db, event.id))!,
  };
  return { attendee, event: session.event, session };
}

const EMULATOR_PORTAL = { accessKeyId: "portal", secretAccessKey: "portal" };

beforeAll(() => {
  vi.stubEnv("PASTED_CREDENTIALS_ENDPOINT", emulatorEndpoint());
  portalIdentity(EMULATOR_PORTAL);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("assumed-role mode on the emulator", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.destroy());

  it("assumes the templated role in the attendee's account, and the lab runs with it", async () => {
    const { attendee, event } = await eventInMode(db, "assumed-role");
    const accountId = freshAccountId();
    // The emulator ignores the ExternalId (and trust policies): what can be seen is that it is sent.
    const sent: unknown[] = [];
    const uninstall = installClientHookForTests((client, name) => {
      if (name !== "STSClient") return;
      (client as STSClient).middlewareStack.add(
        (next) => async (args) => {
          sent.push(args.input);
          return next(args);
        },
        { step: "initialize", name: "vitestSentInput" },
      );
    });
    const connected = await connectAssumedRole(db, {
      attendeeId: attendee.id,
      accountId,
      settings: SETTINGS,
      region: REGION,
    }).finally(uninstall);
    expect(connected.accountId).toBe(accountId);
    expect(sent).toContainEqual(
      expect.objectContaining({
        RoleArn: `arn:aws:iam::${accountId}:role/AWS101Attendee`,
        ExternalId: SETTINGS.externalId,
      }),
    );
    const resolved = await resolveCredentials(db, attendee.id, undefined);
    expect(resolved).toMatchObject({ source: "assumed", accountId });
    expect(resolved?.principalArn).toMatch(
      new RegExp(`^arn:aws:sts::${accountId}:assumed-role/AWS101Attendee/aws101-`),
    );
    const row = await findLiveCredentials(db, attendee.id);
    expect(row?.ciphertext).not.toContain(resolved?.target.credentials.secretAccessKey);
    const grid = buildGrid([], await gridRows(db, event.id));
    expect(grid.attendees.find((row) => row.id === attendee.id)?.credential).toBe("assumed");

    const status = await moduleStatus(
      { ...labRuntime(db), sandboxEndpoint: undefined },
      { attendeeId: attendee.id, eventId: event.id },
      "compute",
      { fresh: true },
    );
    expect(status?.problem).toBeUndefined();
    expect(status?.steps.map((step) => step.state)).toEqual(status?.steps.map(() => "not-started"));
  });

  it("renews a session read close to its end", async () => {
    const { attendee } = await eventInMode(db, "assumed-role");
    const accountId = freshAccountId();
    await connectAssumedRole(db, {
      attendeeId: attendee.id,
      accountId,
      settings: SETTINGS,
      region: REGION,
    });
    const soon = new Date(Date.now() + 5 * 60_000).toISOString();
    await db
      .updateTable("aws_credentials")
      .set({ expires_at: soon })
      .where("attendee_id", "=", attendee.id)
      .execute();
    const resolved = await resolveCredentials(db, attendee.id, undefined);
    expect(resolved?.accountId).toBe(accountId);
    expect(Date.parse(resolved!.expiresAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
  });
});

describe("AssumeRole refused", () => {
  let enforcing: Awaited<ReturnType<typeof startEmulator>>;
  let db: PortalDb;
  beforeAll(async () => {
    // IAM enforced: the portal's user may only ask who it is, so AssumeRole is AccessDenied, as
    // AWS answers for a missing role, a trust policy without the portal, or a wrong ExternalId.
    enforcing = await startEmulator({ env: { INITIAL_NO_AUTH_ACTION_COUNT: "3" } });
    portalIdentity(await enforcedUserKeys(enforcing.endpoint, "portal", "sts:GetCallerIdentity"));
    db = await testDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await enforcing?.stop();
    portalIdentity(EMULATOR_PORTAL);
  });

  it("stores nothing and says what to fix, in English and Korean", async () => {
    const { attendee } = await eventInMode(db, "assumed-role");
    const accountId = freshAccountId();
    const attempt = connectAssumedRole(db, {
      attendeeId: attendee.id,
      accountId,
      settings: SETTINGS,
      region: REGION,
      endpoint: enforcing.endpoint,
    });
    await expect(attempt).rejects.toMatchObject({ problem: { code: "access_denied" } });
    const error: unknown = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsCallError);
    expect(await findLiveCredentials(db, attendee.id)).toBeUndefined();
    const role = `arn:aws:iam::${accountId}:role/AWS101Attendee`;
    const en = assumedRoleError(error, translator("en"), { role, account: accountId });
    expect(en).toContain(role);
    expect(en).toContain("AccessDenied");
    expect(en).toContain("trust policy");
    expect(en).toContain("sts:ExternalId");
    const ko = assumedRoleError(error, translator("ko"), { role, account: accountId });
    expect(ko).toContain("신뢰 정책");
    expect(ko).toContain(accountId);
  });
});

describe("the role ARN template an instructor saves", () => {
  const settings = (roleArnTemplate: string, externalId = "aws101-class") =>
    eventSettingsSchema.safeParse({
      ...newEventValues("en"),
      name: "Class",
      startsAt: "",
      awsMode: "assumed-role",
      roleArnTemplate,
      externalId,
    }).success;

  it("a wrong one is named when the instructor saves", async () => {
    const { createEventAction } = await import("@/app/instructor/actions");
    const result = await createEventAction({
      ...newEventValues("en"),
      name: "Class",
      startsAt: "",
      awsMode: "assumed-role",
      roleArnTemplate: "arn:aws:iam::123456789012:role/AWS101Attendee",
      externalId: "aws101-class",
    });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^The role ARN template must look like arn:aws:iam::\{accountId\}/,
      ),
    });
  });

  it("is an IAM role ARN with {accountId}, saved with an external ID", () => {
    expect(settings("arn:aws:iam::{accountId}:role/AWS101Attendee")).toBe(true);
    expect(settings("arn:aws:iam::{accountId}:role/workshop/AWS101Attendee")).toBe(true);
    expect(settings("arn:aws:iam::123456789012:role/AWS101Attendee")).toBe(false);
    expect(settings("arn:aws:iam::{accountId}:user/AWS101Attendee")).toBe(false);
    expect(settings("arn:aws:sts::{accountId}:role/AWS101Attendee")).toBe(false);
    expect(settings("arn:aws:iam::{accountId}:role/AWS101Attendee", "")).toBe(false);
  });
});

describe("account ids", () => {
  it("takes the console's dashed form and refuses anything but 12 digits", () => {
    expect(accountIdOf("1234-5678-9012")).toBe("123456789012");
    expect(accountIdOf(" 123456789012 ")).toBe("123456789012");
    expect(accountIdOf("12345678901")).toBeUndefined();
    expect(accountIdOf("arn:aws:iam::123456789012:root")).toBeUndefined();
  });
});

describe("each mode's connect actions refuse the others", () => {
  let db: PortalDb;
  beforeAll(async () => {
    db = await testDatabase();
    (globalThis as { portalDb?: Promise<PortalDb> }).portalDb = Promise.resolve(db);
  });
  afterAll(() => db.destroy());

  const REFUSED = "This event doesn't connect AWS this way.";

  /** Each connect action as the browser calls it; the error or message it answers with. */
  async function attempt(method: "sandbox" | "own" | "assumed"): Promise<string> {
    const actions = await import("@/app/credentials/actions");
    if (method === "sandbox") {
      const result = await actions.connectSandboxAction({});
      return result.ok ? result.data.message : result.error;
    }
    if (method === "assumed") {
      const result = await actions.connectAssumedRoleAction({ accountId: freshAccountId() });
      return result.ok ? result.data.message : result.error;
    }
    const form = new FormData();
    form.set("accessKeyId", "ASIAAAAAAAAAAAAAAAAA");
    form.set("secretAccessKey", "x".repeat(40));
    form.set("sessionToken", "t".repeat(120));
    form.set("region", REGION);
    return (await actions.saveOwnCredentialsAction({}, form)).message ?? "";
  }

  it.each([
    ["sandbox", ["assumed"], ["sandbox", "own"]],
    ["pasted", ["sandbox", "assumed"], ["own"]],
    ["assumed-role", ["sandbox", "own"], ["assumed"]],
  ] as const)("%s refuses %j and offers %j", async (mode, refusedMethods, offered) => {
    const { session, attendee } = await eventInMode(db, mode);
    request.session = session;
    expect(connectMethods(mode)).toEqual(offered);
    for (const method of refusedMethods) {
      expect(await attempt(method)).toMatch(new RegExp(`^${REFUSED}`));
    }
    expect(await findLiveCredentials(db, attendee.id)).toBeUndefined();
    for (const method of offered) expect(await attempt(method)).not.toMatch(REFUSED);
  });

  it("an assumed-role event whose role template is not set yet says so", async () => {
    const { session } = await eventInMode(db, "assumed-role");
    request.session = { ...session, event: { ...session.event, external_id: null } };
    expect(await attempt("assumed")).toContain("external ID");
  });
});
