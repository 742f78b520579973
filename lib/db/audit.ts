import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AwsRequest } from "@/lib/aws/call-counter";
import type { PortalDb } from "@/lib/db/connection";
import type { AuditLogTable } from "@/lib/db/schema";

export type AuditEntry = Omit<AuditLogTable, "id" | "created_at" | "aws_requests"> & {
  awsRequests: AwsRequest[];
};

export async function recordAudit(db: PortalDb, entry: AuditEntry) {
  const { awsRequests, ...columns } = entry;
  await db
    .insertInto("audit_log")
    .values({
      id: randomUUID(),
      created_at: new Date().toISOString(),
      ...columns,
      aws_requests: JSON.stringify(awsRequests),
    })
    .execute();
}

const awsRequestsSchema = z.array(
  z.object({
    operation: z.string(),
    requestId: z.string().optional(),
    errorCode: z.string().optional(),
  }),
);

export type AuditRow = Omit<AuditLogTable, "aws_requests"> & {
  attendee_name: string | null;
  awsRequests: AwsRequest[];
};

/**
 * The event's audit log, newest first, for the event's instructors only: the ownership check is part
 * of the query, so another instructor gets nothing.
 */
export async function listEventAudit(
  db: PortalDb,
  input: { eventId: string; instructorId: string; limit?: number },
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom("audit_log")
    .innerJoin("event_instructors", "event_instructors.event_id", "audit_log.event_id")
    .leftJoin("attendees", "attendees.id", "audit_log.attendee_id")
    .selectAll("audit_log")
    .select("attendees.display_name as attendee_name")
    .where("audit_log.event_id", "=", input.eventId)
    .where("event_instructors.instructor_id", "=", input.instructorId)
    .orderBy("audit_log.created_at", "desc")
    .limit(input.limit ?? 100)
    .execute();
  return rows.map(({ aws_requests, ...row }) => {
    const parsed = awsRequestsSchema.safeParse(JSON.parse(aws_requests));
    return { ...row, awsRequests: parsed.success ? parsed.data : [] };
  });
}
