import "server-only";
import type { AwsClients } from "@/lib/aws/client";

/** Credentials a sandbox instance's metadata service handed to the app running "on" it. */
export type RoleSession = {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  roleName: string;
  roleArn: string;
  /** The instance id, as EC2 names its role sessions. */
  sessionName: string;
  expiresAt: Date;
  /** Clients in the attendee's emulator account: the S3 gate reads policies with them. */
  account: AwsClients;
};

export function sessionArn(session: RoleSession): string {
  return `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`;
}

// Expired keys are remembered a while so a late request gets ExpiredToken, not InvalidAccessKeyId.
const REMEMBER_EXPIRED_MS = 60 * 60 * 1000;

/**
 * The keys the sandbox handed out, shared by the instance metadata servers (which register) and
 * the S3 gate (which looks callers up). One registry per process: keep it on globalThis.
 */
export class RoleSessionRegistry {
  private readonly sessions = new Map<string, RoleSession>();

  register(session: RoleSession): void {
    const forgetBefore = Date.now() - REMEMBER_EXPIRED_MS;
    for (const [key, known] of this.sessions) {
      if (known.expiresAt.getTime() < forgetBefore) this.sessions.delete(key);
    }
    this.sessions.set(session.accessKeyId, session);
  }

  find(accessKeyId: string): RoleSession | undefined {
    return this.sessions.get(accessKeyId);
  }
}
