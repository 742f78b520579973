import "server-only";
import { createAwsClients, type AwsClients } from "@/lib/aws/client";
import { AwsCallError, type AwsProblem } from "@/lib/aws/errors";
import { assumeRole, assumeSandboxAccount } from "@/lib/aws/identity";
import { readRoleTrustPolicy } from "@/lib/aws/iam";
import { crossAccountRoleArn, type SharedZone } from "@/lib/lab/app-services";
import { sandboxEndpointFor } from "@/lib/sandbox/accounts";
import { authorize } from "@/lib/sandbox/policy-evaluation";

/** How the attendee's identity fares with the event's role in the instructor's account. */
export type InstructorAccess =
  | { state: "unconfigured" }
  | { state: "granted"; roleArn: string; aws: AwsClients }
  | {
      state: "refused";
      roleArn: string;
      /** trust: the role doesn't name the attendee; missing-role: no such role; denied: AWS said no. */
      reason: "trust" | "missing-role" | "denied";
      problem?: AwsProblem;
    };

export type CrossAccountScope = {
  sharedZone?: SharedZone;
  /** The attendee's own identity (an assumed-role session in the sandbox). */
  principalArn?: string;
  accountId?: string;
};

const SESSION_SECONDS = 3600;
/** A granted session is reused until this long before it expires: one AssumeRole an hour, not per refresh. */
const RENEW_BEFORE_MS = 10 * 60 * 1000;

type CachedSession = { aws: AwsClients; expiresAt: number };

// Per process: one assumed session per attendee identity and role.
const sessions = ((
  globalThis as { __aws101CrossAccount?: Map<string, CachedSession> }
).__aws101CrossAccount ??= new Map());

/**
 * Attendees' credentials are renewed every hour, each renewal a new key here: what expired goes
 * when the next session is kept, so a day of classes doesn't pile up old clients.
 */
export function keepSession(key: string, session: CachedSession, now = Date.now()) {
  for (const [known, kept] of sessions) if (kept.expiresAt <= now) sessions.delete(known);
  sessions.set(key, session);
}

/** For tests: the sessions this process keeps. */
export function keptSessionCount(): number {
  return sessions.size;
}

const ADMINISTRATOR = { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/**
 * The emulator hands out any role's credentials without reading its trust policy, so in the
 * sandbox the trust policy is evaluated here, as STS would; the attendee's sandbox identity is an
 * administrator of its own account.
 */
async function sandboxTrustRefusal(
  attendee: AwsClients,
  scope: CrossAccountScope & { sharedZone: SharedZone },
): Promise<"trust" | "missing-role" | undefined> {
  const endpoint = attendee.target.endpoint;
  if (!endpoint || !scope.principalArn || !scope.accountId) return "trust";
  const instructor = await sandboxInstructorClients(
    scope.sharedZone.sandboxEndpoints ?? endpoint,
    attendee.target.region,
    scope.sharedZone,
  );
  const trustPolicy = await readRoleTrustPolicy(instructor, scope.sharedZone.roleName);
  if (trustPolicy === undefined) return "missing-role";
  const roleArn = crossAccountRoleArn(scope.sharedZone);
  const decision = authorize({
    request: {
      principal: {
        kind: "role-session",
        accountId: scope.accountId,
        roleArn: scope.principalArn,
        sessionArn: scope.principalArn,
      },
      action: "sts:AssumeRole",
      resource: roleArn,
      context: { "aws:PrincipalAccount": scope.accountId, "aws:PrincipalArn": scope.principalArn },
      knownKeys: [],
    },
    identityPolicies: [ADMINISTRATOR],
    resourcePolicy: trustPolicy,
    crossAccount: scope.accountId !== scope.sharedZone.instructorAccountId,
  });
  return decision.result === "allowed" ? undefined : "trust";
}

/**
 * The portal's own administrator view of the sandbox instructor account (the demo's instructor),
 * on the emulator process that account lives on (`endpoints` may name several).
 */
export async function sandboxInstructorClients(
  endpoints: string,
  region: string,
  zone: Pick<SharedZone, "instructorAccountId">,
): Promise<AwsClients> {
  const endpoint = sandboxEndpointFor(endpoints, zone.instructorAccountId);
  const key = `sandbox-instructor|${endpoint}|${zone.instructorAccountId}|${region}`;
  const cached = sessions.get(key);
  if (cached && cached.expiresAt - RENEW_BEFORE_MS > Date.now()) return cached.aws;
  const credentials = await assumeSandboxAccount({
    endpoint,
    region,
    accountId: zone.instructorAccountId,
    sessionName: "aws101-instructor",
    durationSeconds: SESSION_SECONDS,
  });
  const aws = createAwsClients({ credentials, region, endpoint });
  keepSession(key, { aws, expiresAt: credentials.expiration.getTime() });
  return aws;
}

/**
 * Switches role as the console's "역할 전환" does: sts:AssumeRole from the attendee's own
 * credentials into the event's role, so everything in the shared zone is done as the attendee.
 */
export async function instructorAccess(
  attendee: AwsClients,
  scope: CrossAccountScope,
): Promise<InstructorAccess> {
  const zone = scope.sharedZone;
  if (!zone) return { state: "unconfigured" };
  const roleArn = crossAccountRoleArn(zone);
  if (attendee.target.endpoint) {
    const refusal = await sandboxTrustRefusal(attendee, { ...scope, sharedZone: zone });
    if (refusal) return { state: "refused", roleArn, reason: refusal };
  }
  const key = `${attendee.target.credentials.accessKeyId}|${roleArn}|${attendee.target.region}`;
  const cached = sessions.get(key);
  if (cached && cached.expiresAt - RENEW_BEFORE_MS > Date.now()) {
    return { state: "granted", roleArn, aws: cached.aws };
  }
  // With several emulator processes the role may live on another one than the attendee's
  // account: it is assumed there (the trust policy was evaluated above, as STS would).
  const instructorEndpoint =
    zone.sandboxEndpoints && sandboxEndpointFor(zone.sandboxEndpoints, zone.instructorAccountId);
  const via =
    instructorEndpoint && instructorEndpoint !== attendee.target.endpoint
      ? await sandboxInstructorClients(instructorEndpoint, attendee.target.region, zone)
      : attendee;
  try {
    const credentials = await assumeRole(via, {
      roleArn,
      sessionName: `aws101-${(scope.accountId ?? "attendee").slice(-8)}`,
      durationSeconds: SESSION_SECONDS,
    });
    const aws = createAwsClients({
      credentials,
      region: attendee.target.region,
      ...(via.target.endpoint ? { endpoint: via.target.endpoint } : {}),
    });
    keepSession(key, { aws, expiresAt: credentials.expiration.getTime() });
    return { state: "granted", roleArn, aws };
  } catch (error) {
    if (error instanceof AwsCallError && error.problem.code === "access_denied") {
      return { state: "refused", roleArn, reason: "denied", problem: error.problem };
    }
    throw error;
  }
}
