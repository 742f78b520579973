import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { z } from "zod";
import { initialsSchema } from "../lib/lab/app-services";
import { labModules } from "./content";
import {
  builtActions,
  builtRoutes,
  callAction,
  encodeArgs,
  encodeFormArgs,
  pageOf,
  signInAttendee,
} from "./portal-client";

/**
 * Generated bad inputs (seeded: FUZZ_SEED) for every form, server action and route of the portal:
 * no answer may be a 5xx, no HTML answer may carry a script payload unescaped, and since every
 * input is invalid, no table of the portal's database may gain a row.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 101);

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  return { next, pick };
}
const rng = generator(SEED);
let marker = 0;
const scripts = new Map<string, string>();

/** Script payloads carry a unique marker, so one found raw in HTML is known to be reflected. */
function scriptPayload(): string {
  marker += 1;
  const id = `FZ${SEED}x${marker}`;
  const payload = rng.pick([
    `<script>alert("${id}")</script>`,
    `"><img src=x onerror=alert("${id}")>`,
    `'><svg onload=alert('${id}')>`,
    `</textarea><script>alert("${id}")</script>`,
    `javascript:alert("${id}")//<b>${id}</b>`,
    `<iframe srcdoc="<script>alert('${id}')</script>">`,
  ]);
  scripts.set(id, payload);
  return payload;
}

const STRINGS = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u001b[31m",
  "\u202e\u200b\ufeff",
  "\ud800",
  "𝕏😀한국어",
  "ǅ̴̡̛̗̻̈́",
  "' OR '1'='1' --",
  "'; DROP TABLE attendees; --",
  '" OR ""="',
  "1; SELECT * FROM instructors",
  "../../../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2f",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "$@0",
  "$K1",
  "$Q",
  "a".repeat(300),
  "a".repeat(70_000),
  "9".repeat(400),
  "-1",
  "NaN",
  "null",
  "http://169.254.169.254/latest/meta-data/",
  "file:///etc/passwd",
] as const;

const NON_STRINGS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  [],
  ["a", "b"],
  {},
  { nested: { deeper: { deepest: [1, 2, 3] } } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

const badString = () => (rng.next() < 0.3 ? scriptPayload() : rng.pick(STRINGS));
const badValue = () => (rng.next() < 0.5 ? badString() : rng.pick(NON_STRINGS));

type FieldRule = { bad: () => unknown; valid: unknown };

/** An object of the right shape with at least one field made invalid (or missing), or no object. */
function invalidObject(fields: Record<string, FieldRule>, isValid: (input: unknown) => boolean) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const mode = rng.next();
    let input: unknown;
    if (mode < 0.15) input = rng.pick([null, "x", 1, [], true, scriptPayload()]);
    else {
      const record: Record<string, unknown> = Object.fromEntries(
        Object.entries(fields).map(([name, rule]) => [name, rule.valid]),
      );
      const names = Object.keys(fields);
      const target = rng.pick(names);
      if (mode < 0.3) delete record[target];
      else record[target] = fields[target]?.bad();
      if (rng.next() < 0.3) record[badString().slice(0, 40) || "extra"] = badValue();
      input = record;
    }
    if (!isValid(input)) return input;
  }
  throw new Error("could not make an invalid input");
}

const isString = (value: unknown): value is string => typeof value === "string";
const stepIds = labModules().flatMap((labModule) => labModule.steps.map((step) => step.id));
const isStep = (value: unknown) => isString(value) && stepIds.includes(value);
const hasKeys = (input: unknown): input is Record<string, unknown> =>
  typeof input === "object" && input !== null && !Array.isArray(input);

type Outcome = { what: string; status: number; type: string; body: string };
const outcomes: Outcome[] = [];

async function record(what: string, response: APIResponse) {
  outcomes.push({
    what,
    status: response.status(),
    type: response.headers()["content-type"] ?? "",
    body: await response.text().catch(() => ""),
  });
}

/** An HTML answer that holds one of our script payloads exactly as it was sent. */
const reflects = (outcome: Outcome) =>
  outcome.type.startsWith("text/html") &&
  [...outcome.body.matchAll(/FZ\d+x\d+/g)].some((match) => {
    const payload = scripts.get(match[0]);
    return payload !== undefined && outcome.body.includes(payload);
  });

const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/**
 * The portal's own bookkeeping, not anything an input writes: limiter events (a refused attempt is
 * meant to count) and leases (a periodic sweep may claim its turn while the fuzzer runs).
 */
const BOOKKEEPING = new Set(["rate_events", "leases"]);

function rowCounts(): Record<string, number> {
  const database = new Database(path.join(process.cwd(), "data", "e2e.db"), { readonly: true });
  try {
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[];
    const count = (sql: string) => (database.prepare(sql).get() as { n: number }).n;
    const counts = Object.fromEntries(
      tables
        .filter(({ name }) => !BOOKKEEPING.has(name))
        .map(({ name }) => [name, count(`SELECT COUNT(*) AS n FROM "${name}"`)]),
    );
    // Initials are an update, not a row: chosen once, so a bad input must never set them.
    counts["attendees with initials"] = count(
      "SELECT COUNT(*) AS n FROM attendees WHERE initials IS NOT NULL",
    );
    return counts;
  } finally {
    database.close();
  }
}

test("fuzzing: bad inputs to every form, action and route answer without 5xx, reflection or writes", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(600_000);
  const attendee = await playwright.request.newContext({ baseURL });
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await signInAttendee(attendee, "Fuzz target")).status()).toBe(200);
  const actions = builtActions();
  const action = (name: string) => {
    const found = [...actions.values()].find((entry) => entry.key.endsWith(`#${name}`));
    if (!found) throw new Error(`no action ${name} in the build`);
    return found;
  };
  const form = action("saveOwnCredentialsAction");
  const connect = action("connectSandboxAction");
  const connected = await callAction(attendee, "/credentials", connect.id, encodeArgs([{}]));
  expect(connected.result).toMatchObject({ ok: true });
  const modules = labModules().filter((labModule) => labModule.steps.length > 0);
  const firstModule = modules[0]?.id ?? "compute";
  const firstStep = modules[0]?.steps[0]?.id ?? "ec2-launch";
  const before = rowCounts();

  const covered = new Set<string>();
  const callWith = async (name: string, input: unknown, client: APIRequestContext = attendee) => {
    const built = action(name);
    covered.add(built.key);
    const page = pageOf(built, {
      module: firstModule,
      step: firstStep,
      eventId: NO_SUCH_ID,
      attendeeId: NO_SUCH_ID,
      token: "x".repeat(43),
    });
    const response = await client.post(page, {
      headers: {
        "Next-Action": built.id,
        Accept: "text/x-component",
        "Content-Type": "text/plain;charset=UTF-8",
      },
      data: encodeArgs([input]),
      maxRedirects: 0,
    });
    await record(`${name}(${JSON.stringify(input)?.slice(0, 80)})`, response);
  };

  const stepId = { valid: firstStep, bad: badValue };
  for (let index = 0; index < 40; index += 1)
    await callWith(
      "checkStepAction",
      invalidObject({ stepId }, (input) => hasKeys(input) && isStep(input.stepId)),
    );
  const validOperation = (input: unknown) =>
    hasKeys(input) &&
    isStep(input.stepId) &&
    (input.operation === undefined || input.operation === "do" || input.operation === "undo");
  for (const name of ["planStepAction", "applyStepAction"])
    for (let index = 0; index < 40; index += 1)
      await callWith(
        name,
        invalidObject({ stepId, operation: { valid: "do", bad: badValue } }, validOperation),
      );

  for (let index = 0; index < 40; index += 1)
    await callWith(
      "saveSandboxConfigAction",
      invalidObject(
        {
          instanceId: { valid: "i-0123456789abcdef0", bad: badValue },
          text: { valid: "A=1\n", bad: () => rng.pick(NON_STRINGS) },
        },
        (input) =>
          hasKeys(input) &&
          isString(input.instanceId) &&
          /^i-[0-9a-f]{8,17}$/.test(input.instanceId) &&
          isString(input.text),
      ),
    );
  for (let index = 0; index < 30; index += 1)
    await callWith(
      "runSandboxMysqlAction",
      invalidObject(
        {
          sql: {
            valid: "SELECT 1",
            bad: () => rng.pick([...NON_STRINGS, "", "x".repeat(64 * 1024 + 1)]),
          },
        },
        (input) =>
          hasKeys(input) &&
          isString(input.sql) &&
          input.sql.length > 0 &&
          input.sql.length <= 64 * 1024,
      ),
    );
  const validInitials = (input: unknown) =>
    hasKeys(input) &&
    isString(input.initials) &&
    input.initials.length <= 64 &&
    initialsSchema.safeParse(input.initials).success &&
    isString(input.email) &&
    input.email.length <= 254 &&
    (input.email.trim() === "" || z.email().safeParse(input.email.trim()).success);
  for (let index = 0; index < 30; index += 1)
    await callWith(
      "chooseInitialsAction",
      invalidObject(
        { initials: { valid: "fz", bad: badValue }, email: { valid: "", bad: badValue } },
        validInitials,
      ),
    );
  for (let index = 0; index < 25; index += 1)
    await callWith(
      "confirmCleanupAction",
      invalidObject(
        { name: { valid: "fuzz-bucket", bad: badValue } },
        (input) =>
          hasKeys(input) &&
          isString(input.name) &&
          /^(?:[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]|user:[\w+=,.@-]{1,64})$/.test(input.name),
      ),
    );
  // An attendee or nobody: refused at the session whatever the input, and nothing starts.
  for (let index = 0; index < 10; index += 1)
    await callWith(
      "startCleanupEveryoneAction",
      invalidObject(
        {
          eventId: { valid: "00000000-0000-4000-8000-000000000000", bad: badValue },
          confirm: { valid: true, bad: badValue },
        },
        () => false,
      ),
      rng.next() < 0.5 ? attendee : anonymous,
    );
  for (let index = 0; index < 25; index += 1) {
    const input = rng.next() < 0.5 ? badString() : badValue();
    if (input === "ko" || input === "en") continue;
    await callWith("setLocaleAction", input, rng.next() < 0.5 ? attendee : anonymous);
  }
  for (let index = 0; index < 25; index += 1)
    await callWith(
      "requestHelpAction",
      invalidObject({ stepId }, (input) => hasKeys(input) && isStep(input.stepId)),
    );
  // A made-up invitation, well formed or not, makes no account: nobody holds a link here.
  const tokenAlphabet = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"];
  const madeUpToken = () => Array.from({ length: 43 }, () => rng.pick(tokenAlphabet)).join("");
  for (let index = 0; index < 30; index += 1)
    await callWith(
      "acceptInviteAction",
      index % 2 === 0
        ? {
            token: madeUpToken(),
            displayName: badString(),
            password: "long enough password",
            confirm: "long enough password",
          }
        : invalidObject(
            {
              token: { valid: madeUpToken(), bad: badValue },
              displayName: { valid: "Fuzz", bad: badValue },
              password: { valid: "long enough password", bad: badValue },
              confirm: { valid: "long enough password", bad: badValue },
            },
            () => false,
          ),
      rng.next() < 0.5 ? attendee : anonymous,
    );
  // The instructor console refuses an attendee and a stranger whatever they send.
  const consoleActions = [...actions.values()]
    .filter((entry) => entry.key.startsWith("app/instructor/actions.ts#"))
    .map((entry) => entry.key.split("#")[1] ?? "");
  for (const name of consoleActions)
    for (let index = 0; index < 12; index += 1)
      await callWith(
        name,
        rng.next() < 0.5
          ? {
              eventId: rng.pick([NO_SUCH_ID, badString()]),
              attendeeId: badString(),
              body: badString(),
            }
          : badValue(),
        rng.next() < 0.5 ? attendee : anonymous,
      );
  // The e2e event is in sandbox mode: an account id, good or bad, is refused before any AWS call.
  for (let index = 0; index < 20; index += 1)
    await callWith(
      "connectAssumedRoleAction",
      rng.pick([
        { accountId: rng.pick(STRINGS) },
        { accountId: scriptPayload() },
        { accountId: "1234-5678-9012" },
        { accountId: "x".repeat(65) },
        { accountId: 123456789012 },
        {},
        null,
        [],
      ]),
    );
  // z.object({}) takes any object: only what is not an object is a bad input here.
  for (const name of ["connectSandboxAction", "removeCredentialsAction"])
    for (let index = 0; index < 20; index += 1)
      await callWith(
        name,
        rng.pick([null, true, 0, -1, 1e308, "x", scriptPayload(), [], ["a"], rng.pick(STRINGS)]),
      );

  covered.add(form.key);
  const validCredentials = {
    accessKeyId: "ASIAFUZZFUZZFUZZFUZZ",
    secretAccessKey: "f".repeat(40),
    sessionToken: "t".repeat(120),
    region: "ap-northeast-2",
  };
  for (let index = 0; index < 50; index += 1) {
    const fields: Record<string, string> = { ...validCredentials };
    const target = rng.pick(Object.keys(fields));
    fields[target] = rng.pick([
      badString(),
      badString(),
      "AKIA" + "A".repeat(16),
      "ASIA" + "a".repeat(16),
    ]);
    if (rng.next() < 0.2) delete fields[target];
    const response = await attendee.post("/credentials", {
      headers: { "Next-Action": form.id, Accept: "text/x-component" },
      multipart: encodeFormArgs({}, fields).multipart,
      maxRedirects: 0,
    });
    await record(`saveOwnCredentialsAction(${target})`, response);
  }

  // Malformed encodings of an action call, as no React client would send them.
  const check = action("checkStepAction");
  const rawBodies = [
    "",
    "not json",
    "[",
    "{}",
    "[]",
    '["$@zz"]',
    '["$Q1"]',
    '["$K1"]',
    '["$F1"]',
    '[{"stepId":"$@1"}]',
    "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
    JSON.stringify(["x".repeat(2 * 1024 * 1024)]),
    "\u0000\u0001",
    "[1e99999]",
  ];
  for (const body of rawBodies) {
    const response = await attendee.post(`/lab/${firstModule}/${firstStep}`, {
      headers: { "Next-Action": check.id, "Content-Type": "text/plain;charset=UTF-8" },
      data: body,
      maxRedirects: 0,
    });
    await record(`raw action body ${JSON.stringify(body.slice(0, 40))}`, response);
  }
  const multiparts: [string, Record<string, string>][] = [
    [form.id, { "0": "not json" }],
    [form.id, { "0": '["$Q1"]' }],
    [form.id, { "0": '[{},"$F1"]' }],
    [form.id, { _1_region: "x" }],
    [form.id, { "0": "[" + "{".repeat(100) }],
    // Without JavaScript a form posts its action in fields instead of the header.
    ["", { [`$ACTION_ID_${form.id}`]: "", accessKeyId: scriptPayload() }],
    ["", { $ACTION_ID_zzz: "" }],
    ["", { $ACTION_REF_1: "", "$ACTION_1:0": "not json" }],
    ["", { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: form.id, bound: "$Q9" }) }],
    ["", { $ACTION_KEY: scriptPayload() }],
  ];
  for (const [id, fields] of multiparts) {
    const multipart = new FormData();
    for (const [name, value] of Object.entries(fields)) multipart.append(name, value);
    const response = await attendee.post("/credentials", {
      headers: id ? { "Next-Action": id } : {},
      multipart,
      maxRedirects: 0,
    });
    await record(
      `multipart ${id ? "action" : "form"} ${JSON.stringify(fields).slice(0, 80)}`,
      response,
    );
  }
  for (const id of ["", "x", "0".repeat(42), scriptPayload(), "../../etc"]) {
    const response = await attendee.post("/credentials", {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" },
      data: "[{}]",
      maxRedirects: 0,
    });
    await record(`unknown action id ${JSON.stringify(id.slice(0, 40))}`, response);
  }

  // Sign-in forms: a join code in the wrong format and malformed instructor sign-ins.
  const csrf = async (client: APIRequestContext) =>
    ((await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const joiner = await playwright.request.newContext({ baseURL });
  const joinToken = await csrf(joiner);
  for (let index = 0; index < 50; index += 1) {
    let joinCode = badString();
    while (/^[A-Z0-9]{4,16}$/.test(joinCode.trim().toUpperCase())) joinCode = badString();
    const displayName = rng.next() < 0.5 ? badString() : "Fuzz";
    const email = rng.next() < 0.5 ? badString() : "";
    const response = await joiner.post("/api/auth/callback/attendee", {
      form: { joinCode, displayName, email, csrfToken: joinToken, json: "true" },
      maxRedirects: 0,
    });
    await record("join", response);
  }
  const instructorToken = await csrf(anonymous);
  for (let index = 0; index < 40; index += 1) {
    let email = badString();
    while (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) email = badString();
    const response = await anonymous.post("/api/auth/callback/instructor", {
      form: { email, password: badString(), csrfToken: instructorToken, json: "true" },
      maxRedirects: 0,
    });
    await record("instructor sign-in", response);
  }
  await joiner.dispose();

  // Every route with bad parameters and query strings.
  const routes = builtRoutes();
  // Lone surrogates can't be percent-encoded: they go as U+FFFD, as a browser would send them.
  const encode = (value: string) => encodeURIComponent(Buffer.from(value, "utf8").toString("utf8"));
  const segment = () =>
    rng.next() < 0.2
      ? rng.pick(["%", "%zz", "%C0%AE%C0%AE", "%252e%252e", "..%2F..%2F", "%00", "%E0%A4%A"])
      : encode(badString().slice(0, 2000)) || "%20";
  const routeInputs: Record<string, () => string> = {
    "/": () => `/?next=${segment()}&code=${segment()}`,
    "/credentials": () => `/credentials?next=${segment()}`,
    "/instructor": () => `/instructor?event=${segment()}`,
    "/instructor/sign-in": () => `/instructor/sign-in?callbackUrl=${segment()}&error=${segment()}`,
    "/instructor/invite/[token]": () => `/instructor/invite/${segment()}`,
    "/instructor/events/[eventId]": () => `/instructor/events/${segment()}`,
    "/instructor/events/[eventId]/settings": () => `/instructor/events/${segment()}/settings`,
    "/instructor/events/[eventId]/summary": () => `/instructor/events/${segment()}/summary`,
    "/instructor/events/[eventId]/attendees/[attendeeId]": () =>
      `/instructor/events/${NO_SUCH_ID}/attendees/${segment()}`,
    "/api/instructor/events/[eventId]/stream": () => `/api/instructor/events/${segment()}/stream`,
    "/api/instructor/events/[eventId]/export": () => `/api/instructor/events/${segment()}/export`,
    "/api/event/stream": () => `/api/event/stream?${segment()}`,
    "/lab": () => `/lab?${segment()}=${segment()}`,
    "/lab/sandbox": () => `/lab/sandbox?instance=${segment()}`,
    "/lab/[module]": () => `/lab/${segment()}`,
    "/lab/[module]/[step]": () =>
      rng.next() < 0.5 ? `/lab/${firstModule}/${segment()}` : `/lab/${segment()}/${segment()}`,
    "/api/status/[module]": () => `/api/status/${segment()}`,
    "/api/status/[module]/stream": () => `/api/status/${segment()}/stream`,
    "/api/downloads/[token]": () => `/api/downloads/${segment()}`,
    "/api/cleanup-report/[event]": () => `/api/cleanup-report/${segment()}`,
    "/downloads/sample-app/[file]": () => `/downloads/sample-app/${segment()}`,
    "/api/auth/[...nextauth]": () => `/api/auth/${segment()}/${segment()}`,
    "/api/ping": () => `/api/ping?${segment()}`,
    "/icon.svg": () => `/icon.svg?${segment()}`,
  };
  expect(
    routes.filter((route) => !routeInputs[route]),
    "routes without fuzz inputs",
  ).toEqual([]);
  for (const route of routes) {
    const make = routeInputs[route];
    if (!make) continue;
    for (let index = 0; index < 14; index += 1) {
      const url = make();
      // The attendee's own event stream never ends: only a stranger's request to it is answered.
      const asAttendee = rng.next() < 0.75 && route !== "/api/event/stream";
      const client = asAttendee ? attendee : anonymous;
      const response = await client.get(url, { maxRedirects: 0, timeout: 30_000 });
      await record(`GET ${url.slice(0, 120)}`, response);
    }
  }

  expect(
    [...actions.keys()].filter((key) => !covered.has(key)),
    "actions without fuzz inputs",
  ).toEqual([]);
  const after = rowCounts();
  const serverErrors = outcomes.filter((outcome) => outcome.status >= 500);
  const reflected = outcomes.filter(reflects);
  const summary = `fuzzing (seed ${SEED}): ${outcomes.length} inputs, ${serverErrors.length} 5xx, ${reflected.length} reflected`;
  console.log(summary);
  test.info().annotations.push({ type: "fuzz inputs", description: summary });
  expect(outcomes.length).toBeGreaterThanOrEqual(500);
  expect(serverErrors.map((outcome) => `${outcome.what}: ${outcome.status}`)).toEqual([]);
  expect(reflected.map((outcome) => outcome.what)).toEqual([]);
  expect(after).toEqual(before);
  await attendee.dispose();
  await anonymous.dispose();
});
