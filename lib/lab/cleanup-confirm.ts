import "server-only";
import type { PortalDb } from "@/lib/db/connection";
import { listStepStatus, readStepMemory, writeStepMemory } from "@/lib/db/queries";
import { CLEANUP_STEP_ID, CONFIRM_PREFIX, confirmAmbiguous } from "@/lib/lab/steps/cleanup";

/**
 * Only a bucket or IAM user the attendee's own latest clean-up check listed as ambiguous can be
 * confirmed; the deletion itself still happens only in the attendee's own account.
 */
export async function confirmCleanupItem(
  db: PortalDb,
  attendeeId: string,
  name: string,
): Promise<boolean> {
  const row = (await listStepStatus(db, attendeeId)).find(
    (status) => status.step_id === CLEANUP_STEP_ID,
  );
  const items: unknown = row ? JSON.parse(row.items_json) : [];
  const listed =
    Array.isArray(items) &&
    items.some(
      (item: unknown) =>
        typeof item === "object" &&
        item !== null &&
        (item as { id?: unknown }).id === `${CONFIRM_PREFIX}${name}`,
    );
  if (!listed) return false;
  await confirmAmbiguous(
    {
      read: (stepId) => readStepMemory(db, attendeeId, stepId),
      write: (stepId, value) => writeStepMemory(db, { attendeeId, stepId, value }),
    },
    name,
  );
  return true;
}
