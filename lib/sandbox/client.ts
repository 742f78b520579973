import "server-only";
import { z } from "zod";
import { TOKEN_HEADER } from "@/lib/sandbox/control";

const resolutionSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("running"), url: z.url() }),
  z.object({ state: z.literal("not-running"), instanceState: z.string() }),
  z.object({ state: z.literal("not-found") }),
  z.object({ state: z.literal("no-app") }),
  z.object({ state: z.literal("full"), cap: z.number() }),
]);

/** What the portal can say about a sandbox instance's app; `unavailable`: no runtime to ask. */
export type SandboxApp = z.infer<typeof resolutionSchema> | { state: "unavailable" };

export type SandboxRuntimeConnection = { url: string; token: string };

const TIMEOUT_MS = 25_000;

async function call(connection: SandboxRuntimeConnection, path: string, init: RequestInit = {}) {
  return fetch(`${connection.url}${path}`, {
    ...init,
    headers: { ...init.headers, [TOKEN_HEADER]: connection.token },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/** Asks the runtime for the attendee's app behind an instance, starting it if it should run. */
export async function sandboxApp(
  connection: SandboxRuntimeConnection | undefined,
  target: { accountId: string; instanceId: string },
): Promise<SandboxApp> {
  if (!connection) return { state: "unavailable" };
  try {
    const response = await call(connection, "/resolve", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(target),
    });
    if (!response.ok) return { state: "unavailable" };
    const parsed = resolutionSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : { state: "unavailable" };
  } catch {
    return { state: "unavailable" };
  }
}

export type InstanceFiles = { config?: string; log: string };

/** The instance's config.env and the app's log, as the attendee would read them over SSH. */
export async function sandboxInstanceFiles(
  connection: SandboxRuntimeConnection,
  target: { accountId: string; instanceId: string },
): Promise<InstanceFiles | undefined> {
  const base = `/instances/${target.accountId}/${target.instanceId}`;
  try {
    const [config, log] = await Promise.all([
      call(connection, `${base}/config`),
      call(connection, `${base}/log`),
    ]);
    if (!log.ok) return undefined;
    return { config: config.ok ? await config.text() : undefined, log: await log.text() };
  } catch {
    return undefined;
  }
}

/** Saves config.env and reloads the app; false when the instance has no app (yet). */
export async function saveSandboxConfig(
  connection: SandboxRuntimeConnection,
  target: { accountId: string; instanceId: string },
  text: string,
): Promise<boolean> {
  try {
    const response = await call(
      connection,
      `/instances/${target.accountId}/${target.instanceId}/config`,
      {
        method: "PUT",
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: text,
      },
    );
    return response.status === 204;
  } catch {
    return false;
  }
}

const uploadSchema = z.object({
  status: z.string(),
  code: z.string().nullable(),
  key: z.string().nullable(),
});

/** An upload the sandbox made with the instance's role; status as the sample app names S3's answer. */
export type SandboxUpload = z.infer<typeof uploadSchema>;

/** Uploads a small file to `bucket` with the instance's role; undefined when it runs no app. */
export async function uploadAsSandboxInstance(
  connection: SandboxRuntimeConnection,
  target: { accountId: string; instanceId: string },
  bucket: string,
): Promise<SandboxUpload | undefined> {
  try {
    const response = await call(
      connection,
      `/instances/${target.accountId}/${target.instanceId}/upload`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ bucket }),
      },
    );
    if (!response.ok) return undefined;
    const parsed = uploadSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
