import "server-only";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AwsClients } from "@/lib/aws/client";
import { type InstanceProfileRole, readInstanceProfileRole } from "@/lib/aws/iam-policies";
import { assumeRole } from "@/lib/aws/identity";
import { log } from "@/lib/log";
import { type LoopbackServer, listenOnLoopback } from "@/lib/sandbox/loopback";
import { trustPolicyAllows } from "@/lib/sandbox/policy-evaluation";
import type { RoleSessionRegistry } from "@/lib/sandbox/role-sessions";

export type InstanceMetadataOptions = {
  instanceId: string;
  /** The attendee's emulator account; its region is the instance's region. */
  accountId: string;
  aws: AwsClients;
  /**
   * Read on every credentials request, because the attendee attaches and detaches the role
   * while the app runs. undefined: the instance is gone.
   */
  describe: () => Promise<{ instanceProfileArn?: string } | undefined>;
  sessions: RoleSessionRegistry;
  availabilityZone?: string;
  host?: string;
  port?: number;
  /** Lifetime of the role credentials handed out; 900 s (STS's minimum) unless set. */
  credentialSeconds?: number;
};

const MAX_TOKEN_TTL_SECONDS = 21_600;
const LISTING_REUSE_MS = 1_000;
const CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

type Issued = { roleArn: string; body: string; expiresAt: number; renewAt: number };

/**
 * EC2's instance metadata service (IMDSv2, token required) for one emulated instance: what the
 * sample app and the AWS SDK's credential provider read. The role credentials are a real STS
 * session of the instance's role in the attendee's emulator account, registered with `sessions`
 * so the S3 gate can tell whose request it sees.
 */
export async function startInstanceMetadata(
  options: InstanceMetadataOptions,
): Promise<LoopbackServer> {
  const lifetimeSeconds = options.credentialSeconds ?? 900;
  const tokens = new Map<string, number>();
  let issued: Issued | undefined;

  const issueToken = (request: IncomingMessage, response: ServerResponse) => {
    const ttl = Number(request.headers["x-aws-ec2-metadata-token-ttl-seconds"]);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_TTL_SECONDS) {
      return send(response, 400, "");
    }
    const now = Date.now();
    for (const [token, expiresAt] of tokens) if (expiresAt < now) tokens.delete(token);
    const token = randomBytes(32).toString("base64url");
    tokens.set(token, now + ttl * 1000);
    response.setHeader("x-aws-ec2-metadata-token-ttl-seconds", String(ttl));
    send(response, 200, token);
  };

  const hasValidToken = (request: IncomingMessage) => {
    const token = request.headers["x-aws-ec2-metadata-token"];
    const expiresAt = typeof token === "string" ? tokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > Date.now();
  };

  const lookUpRole = async (): Promise<InstanceProfileRole | undefined> => {
    const instance = await options.describe();
    if (!instance?.instanceProfileArn) return undefined;
    return readInstanceProfileRole(options.aws, instance.instanceProfileArn);
  };
  // Clients ask for the role's name and then, right away, its credentials: the second request
  // reuses what the first one found instead of reading the instance and its profile again.
  let listed: { at: number; role: InstanceProfileRole } | undefined;
  const roleNamed = async (name: string) => {
    if (listed && listed.role.name === name && Date.now() - listed.at < LISTING_REUSE_MS) {
      return listed.role;
    }
    const role = await lookUpRole();
    return role?.name === name ? role : undefined;
  };

  const credentialsFor = async (role: InstanceProfileRole): Promise<string> => {
    const now = Date.now();
    if (issued && issued.roleArn === role.arn && issued.renewAt > now) return issued.body;
    if (!ec2MayAssume(role)) {
      // What EC2 reports when the role's trust policy does not name ec2.amazonaws.com.
      return JSON.stringify({
        Code: "AssumeRoleUnauthorizedAccess",
        Message: `EC2 cannot assume the role ${role.name}. Please see documentation at http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html.`,
        LastUpdated: isoSeconds(now),
      });
    }
    const credentials = await assumeRole(options.aws, {
      roleArn: role.arn,
      sessionName: options.instanceId,
      durationSeconds: lifetimeSeconds,
    });
    options.sessions.register({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      accountId: options.accountId,
      roleName: role.name,
      roleArn: role.arn,
      sessionName: options.instanceId,
      expiresAt: credentials.expiration,
      account: options.aws,
    });
    const body = JSON.stringify({
      Code: "Success",
      LastUpdated: isoSeconds(now),
      Type: "AWS-HMAC",
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      Token: credentials.sessionToken,
      Expiration: isoSeconds(credentials.expiration.getTime()),
    });
    // Renewed while two thirds of the lifetime remain, so the SDK never holds a nearly expired key.
    const expiresAt = credentials.expiration.getTime();
    issued = {
      roleArn: role.arn,
      body,
      expiresAt,
      renewAt: expiresAt - (lifetimeSeconds * 2000) / 3,
    };
    return body;
  };

  const metadata = async (path: string, response: ServerResponse) => {
    const region = options.aws.target.region;
    if (path === "/latest/meta-data/instance-id") return send(response, 200, options.instanceId);
    if (path === "/latest/meta-data/placement/region") return send(response, 200, region);
    if (path === "/latest/meta-data/placement/availability-zone" && options.availabilityZone) {
      return send(response, 200, options.availabilityZone);
    }
    if (path === CREDENTIALS_PATH || path === CREDENTIALS_PATH.slice(0, -1)) {
      const role = await lookUpRole();
      listed = role && { at: Date.now(), role };
      return role ? send(response, 200, role.name) : send(response, 404, "");
    }
    if (path.startsWith(CREDENTIALS_PATH)) {
      const requested = decodeURIComponent(path.slice(CREDENTIALS_PATH.length));
      const role = await roleNamed(requested);
      if (!role) return send(response, 404, "");
      return send(response, 200, await credentialsFor(role));
    }
    send(response, 404, "");
  };

  return listenOnLoopback(
    (request, response) => {
      const path = (request.url ?? "/").split("?")[0] ?? "/";
      if (path === "/latest/api/token") {
        return request.method === "PUT" ? issueToken(request, response) : send(response, 405, "");
      }
      if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "");
      if (!hasValidToken(request)) return send(response, 401, "");
      metadata(path, response).catch((error: unknown) => {
        log().warn(
          { err: error, instanceId: options.instanceId },
          "sandbox instance metadata failed",
        );
        if (!response.headersSent) send(response, 500, "");
      });
    },
    { host: options.host, port: options.port },
  );
}

function send(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, { "content-type": "text/plain" }).end(body);
}

/** IMDS writes timestamps without milliseconds. */
function isoSeconds(time: number): string {
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function ec2MayAssume(role: InstanceProfileRole): boolean {
  if (!role.trustPolicy) return false;
  return trustPolicyAllows(role.trustPolicy, {
    principal: { kind: "service", service: "ec2.amazonaws.com" },
    action: "sts:AssumeRole",
    resource: role.arn,
    context: {},
    knownKeys: [],
  });
}
