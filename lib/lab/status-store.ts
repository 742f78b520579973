import "server-only";
import { z } from "zod";
import { publishChange, subscribeChanges } from "@/lib/db/changes";
import type { PortalDb } from "@/lib/db/connection";
import {
  findModuleStatus,
  listEventModuleStatuses,
  saveModuleStatuses,
  type ModuleStatusRow,
} from "@/lib/db/module-status";
import type { ModuleStatus, Problem } from "@/lib/lab/runner";
import type { CheckItem } from "@/lib/lab/types";
import { log } from "@/lib/log";

type Listener = (status: ModuleStatus) => void;

type Entry = {
  status?: ModuleStatus;
  listeners: Set<Listener>;
  /** What the database holds: its content and when it was checked. */
  persisted?: { content: string; checkedAt: number };
};

type StoreState = {
  entries: Map<string, Entry>;
  /** When each attendee's account last changed: anything checked before is not their status. */
  staleBefore: Map<string, number>;
  pending: Map<PortalDb, Map<string, ModuleStatusRow>>;
  flushTimer?: NodeJS.Timeout;
  flushing: Promise<void>;
  writes: { statements: number; rows: number };
  following: WeakSet<PortalDb>;
};

// Per process, not per route bundle: the status route, the stream and the actions share it.
const state: StoreState = ((
  globalThis as { __aws101StatusStore?: StoreState }
).__aws101StatusStore ??= {
  entries: new Map(),
  staleBefore: new Map(),
  pending: new Map(),
  flushing: Promise.resolve(),
  writes: { statements: 0, rows: 0 },
  following: new WeakSet(),
});

/** An unchanged status is written again only this much later, so the database's checkedAt stays near. */
const REWRITE_UNCHANGED_MS = 10_000;
/** Writes of this long are gathered into one statement. */
const FLUSH_AFTER_MS = 250;

const keyOf = (attendeeId: string, moduleId: string) => `${attendeeId}|${moduleId}`;

function entry(attendeeId: string, moduleId: string): Entry {
  const key = keyOf(attendeeId, moduleId);
  let found = state.entries.get(key);
  if (!found) {
    found = { listeners: new Set() };
    state.entries.set(key, found);
  }
  return found;
}

const contentOf = (status: ModuleStatus) => JSON.stringify([status.steps, status.problem]);

const storedStatusSchema = z.object({
  moduleId: z.string(),
  checkedAt: z.iso.datetime(),
  steps: z.array(
    z.object({
      stepId: z.string(),
      state: z.enum(["not-started", "pending", "fail", "pass", "unobservable", "error"]),
      items: z.array(z.custom<CheckItem>((item) => typeof item === "object" && item !== null)),
    }),
  ),
  problem: z
    .custom<Problem>(
      (problem) => typeof problem === "object" && problem !== null && "code" in problem,
    )
    .optional(),
  awsCalls: z.number(),
});

function parseRow(row: ModuleStatusRow): ModuleStatus | undefined {
  try {
    return storedStatusSchema.parse(JSON.parse(row.status_json));
  } catch (error) {
    log().warn({ err: error, moduleId: row.module_id }, "stored module status unreadable");
    return undefined;
  }
}

/** The attendee's latest evaluated status of a module in this process, without asking AWS. */
export function storedStatus(attendeeId: string, moduleId: string): ModuleStatus | undefined {
  return state.entries.get(keyOf(attendeeId, moduleId))?.status;
}

/**
 * From memory, else from the database (another instance, or this one before a restart), never
 * from AWS. Undefined when nothing current is stored.
 */
export async function loadStatus(
  db: PortalDb,
  attendeeId: string,
  moduleId: string,
): Promise<ModuleStatus | undefined> {
  const found = state.entries.get(keyOf(attendeeId, moduleId));
  if (found?.status) return found.status;
  const row = await findModuleStatus(db, attendeeId, moduleId);
  const status = row ? parseRow(row) : undefined;
  if (!status) return undefined;
  if (Date.parse(status.checkedAt) < (state.staleBefore.get(attendeeId) ?? 0)) return undefined;
  const current = entry(attendeeId, moduleId);
  current.status ??= status;
  current.persisted ??= { content: contentOf(status), checkedAt: Date.parse(status.checkedAt) };
  return current.status;
}

/**
 * Keeps the newest status, tells every open stream of the attendee when something changed, and
 * queues it for the database when its content changed or the stored one is getting old.
 */
export function putStatus(db: PortalDb, attendeeId: string, status: ModuleStatus) {
  const found = entry(attendeeId, status.moduleId);
  const checkedAt = Date.parse(status.checkedAt);
  if (found.status && Date.parse(found.status.checkedAt) > checkedAt) return;
  const content = contentOf(status);
  const changed = found.status === undefined || contentOf(found.status) !== content;
  found.status = status;
  if (changed) for (const listener of found.listeners) listener(status);
  const persisted = found.persisted;
  if (
    persisted &&
    persisted.content === content &&
    checkedAt - persisted.checkedAt < REWRITE_UNCHANGED_MS
  ) {
    return;
  }
  found.persisted = { content, checkedAt };
  queueWrite(db, {
    attendee_id: attendeeId,
    module_id: status.moduleId,
    status_json: JSON.stringify(status),
    checked_at: status.checkedAt,
  });
}

function queueWrite(db: PortalDb, row: ModuleStatusRow) {
  let rows = state.pending.get(db);
  if (!rows) {
    rows = new Map();
    state.pending.set(db, rows);
  }
  rows.set(keyOf(row.attendee_id, row.module_id), row);
  if (state.flushTimer) return;
  state.flushTimer = setTimeout(() => void flushStatuses(), FLUSH_AFTER_MS);
  state.flushTimer.unref();
}

async function write(db: PortalDb, rows: ModuleStatusRow[]) {
  try {
    await saveModuleStatuses(db, rows);
    state.writes.statements += 1;
    state.writes.rows += rows.length;
    for (const row of rows) {
      await publishChange(db, "status", keyOf(row.attendee_id, row.module_id)).catch(
        (error: unknown) => log().warn({ err: error }, "status change not announced"),
      );
    }
  } catch (error) {
    // One attendee removed meanwhile (a foreign key) must not lose the others' statuses.
    if (rows.length > 1) {
      for (const row of rows) await write(db, [row]);
    } else {
      log().warn({ err: error, moduleId: rows[0]?.module_id }, "module status not saved");
    }
  }
}

/** Writes what is queued now; resolves when it (and any write before it) is in the database. */
export function flushStatuses(): Promise<void> {
  clearTimeout(state.flushTimer);
  state.flushTimer = undefined;
  const batches = [...state.pending];
  state.pending.clear();
  state.flushing = state.flushing.then(async () => {
    for (const [db, rows] of batches) await write(db, [...rows.values()]);
  });
  return state.flushing;
}

/** For the benchmark: how much the store has written. */
export function storeWrites() {
  return { ...state.writes };
}

/**
 * Streams held here hear statuses other portal instances write (the change feed says which; the
 * row is re-read): once per process and database, before the first stream opens.
 */
export async function followOtherInstances(db: PortalDb) {
  if (state.following.has(db)) return;
  state.following.add(db);
  await subscribeChanges(db, "status", (key) => void takeNewerFromDatabase(db, key));
}

async function takeNewerFromDatabase(db: PortalDb, key: string) {
  const found = state.entries.get(key);
  if (!found || found.listeners.size === 0) return;
  const [attendeeId = "", moduleId = ""] = key.split("|");
  const row = await findModuleStatus(db, attendeeId, moduleId).catch(() => undefined);
  const status = row ? parseRow(row) : undefined;
  if (!status || (found.status && found.status.checkedAt >= status.checkedAt)) return;
  const changed = found.status === undefined || contentOf(found.status) !== contentOf(status);
  found.status = status;
  found.persisted = { content: contentOf(status), checkedAt: Date.parse(status.checkedAt) };
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

/** Drops what is stored for an attendee whose account changed (new credentials, an apply). */
export function forgetStatuses(attendeeId: string) {
  state.staleBefore.set(attendeeId, Date.now());
  for (const [key, found] of state.entries) {
    if (key.startsWith(`${attendeeId}|`)) found.status = undefined;
  }
}

/**
 * The instructor grid's read: every attendee's latest status of every module of the event, in one
 * query, with what this process holds when it is newer than the database.
 */
export async function eventStatuses(
  db: PortalDb,
  eventId: string,
): Promise<{ attendeeId: string; status: ModuleStatus }[]> {
  const rows = await listEventModuleStatuses(db, eventId);
  return rows.flatMap((row) => {
    const inMemory = storedStatus(row.attendee_id, row.module_id);
    const status = inMemory && inMemory.checkedAt >= row.checked_at ? inMemory : parseRow(row);
    return status ? [{ attendeeId: row.attendee_id, status }] : [];
  });
}
