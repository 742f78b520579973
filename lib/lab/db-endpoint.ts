import "server-only";
import { createAwsClients } from "@/lib/aws/client";
import { isAwsFailure } from "@/lib/aws/errors";
import { currentAttendee } from "@/lib/auth/session";
import { resolveCredentials } from "@/lib/credentials";
import { findLabDb } from "@/lib/lab/database-facts";
import { factReader } from "@/lib/lab/facts";
import { runnerEnvironment } from "@/lib/lab/runtime";

/**
 * The signed-in attendee's awslab endpoint, for the commands on the lab pages; undefined until it
 * has one, or when AWS can't be asked (the page then shows a placeholder). One DescribeDBInstances.
 */
export async function attendeeDbEndpoint(): Promise<string | undefined> {
  const session = await currentAttendee();
  if (!session) return undefined;
  const runtime = await runnerEnvironment();
  const attendeeId = session.attendee.id;
  const resolved = await resolveCredentials(runtime.db, attendeeId, runtime.sandboxEndpoint);
  if (!resolved) return undefined;
  try {
    const dbs = await factReader(
      createAwsClients(resolved.target),
      `${attendeeId}|${resolved.target.region}`,
    ).read("dbInstances");
    return findLabDb(dbs)?.endpoint?.address;
  } catch (error) {
    if (isAwsFailure(error)) return undefined;
    throw error;
  }
}
