// The portal's sandbox runs this app on loopback for each attendee. Their "RDS endpoint" is a name
// the AWS emulator invented; the portal passes (in an environment variable, never in config.env)
// which of those names stand for the shared local MariaDB and the attendee's namespace prefix
// there. Nothing here resolves a name: a host outside the map fails the way DNS would, without a
// lookup, so the sandbox never sends traffic anywhere but loopback.
import { isIP } from "node:net";
import { z } from "zod";

export const SANDBOX_DATABASE_ENV = "AWS101_SANDBOX_DATABASE";

const RDS_PORT = 3306;

const loopbackAddress = z
  .string()
  .regex(
    /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]):\d{1,5}$/,
    "must be a loopback address:port (127.x.x.x or [::1])",
  );

const endpoint = z
  .string()
  .regex(/^[a-z0-9.-]+(:\d{1,5})?$/, "must be a lower-case host name, optionally with :port");

export const sandboxDatabaseSchema = z.object({
  /** RDS endpoint (`host` for port 3306, or `host:port`) → loopback `address:port` of MariaDB. */
  hosts: z.record(endpoint, loopbackAddress),
  /** Prepended to DB_NAME and DB_USER: the attendee's namespace on the shared server. */
  prefix: z.string().regex(/^[A-Za-z0-9_]{1,32}$/),
});

export type SandboxDatabase = z.output<typeof sandboxDatabaseSchema>;

/** Throws with one line per problem; the caller names the variable. */
export function parseSandboxDatabase(value: string): SandboxDatabase {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error("not valid JSON");
  }
  const result = sandboxDatabaseSchema.safeParse(json);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  return result.data;
}

export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

export type SandboxRoute =
  | { kind: "connect"; host: string; port: number; user: string; database: string }
  | {
      kind: "fail";
      problem: "host_not_found" | "refused" | "timeout";
      code: string;
      message: string;
    };

/** Where the app's DB_HOST/DB_PORT/DB_USER/DB_NAME lead in the sandbox, decided without any I/O. */
export function routeSandboxDatabase(
  sandbox: SandboxDatabase,
  target: DatabaseTarget,
): SandboxRoute {
  const host = target.host.trim().toLowerCase().replace(/\.$/, "");
  const mapped =
    sandbox.hosts[`${host}:${target.port}`] ??
    (target.port === RDS_PORT ? sandbox.hosts[host] : undefined);
  if (mapped) {
    const separator = mapped.lastIndexOf(":");
    return {
      kind: "connect",
      host: mapped.slice(0, separator).replace(/^\[|\]$/g, ""),
      port: Number(mapped.slice(separator + 1)),
      user: sandbox.prefix + target.user,
      database: target.database && sandbox.prefix + target.database,
    };
  }
  const address = `${target.host}:${target.port}`;
  if (isLoopbackName(host)) {
    // On the EC2 instance nothing listens on 3306: the lab installs only the MySQL client there.
    return {
      kind: "fail",
      problem: "refused",
      code: "ECONNREFUSED",
      message: `connect ECONNREFUSED ${address}`,
    };
  }
  if (isIP(host) !== 0 || isKnownEndpoint(sandbox, host)) {
    // An address (or the right endpoint on a port RDS does not listen on) gets no answer.
    return {
      kind: "fail",
      problem: "timeout",
      code: "ETIMEDOUT",
      message: `connect ETIMEDOUT ${address}`,
    };
  }
  return {
    kind: "fail",
    problem: "host_not_found",
    code: "ENOTFOUND",
    message: `getaddrinfo ENOTFOUND ${target.host}`,
  };
}

function isLoopbackName(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

function isKnownEndpoint(sandbox: SandboxDatabase, host: string): boolean {
  return Object.keys(sandbox.hosts).some((key) => key === host || key.startsWith(`${host}:`));
}

/** The server's messages name the namespaced database or user; the attendee typed neither. */
export function hideSandboxPrefix(sandbox: SandboxDatabase, message: string): string {
  return message.replaceAll(sandbox.prefix.replace(/_/g, "\\_"), "").replaceAll(sandbox.prefix, "");
}
