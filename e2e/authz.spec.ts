import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ko } from "../messages/ko";
import { eventSettings } from "./console";
import { labModules } from "./content";
import { INSTRUCTOR_EMAIL, instructorPassword } from "./fixtures";
import {
  builtActions,
  builtRoutes,
  callAction,
  emulatorTemporaryCredentials,
  encodeArgs,
  encodeFormArgs,
  pageOf,
  seedEvent,
  signInAttendee,
  signInInstructor,
} from "./portal-client";

/**
 * The authorization matrix: every route and server action of the built app × six principals, with
 * who is allowed written once below. A cell is "allow" when the principal gets what the route or
 * action gives (the page's own content, the JSON, the stream, the file, `ok: true`), "deny"
 * otherwise; no cell may answer 5xx. Routes and actions come from the build and content, so a new
 * module's pages are covered, and a new route or action the table doesn't list fails the test.
 */
const PRINCIPALS = [
  "anonymous",
  "attendeeA",
  "attendeeB",
  "otherEventAttendee",
  "otherEventInstructor",
  "eventInstructor",
] as const;
type Principal = (typeof PRINCIPALS)[number];

const EVERYONE: Principal[] = [...PRINCIPALS];
const SIGNED_OUT: Principal[] = ["anonymous"];
const ATTENDEES: Principal[] = ["attendeeA", "attendeeB", "otherEventAttendee"];
const ONLY_A: Principal[] = ["attendeeA"];
const EVENT_INSTRUCTOR: Principal[] = ["eventInstructor"];
const OTHER_EVENT_INSTRUCTOR: Principal[] = ["otherEventInstructor"];
const INSTRUCTORS: Principal[] = ["otherEventInstructor", "eventInstructor"];

type Probe = { status: number; granted: boolean; detail?: string };
type Clients = Record<Principal, APIRequestContext>;
type World = {
  baseURL: string;
  attendeeAName: string;
  eventName: string;
  /** The shared e2e event; the spare one (the event instructor's own) takes what would disturb it. */
  eventId: string;
  spareEventId: string;
  attendeeAId: string;
  attendeeBId: string;
  downloadOfA: string;
  webOfA: string;
  pasted: Record<string, string>;
  /** The event seeded here, whose only attendee is C: cleaning it up touches nobody else. */
  otherEventId: string;
  /** An open co-instructor invitation of the spare event: its page is for whoever holds the link. */
  inviteToken: string;
};
type Target = { label: string; probe: (client: APIRequestContext) => Promise<Probe> };
type Row = { allow: Principal[]; targets: (world: World) => Target[] };

const modules = labModules().filter((labModule) => labModule.steps.length > 0);
const steps = modules.flatMap((labModule) =>
  labModule.steps.map((step) => ({ module: labModule.id, step: step.id })),
);

function page(path: string, granted: (body: string) => boolean): Target {
  return {
    label: path,
    probe: async (client) => {
      const response = await client.get(path, { maxRedirects: 0 });
      const body = await response.text();
      return { status: response.status(), granted: response.status() === 200 && granted(body) };
    },
  };
}

function json(path: string): Target {
  return {
    label: path,
    probe: async (client) => {
      const response = await client.get(path, { maxRedirects: 0 });
      const ok =
        response.status() === 200 &&
        (response.headers()["content-type"] ?? "").startsWith("application/json");
      return { status: response.status(), granted: ok };
    },
  };
}

/** Event streams never end: read the head, then hang up. */
function stream(path: string, baseURL: string): Target {
  return {
    label: path,
    probe: async (client) => {
      const { cookies } = await client.storageState();
      const abort = new AbortController();
      const response = await fetch(new URL(path, baseURL), {
        headers: { cookie: cookies.map(({ name, value }) => `${name}=${value}`).join("; ") },
        redirect: "manual",
        signal: abort.signal,
      });
      const granted =
        response.status === 200 &&
        (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
      abort.abort();
      return { status: response.status, granted };
    },
  };
}

function action(
  key: string,
  label: string,
  params: Record<string, string>,
  body: () => string | { multipart: FormData },
  granted: (result: unknown) => boolean = (result) =>
    (result as { ok?: unknown } | undefined)?.ok === true,
): Target {
  const built = builtActions().get(key);
  return {
    label,
    probe: async (client) => {
      if (!built) throw new Error(`${key} is not in the build`);
      const page = pageOf(built, {
        module: steps[0]?.module ?? "",
        step: steps[0]?.step ?? "",
        ...params,
      });
      const reply = await callAction(client, page, built.id, body());
      return {
        status: reply.status,
        granted: reply.status === 200 && granted(reply.result),
        detail: JSON.stringify(reply.result)?.slice(0, 200),
      };
    },
  };
}

/** An instructor action's reply: "deny" is the session refusal, whatever else the reply says. */
const notRefused = (result: unknown) => {
  const reply = result as { ok?: boolean; signedOut?: boolean } | undefined;
  return reply !== undefined && typeof reply.ok === "boolean" && reply.signedOut !== true;
};

function consoleAction(
  name: string,
  world: World,
  args: Record<string, unknown>,
  granted?: (result: unknown) => boolean,
): Target {
  const key = `app/instructor/actions.ts#${name}`;
  return action(
    key,
    `${name}(${Object.keys(args).join(", ")})`,
    { eventId: world.eventId, attendeeId: world.attendeeAId },
    () => encodeArgs([args]),
    granted,
  );
}

const run = randomBytes(3).toString("hex");
let initialsChosen = 0;

/** Who may do what, once. Row order matters only where a row changes state: applies, then credentials, last. */
const TABLE: Record<string, Row> = {
  "/": {
    allow: SIGNED_OUT,
    targets: () => [page("/", (body) => body.includes('name="joinCode"'))],
  },
  "/instructor/sign-in": {
    allow: EVERYONE,
    targets: () => [page("/instructor/sign-in", (body) => body.includes('type="password"'))],
  },
  "/instructor": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      {
        ...page("/instructor", (body) => body.includes(`data-event-card="${world.eventName}"`)),
        label: "/instructor (the instructor's events)",
      },
    ],
  },
  "/instructor/events/[eventId]": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      {
        ...page(`/instructor/events/${world.eventId}`, (body) =>
          body.includes(world.attendeeAName),
        ),
        label: "/instructor/events/<event> (the live grid)",
      },
    ],
  },
  "/instructor/events/[eventId]/settings": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      page(`/instructor/events/${world.eventId}/settings`, (body) =>
        body.includes("data-event-instructors"),
      ),
    ],
  },
  "/instructor/events/[eventId]/summary": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      page(`/instructor/events/${world.eventId}/summary`, (body) => body.includes("data-summary")),
    ],
  },
  "/instructor/events/[eventId]/attendees/[attendeeId]": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      {
        ...page(`/instructor/events/${world.eventId}/attendees/${world.attendeeAId}`, (body) =>
          body.includes(world.attendeeAName),
        ),
        label: "/instructor/events/<event>/attendees/<A>",
      },
    ],
  },
  "/api/instructor/events/[eventId]/stream": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [stream(`/api/instructor/events/${world.eventId}/stream`, world.baseURL)],
  },
  "/api/instructor/events/[eventId]/export": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      {
        label: "/api/instructor/events/<event>/export",
        probe: async (client) => {
          const response = await client.get(`/api/instructor/events/${world.eventId}/export`, {
            maxRedirects: 0,
          });
          const granted =
            response.status() === 200 &&
            (response.headers()["content-type"] ?? "").startsWith("text/csv") &&
            (await response.text()).includes(world.attendeeAName);
          return { status: response.status(), granted };
        },
      },
    ],
  },
  "/api/event/stream": {
    allow: ATTENDEES,
    targets: (world) => [stream("/api/event/stream", world.baseURL)],
  },
  "app/instructor/actions.ts#createEventAction": {
    allow: INSTRUCTORS,
    targets: (world) => [consoleAction("createEventAction", world, eventSettings(`Matrix ${run}`))],
  },
  "app/instructor/actions.ts#updateEventAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction("updateEventAction", world, {
        eventId: world.spareEventId,
        settings: eventSettings(`Matrix spare ${run}`),
      }),
    ],
  },
  "app/instructor/actions.ts#rotateJoinCodeAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction("rotateJoinCodeAction", world, { eventId: world.spareEventId }),
    ],
  },
  "app/instructor/actions.ts#inviteInstructorAction": {
    allow: EVENT_INSTRUCTOR,
    // The event's own instructor again: adding changes nothing, so later cells still hold.
    targets: (world) => [
      consoleAction("inviteInstructorAction", world, {
        eventId: world.spareEventId,
        email: INSTRUCTOR_EMAIL,
      }),
    ],
  },
  "/instructor/invite/[token]": {
    allow: EVERYONE,
    targets: (world) => [
      {
        ...page(`/instructor/invite/${world.inviteToken}`, (body) =>
          body.includes("data-invite-form"),
        ),
        label: "/instructor/invite/<open invitation>",
      },
    ],
  },
  "app/instructor/invite/actions.ts#acceptInviteAction": {
    // Nobody takes an invitation without its link, signed in or not.
    allow: [],
    targets: () => [
      action(
        "app/instructor/invite/actions.ts#acceptInviteAction",
        "acceptInviteAction(a made-up token)",
        { token: "A".repeat(43) },
        () =>
          encodeArgs([
            {
              token: randomBytes(32).toString("base64url"),
              displayName: "Intruder",
              password: "long enough password",
              confirm: "long enough password",
            },
          ]),
      ),
    ],
  },
  "app/instructor/actions.ts#withdrawInviteAction": {
    allow: EVENT_INSTRUCTOR,
    // No such invitation: the event's instructor is told so, everyone else is refused at the session.
    targets: (world) => [
      consoleAction(
        "withdrawInviteAction",
        world,
        { eventId: world.spareEventId, invite: "no-such-invitation" },
        notRefused,
      ),
    ],
  },
  "app/instructor/actions.ts#removeInstructorAction": {
    allow: EVENT_INSTRUCTOR,
    // Nobody to remove: the event's instructor is told so, everyone else is refused at the session.
    targets: (world) => [
      consoleAction(
        "removeInstructorAction",
        world,
        { eventId: world.spareEventId, instructorId: "00000000-0000-4000-8000-000000000000" },
        notRefused,
      ),
    ],
  },
  "app/instructor/actions.ts#broadcastAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction("broadcastAction", world, { eventId: world.spareEventId, body: "matrix" }),
    ],
  },
  "app/instructor/actions.ts#timerAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction("timerAction", world, {
        eventId: world.spareEventId,
        change: { kind: "clear" },
      }),
    ],
  },
  "app/instructor/actions.ts#resolveHelpAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction("resolveHelpAction", world, {
        eventId: world.eventId,
        attendeeId: world.attendeeAId,
      }),
    ],
  },
  "app/instructor/actions.ts#resetAttendeeAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction("resetAttendeeAction", world, {
        eventId: world.eventId,
        attendeeId: world.attendeeBId,
      }),
    ],
  },
  "app/instructor/actions.ts#removeAttendeeAction": {
    allow: EVENT_INSTRUCTOR,
    // An attendee of no event: nothing is removed, and only the event's instructor is told why.
    targets: (world) => [
      consoleAction(
        "removeAttendeeAction",
        world,
        { eventId: world.eventId, attendeeId: "00000000-0000-4000-8000-000000000000" },
        notRefused,
      ),
    ],
  },
  "app/instructor/actions.ts#doForAttendeeAction": {
    allow: EVENT_INSTRUCTOR,
    targets: (world) => [
      consoleAction(
        "doForAttendeeAction",
        world,
        {
          eventId: world.eventId,
          attendeeId: "00000000-0000-4000-8000-000000000000",
          stepId: steps[0]?.step ?? "",
        },
        notRefused,
      ),
    ],
  },
  "app/lab/help/actions.ts#requestHelpAction": {
    allow: ATTENDEES,
    targets: () =>
      steps
        .slice(0, 1)
        .map(({ module, step }) =>
          action(
            "app/lab/help/actions.ts#requestHelpAction",
            `requestHelpAction(${step})`,
            { module, step },
            () => encodeArgs([{ stepId: step }]),
          ),
        ),
  },
  "/lab": {
    allow: ATTENDEES,
    targets: () => [page("/lab", (body) => body.includes(`data-module="${modules[0]?.id}"`))],
  },
  "/lab/[module]": {
    allow: ATTENDEES,
    targets: () =>
      modules.map(({ id }) =>
        page(`/lab/${id}`, (body) => body.includes(`data-status-panel="${id}"`)),
      ),
  },
  "/lab/[module]/[step]": {
    allow: ATTENDEES,
    targets: () =>
      steps.map(({ module, step }) =>
        page(`/lab/${module}/${step}`, (body) => body.includes("data-status-dock")),
      ),
  },
  "/lab/sandbox": {
    allow: ATTENDEES,
    targets: () => [page("/lab/sandbox", (body) => body.includes(ko["sandbox.title"]))],
  },
  "/credentials": {
    allow: ATTENDEES,
    targets: () => [
      page("/credentials", (body) => body.includes('data-testid="current-credentials"')),
    ],
  },
  "/api/status/[module]": {
    allow: ATTENDEES,
    targets: () => modules.map(({ id }) => json(`/api/status/${id}`)),
  },
  "/api/status/[module]/stream": {
    allow: ATTENDEES,
    targets: (world) => modules.map(({ id }) => stream(`/api/status/${id}/stream`, world.baseURL)),
  },
  "/api/downloads/[token]": {
    allow: ONLY_A,
    targets: (world) => [
      {
        label: "/api/downloads/<A's key pair>",
        probe: async (client) => {
          const response = await client.get(world.downloadOfA, { maxRedirects: 0 });
          const granted =
            response.status() === 200 &&
            (response.headers()["content-disposition"] ?? "").startsWith("attachment");
          return { status: response.status(), granted };
        },
      },
    ],
  },
  "/api/auth/[...nextauth]": {
    allow: EVERYONE,
    targets: () => ["session", "csrf", "providers"].map((name) => json(`/api/auth/${name}`)),
  },
  "/api/ping": {
    allow: EVERYONE,
    targets: () => [page("/api/ping", (body) => body === "pong")],
  },
  "/downloads/sample-app/[file]": {
    allow: EVERYONE,
    targets: () => [
      {
        label: "/downloads/sample-app/<version>.tgz",
        probe: async (client) => {
          const { version } = (
            await import("../sample-app/package.json", { with: { type: "json" } })
          ).default;
          const response = await client.get(`/downloads/sample-app/${version}.tgz`);
          return {
            status: response.status(),
            granted: response.headers()["content-type"] === "application/gzip",
          };
        },
      },
    ],
  },
  "/icon.svg": {
    allow: EVERYONE,
    targets: () => [page("/icon.svg", (body) => body.includes("<svg"))],
  },
  "app/actions.ts#setLocaleAction": {
    allow: EVERYONE,
    targets: () => [
      action(
        "app/actions.ts#setLocaleAction",
        "setLocaleAction(ko)",
        {},
        () => encodeArgs(["ko"]),
        (result) => result === "$undefined",
      ),
    ],
  },
  "app/lab/actions.ts#checkStepAction": {
    allow: ATTENDEES,
    targets: () =>
      steps.map(({ module, step }) =>
        action(
          "app/lab/actions.ts#checkStepAction",
          `checkStepAction(${step})`,
          { module, step },
          () => encodeArgs([{ stepId: step }]),
        ),
      ),
  },
  "app/lab/actions.ts#planStepAction": {
    allow: ATTENDEES,
    targets: () =>
      steps.map(({ module, step }) =>
        action(
          "app/lab/actions.ts#planStepAction",
          `planStepAction(${step})`,
          { module, step },
          () => encodeArgs([{ stepId: step, operation: "do" }]),
        ),
      ),
  },
  "app/lab/app-services/actions.ts#chooseInitialsAction": {
    allow: ATTENDEES,
    targets: () => [
      action(
        "app/lab/app-services/actions.ts#chooseInitialsAction",
        "chooseInitialsAction(fresh initials)",
        {},
        () => encodeArgs([{ initials: `m${run}x${(initialsChosen += 1)}`, email: "" }]),
      ),
    ],
  },
  "app/lab/cleanup/actions.ts#confirmCleanupAction": {
    allow: ATTENDEES,
    // A bucket the clean-up never asked about: an attendee gets "unknown" from their own list, the
    // others are refused at the session; no one confirms anything.
    targets: () => [
      action(
        "app/lab/cleanup/actions.ts#confirmCleanupAction",
        "confirmCleanupAction(a bucket never asked about)",
        {},
        () => encodeArgs([{ name: `authz-matrix-${run}` }]),
        (result) => {
          const reply = result as { ok?: boolean; signedOut?: boolean } | undefined;
          return reply?.ok === false && reply.signedOut !== true;
        },
      ),
    ],
  },
  "app/lab/sandbox/actions.ts#saveSandboxConfigAction": {
    allow: ONLY_A,
    targets: (world) => [
      action(
        "app/lab/sandbox/actions.ts#saveSandboxConfigAction",
        "saveSandboxConfigAction(A's Web)",
        {},
        () => encodeArgs([{ instanceId: world.webOfA, text: "# authorization matrix\n" }]),
      ),
    ],
  },
  "app/lab/sandbox/actions.ts#runSandboxMysqlAction": {
    allow: ATTENDEES,
    targets: () => [
      action(
        "app/lab/sandbox/actions.ts#runSandboxMysqlAction",
        "runSandboxMysqlAction(SELECT 1)",
        {},
        () => encodeArgs([{ sql: "SELECT 1" }]),
        (result) => {
          const reply = result as { ok?: boolean; error?: string } | undefined;
          // Without a database the console answers with the attendee's own "no endpoint" item.
          return reply?.ok === true;
        },
      ),
    ],
  },
  "app/lab/actions.ts#applyStepAction": {
    allow: ATTENDEES,
    // Applying is planning and running: one step of every module is enough to see who may. Late in
    // the table: the clean-up module's apply deletes what earlier rows use.
    targets: () =>
      modules.map(({ id, steps: [first] }) =>
        action(
          "app/lab/actions.ts#applyStepAction",
          `applyStepAction(${first?.id})`,
          { module: id, step: first?.id ?? "" },
          () => encodeArgs([{ stepId: first?.id, operation: "do" }]),
        ),
      ),
  },
  "/api/cleanup-report/[event]": {
    allow: OTHER_EVENT_INSTRUCTOR,
    targets: (world) => [
      {
        label: "/api/cleanup-report/<the other event>",
        probe: async (client) => {
          const response = await client.get(`/api/cleanup-report/${world.otherEventId}`, {
            maxRedirects: 0,
          });
          const granted =
            response.status() === 200 &&
            (response.headers()["content-type"] ?? "").startsWith("text/csv");
          return { status: response.status(), granted };
        },
      },
    ],
  },
  "app/instructor/cleanup-everyone/actions.ts#startCleanupEveryoneAction": {
    // The other event, not the shared E2E one: a real run there deletes only C's sandbox lab.
    allow: OTHER_EVENT_INSTRUCTOR,
    targets: (world) => [
      action(
        "app/instructor/cleanup-everyone/actions.ts#startCleanupEveryoneAction",
        "startCleanupEveryoneAction(the other event)",
        { eventId: world.otherEventId },
        () => encodeArgs([{ eventId: world.otherEventId, confirm: true }]),
      ),
    ],
  },
  "app/credentials/actions.ts#connectAssumedRoleAction": {
    // The e2e event is a sandbox event: its attendees are answered (the mode refuses), others signed out.
    allow: ATTENDEES,
    targets: () => [
      action(
        "app/credentials/actions.ts#connectAssumedRoleAction",
        "connectAssumedRoleAction(sandbox event)",
        {},
        () => encodeArgs([{ accountId: "123456789012" }]),
        notRefused,
      ),
    ],
  },
  "app/credentials/actions.ts#saveOwnCredentialsAction": {
    allow: ATTENDEES,
    targets: (world) => [
      action(
        "app/credentials/actions.ts#saveOwnCredentialsAction",
        "saveOwnCredentialsAction(emulator keys)",
        {},
        () => encodeFormArgs({}, world.pasted),
      ),
    ],
  },
  "app/credentials/actions.ts#removeCredentialsAction": {
    allow: ATTENDEES,
    targets: () => [
      action(
        "app/credentials/actions.ts#removeCredentialsAction",
        "removeCredentialsAction",
        {},
        () => encodeArgs([{}]),
      ),
    ],
  },
  "app/credentials/actions.ts#connectSandboxAction": {
    allow: ATTENDEES,
    targets: () => [
      action("app/credentials/actions.ts#connectSandboxAction", "connectSandboxAction", {}, () =>
        encodeArgs([{}]),
      ),
    ],
  },
};

test("every route and server action of the build is in the authorization table", () => {
  const known = new Set(Object.keys(TABLE));
  const built = [...builtRoutes(), ...builtActions().keys()];
  expect(
    built.filter((key) => !known.has(key)),
    "missing from TABLE in e2e/authz.spec.ts",
  ).toEqual([]);
  expect(
    [...known].filter((key) => !built.includes(key)),
    "no longer in the build",
  ).toEqual([]);
});

test("authorization matrix: six principals × every page, route, stream and action", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(600_000);
  if (!baseURL) throw new Error("no baseURL");
  const suffix = randomBytes(4).toString("hex").toUpperCase();
  const other = {
    email: `other-${suffix.toLowerCase()}@aws101.local`,
    password: randomBytes(12).toString("base64url"),
    joinCode: `OTHER${suffix}`,
  };
  await seedEvent(other);

  const clients = Object.fromEntries(
    await Promise.all(
      PRINCIPALS.map(async (who) => [who, await playwright.request.newContext({ baseURL })]),
    ),
  ) as Clients;
  const attendeeAName = `Matrix A ${suffix}`;
  const signIns = [
    await signInAttendee(clients.attendeeA, attendeeAName),
    await signInAttendee(clients.attendeeB, `Matrix B ${suffix}`),
    await signInAttendee(clients.otherEventAttendee, `Matrix C ${suffix}`, other.joinCode),
    await signInInstructor(clients.otherEventInstructor, other.email, other.password),
    await signInInstructor(clients.eventInstructor, INSTRUCTOR_EMAIL, instructorPassword()),
  ];
  for (const signIn of signIns) expect(signIn.status()).toBe(200);

  const actions = builtActions();
  const act = (key: string) => {
    const found = actions.get(key);
    if (!found) throw new Error(`${key} is not in the build`);
    return found;
  };
  for (const who of ATTENDEES) {
    const connect = act("app/credentials/actions.ts#connectSandboxAction");
    const reply = await callAction(clients[who], "/credentials", connect.id, encodeArgs([{}]));
    expect(reply.result, who).toMatchObject({ ok: true });
  }
  // A's Web and key pair: what B and the others must not reach.
  const compute = modules[0];
  const launch = compute?.steps[0];
  if (!compute || !launch) throw new Error("no first step");
  const applied = await callAction(
    clients.attendeeA,
    `/lab/${compute.id}/${launch.id}`,
    act("app/lab/actions.ts#applyStepAction").id,
    encodeArgs([{ stepId: launch.id, operation: "do" }]),
  );
  const download = (applied.result as { data?: { downloads?: { url: string }[] } }).data
    ?.downloads?.[0]?.url;
  expect(download, "A's apply hands over a key pair").toBeTruthy();
  const sandboxPage = await (await clients.attendeeA.get("/lab/sandbox")).text();
  const webOfA = /\bi-[0-9a-f]{8,17}\b/.exec(sandboxPage)?.[0];
  expect(webOfA, "A's Web on the sandbox page").toBeTruthy();

  const eventName = "E2E rehearsal";
  const events = await (await clients.eventInstructor.get("/instructor")).text();
  const eventId =
    new RegExp(`data-event-card="${eventName}"[\\s\\S]*?/instructor/events/([0-9a-f-]{36})`).exec(
      events,
    )?.[1] ?? "";
  expect(eventId, "the e2e event on the instructor's page").toBeTruthy();
  const grid = await (await clients.eventInstructor.get(`/instructor/events/${eventId}`)).text();
  const attendeeId = (name: string) =>
    new RegExp(`/attendees/([0-9a-f-]{36})"[^>]*>${name}<`).exec(grid)?.[1] ?? "";
  const spare = await callAction(
    clients.eventInstructor,
    "/instructor",
    act("app/instructor/actions.ts#createEventAction").id,
    encodeArgs([eventSettings(`Matrix spare ${suffix}`)]),
  );
  const otherInstructorPage = await (await clients.otherEventInstructor.get("/instructor")).text();
  const otherEventId = /\/instructor\/events\/([0-9a-f-]{36})/.exec(otherInstructorPage)?.[1];
  expect(otherEventId, "the other event on its instructor's page").toBeTruthy();

  const spareEventId = (spare.result as { data?: { eventId?: string } }).data?.eventId ?? "";
  const invited = await callAction(
    clients.eventInstructor,
    `/instructor/events/${spareEventId}/settings`,
    act("app/instructor/actions.ts#inviteInstructorAction").id,
    encodeArgs([{ eventId: spareEventId, email: `invited-${suffix.toLowerCase()}@aws101.local` }]),
  );
  const inviteToken = /\/instructor\/invite\/([\w-]+)$/.exec(
    (invited.result as { data?: { copy?: string } }).data?.copy ?? "",
  )?.[1];

  const world: World = {
    baseURL,
    attendeeAName,
    eventName,
    eventId,
    spareEventId,
    attendeeAId: attendeeId(attendeeAName),
    attendeeBId: attendeeId(`Matrix B ${suffix}`),
    downloadOfA: download ?? "",
    webOfA: webOfA ?? "",
    pasted: await emulatorTemporaryCredentials(`matrix-${suffix.toLowerCase()}`),
    otherEventId: otherEventId ?? "",
    inviteToken: inviteToken ?? "",
  };
  for (const [name, value] of Object.entries(world)) expect(value, name).toBeTruthy();

  const wrong: string[] = [];
  const serverErrors: string[] = [];
  let cells = 0;
  for (const [key, row] of Object.entries(TABLE)) {
    for (const target of row.targets(world)) {
      // A last: a one-time download must survive everyone else's attempts.
      for (const who of [...PRINCIPALS].sort(
        (x, y) => Number(x === "attendeeA") - Number(y === "attendeeA"),
      )) {
        const { status, granted, detail } = await target.probe(clients[who]);
        cells += 1;
        const expected = row.allow.includes(who);
        if (status >= 500) serverErrors.push(`${target.label} as ${who}: ${status}`);
        if (granted !== expected)
          wrong.push(
            `${key} ${target.label} as ${who}: expected ${expected ? "allow" : "deny"}, got ${granted ? "allow" : "deny"} (${status} ${detail ?? ""})`,
          );
      }
    }
  }
  test.info().annotations.push({ type: "matrix cells", description: String(cells) });
  console.log(`authorization matrix: ${cells} cells, ${wrong.length} wrong`);
  expect(serverErrors).toEqual([]);
  expect(wrong).toEqual([]);
  await Promise.all(Object.values(clients).map((client) => client.dispose()));
});
