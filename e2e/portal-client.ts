// The portal as a client other than the page sees it: routes and server actions read from the
// built app, sessions signed in over next-auth's own endpoints, actions called with `Next-Action`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { seedPortal } from "../scripts/lib/stack.mjs";
import { JOIN_CODE } from "./fixtures";

const root = process.cwd();
const built = (file: string) => path.join(root, ".next", "server", file);

/** Route patterns of the built app (`/lab/[module]`), framework-internal ones left out. */
export function builtRoutes(): string[] {
  const manifest = JSON.parse(readFileSync(built("app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .filter((key) => !/^\/_(global-error|not-found)\//.test(key))
    .map((key) => key.replace(/\/(page|route)$/, "") || "/");
}

export type BuiltAction = { id: string; key: string; pages: string[] };

/** Server actions of the built app, keyed `file#export` (`app/lab/actions.ts#checkStepAction`). */
export function builtActions(): Map<string, BuiltAction> {
  const manifest = JSON.parse(readFileSync(built("server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: object }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => {
      const key = `${entry.filename}#${entry.exportedName}`;
      return [key, { id, key, pages: Object.keys(entry.workers) }];
    }),
  );
}

/** What the e2e stack records (scripts/lib/stack.mjs): logs, responses, the emulator's address. */
export const CAPTURE_DIR = path.join(root, "data", "e2e-capture");
/** Secrets e2e/secrets.spec.ts planted, for e2e/no-secrets.teardown.ts to look for. */
export const PLANTED_FILE = path.join(CAPTURE_DIR, "planted.json");

export function stackInfo(): { emulatorEndpoint: string } {
  return JSON.parse(readFileSync(path.join(CAPTURE_DIR, "stack.json"), "utf8"));
}

/**
 * Temporary credentials the emulator really issued, as an attendee would paste them: an IAM user
 * with an access key, which assumes a role. The portal is told (PASTED_CREDENTIALS_ENDPOINT) to
 * verify pasted credentials at the emulator.
 */
export async function emulatorTemporaryCredentials(name: string) {
  const endpoint = stackInfo().emulatorEndpoint;
  const region = "ap-northeast-2";
  const admin = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x".repeat(40) };
  const iam = new IAMClient({ region, endpoint, credentials: admin });
  await iam.send(new CreateUserCommand({ UserName: name }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  const sts = new STSClient({
    region,
    endpoint,
    credentials: {
      accessKeyId: key.AccessKey?.AccessKeyId ?? "",
      secretAccessKey: key.AccessKey?.SecretAccessKey ?? "",
    },
  });
  const account = `4${String(Math.floor(Math.random() * 1e11)).padStart(11, "0")}`;
  const assumed = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/${name}`,
      RoleSessionName: name,
    }),
  );
  const credentials = assumed.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken)
    throw new Error("the emulator issued no temporary credentials");
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    region,
  };
}

export function secretsOfRun(): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path.join(root, "data", "e2e.env"), "utf8")
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** Another instructor and event in the e2e database, made with the admin CLI. */
export async function seedEvent(input: { email: string; password: string; joinCode: string }) {
  await seedPortal({
    env: { ...secretsOfRun(), DATABASE_URL: "file:./data/e2e.db" },
    instructorEmail: input.email,
    instructorPassword: input.password,
    joinCode: input.joinCode,
    eventName: `Event ${input.joinCode}`,
  });
}

async function csrfToken(request: APIRequestContext): Promise<string> {
  await request.get("/api/ping");
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  return csrfToken;
}

export async function signInAttendee(
  request: APIRequestContext,
  displayName: string,
  joinCode = JOIN_CODE,
): Promise<APIResponse> {
  return request.post("/api/auth/callback/attendee", {
    form: { joinCode, displayName, email: "", csrfToken: await csrfToken(request), json: "true" },
  });
}

export async function signInInstructor(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<APIResponse> {
  return request.post("/api/auth/callback/instructor", {
    form: { email, password, csrfToken: await csrfToken(request), json: "true" },
  });
}

export type ActionReply = { status: number; result: unknown; text: string };

/** The value an action returned, from its RSC reply (row 0 names the row holding it). */
export function actionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  const reference = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof reference !== "string" || !reference.startsWith("$@")) return reference;
  const row = rows.get(reference.slice(2));
  if (row === undefined || row.startsWith("E")) return undefined;
  return JSON.parse(row);
}

/**
 * A server action called as React's client calls it: POST to a page that uses it, the action id in
 * `Next-Action`, the arguments encoded by `encodeReply` (JSON, or multipart when one is FormData).
 */
export async function callAction(
  request: APIRequestContext,
  page: string,
  actionId: string,
  body: string | { multipart: FormData },
): Promise<ActionReply> {
  const headers = { "Next-Action": actionId, Accept: "text/x-component" };
  const response =
    typeof body === "string"
      ? await request.post(page, {
          headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" },
          data: body,
          maxRedirects: 0,
        })
      : await request.post(page, { headers, multipart: body.multipart, maxRedirects: 0 });
  const text = await response.text();
  let result: unknown;
  try {
    result = actionResult(text);
  } catch {
    result = undefined;
  }
  return { status: response.status(), result, text };
}

/** encodeReply's text for plain JSON arguments: strings starting with `$` are escaped as `$$`. */
export function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
  );
}

/** encodeReply's multipart for `(previousState, formData)`, as `useActionState` sends it: the root last. */
export function encodeFormArgs(previous: unknown, fields: Record<string, string>) {
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", `[${encodeArgs([previous]).slice(1, -1)},"$K1"]`);
  return { multipart };
}

export function pageOf(action: BuiltAction, params: Record<string, string>): string {
  const worker = action.pages.find((page) => page !== "app/_not-found/page") ?? "app/page";
  const pattern = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
  return pattern.replace(/\[(\w+)\]/g, (_all, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`no value for [${name}] in ${pattern}`);
    return value;
  });
}
