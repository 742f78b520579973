import "server-only";
import type { ModuleStatus } from "@/lib/lab/runner";

type Listener = (status: ModuleStatus) => void;

type Entry = { status?: ModuleStatus; listeners: Set<Listener> };

// Per process, not per route bundle: the status route, the stream and the actions share it.
const entries = ((
  globalThis as { __aws101StatusStore?: Map<string, Entry> }
).__aws101StatusStore ??= new Map());

const keyOf = (attendeeId: string, moduleId: string) => `${attendeeId}|${moduleId}`;

function entry(attendeeId: string, moduleId: string): Entry {
  const key = keyOf(attendeeId, moduleId);
  let found = entries.get(key);
  if (!found) {
    found = { listeners: new Set() };
    entries.set(key, found);
  }
  return found;
}

/** The attendee's latest evaluated status of a module, answered without asking AWS. */
export function storedStatus(attendeeId: string, moduleId: string): ModuleStatus | undefined {
  return entries.get(keyOf(attendeeId, moduleId))?.status;
}

const sameContent = (a: ModuleStatus | undefined, b: ModuleStatus) =>
  a !== undefined && JSON.stringify([a.steps, a.problem]) === JSON.stringify([b.steps, b.problem]);

/** Keeps the newest status and tells every open stream of the attendee when something changed. */
export function putStatus(attendeeId: string, status: ModuleStatus) {
  const found = entry(attendeeId, status.moduleId);
  if (found.status && Date.parse(found.status.checkedAt) > Date.parse(status.checkedAt)) return;
  const changed = !sameContent(found.status, status);
  found.status = status;
  if (changed) for (const listener of found.listeners) listener(status);
}

export function subscribeToStatus(
  attendeeId: string,
  moduleId: string,
  listener: Listener,
): () => void {
  const found = entry(attendeeId, moduleId);
  found.listeners.add(listener);
  return () => found.listeners.delete(listener);
}

/** Drops what is stored for an attendee whose account changed (new credentials, sign-out). */
export function forgetStatuses(attendeeId: string) {
  for (const [key, found] of entries) {
    if (key.startsWith(`${attendeeId}|`)) found.status = undefined;
  }
}
