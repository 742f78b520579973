import "server-only";
import type { AttendeeSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { shownModuleStatus } from "@/lib/lab/guard";
import type { ModuleStatusView } from "@/lib/lab/views";
import type { Translator } from "@/messages";

/** The page's module status in its HTML: the panel paints at once and asks nothing on opening. */
export async function shownStatuses(
  session: AttendeeSession,
  moduleId: string,
  t: Translator,
): Promise<Record<string, ModuleStatusView>> {
  const shown = await shownModuleStatus(await db(), session, moduleId, t);
  return shown ? { [moduleId]: shown } : {};
}
