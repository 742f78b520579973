import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { useClock, useShownStatus } from "@/components/lab/LabSettings";
import type { CheckView, ModuleStatusView } from "@/lib/lab/views";

const moduleStatusUrl = (moduleId: string) => `/api/status/${encodeURIComponent(moduleId)}`;

const isOlder = (incoming: ModuleStatusView, shown: ModuleStatusView | undefined) =>
  shown !== undefined && Date.parse(incoming.checkedAt) < Date.parse(shown.checkedAt);

// While the first reading is under way the fallback looks again soon; it asks only if no open
// stream is there to bring the reading.
const pollAfterMs = (shown: ModuleStatusView | undefined) => (shown?.refreshing ? 2_000 : 15_000);
const FOCUS_THROTTLE_MS = 5_000;

type Snapshot = { data: ModuleStatusView | undefined; isValidating: boolean };

type Entry = {
  snapshot: Snapshot;
  listeners: Set<() => void>;
  /** Bumped by every push and local result: a poll sent before one of them is stale on arrival. */
  generation: number;
  /** The generation of the request under way. */
  inFlight?: number;
  poll?: ReturnType<typeof setTimeout>;
  focusedAt: number;
};

// Before the first reading (and on the server) the panel shows it is fetching.
const FIRST_READING: Snapshot = { data: undefined, isValidating: true };

// One entry per module for the whole page and across client navigations, however many panels,
// cards and checks show it.
const entries = new Map<string, Entry>();

function entryOf(moduleId: string): Entry {
  let entry = entries.get(moduleId);
  if (!entry) {
    entry = { snapshot: FIRST_READING, listeners: new Set(), generation: 0, focusedAt: 0 };
    entries.set(moduleId, entry);
  }
  return entry;
}

function publish(entry: Entry, snapshot: Snapshot) {
  entry.snapshot = snapshot;
  for (const listener of entry.listeners) listener();
}

function schedulePoll(moduleId: string, entry: Entry) {
  clearTimeout(entry.poll);
  if (entry.listeners.size === 0) return;
  entry.poll = setTimeout(() => {
    const streamBringsIt = entry.snapshot.data?.refreshing && streamOpen(moduleId);
    if (document.visibilityState === "hidden" || streamBringsIt) schedulePoll(moduleId, entry);
    else revalidate(moduleId);
  }, pollAfterMs(entry.snapshot.data));
}

/** `force` sends a new request even if one is under way: the answer must reflect what changed since. */
function revalidate(moduleId: string, force = false) {
  const entry = entryOf(moduleId);
  if (force) entry.generation += 1;
  if (entry.inFlight === entry.generation) return;
  const generation = entry.generation;
  entry.inFlight = generation;
  publish(entry, { ...entry.snapshot, isValidating: true });
  void (async () => {
    let incoming: ModuleStatusView | undefined;
    try {
      const url = moduleStatusUrl(moduleId);
      const response = await fetch(url, { cache: "no-store" });
      if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
      incoming = (await response.json()) as ModuleStatusView;
    } catch {
      // The stream or the next poll brings the status; the panel keeps what it shows.
    }
    if (entry.inFlight !== generation) return;
    entry.inFlight = undefined;
    const shown = entry.snapshot.data;
    // An answer sent before a push or a local result, or older than what the page shows, changes
    // nothing, so the panel never steps back in time.
    const current = incoming && entry.generation === generation && !isOlder(incoming, shown);
    publish(entry, { data: current ? incoming : shown, isValidating: false });
    schedulePoll(moduleId, entry);
  })();
}

function change(
  moduleId: string,
  update: (shown: ModuleStatusView | undefined) => ModuleStatusView | undefined,
) {
  const entry = entryOf(moduleId);
  entry.generation += 1;
  publish(entry, { ...entry.snapshot, data: update(entry.snapshot.data) });
}

function revalidateWatched(force: boolean) {
  const now = Date.now();
  for (const [moduleId, entry] of entries) {
    if (entry.listeners.size === 0) continue;
    if (!force && now - entry.focusedAt < FOCUS_THROTTLE_MS) continue;
    entry.focusedAt = now;
    revalidate(moduleId, force);
  }
}

/** Status text arrives localized from the server, so a language switch asks for all of it again. */
export const revalidateModuleStatuses = () => revalidateWatched(true);

let focusListening = false;
function listenForFocus() {
  if (focusListening) return;
  focusListening = true;
  const onFocus = () => {
    if (document.visibilityState !== "hidden") revalidateWatched(false);
  };
  window.addEventListener("focus", onFocus);
  document.addEventListener("visibilitychange", onFocus);
}

/** What the page's HTML was rendered with, unless the page already shows something newer. */
function seed(entry: Entry, shown: ModuleStatusView | undefined) {
  if (shown && (!entry.snapshot.data || isOlder(entry.snapshot.data, shown))) {
    entry.snapshot = { data: shown, isValidating: false };
  }
}

function subscribe(moduleId: string, listener: () => void): () => void {
  const entry = entryOf(moduleId);
  entry.listeners.add(listener);
  listenForFocus();
  // A page rendered with the status asks nothing on opening: its stream brings every change.
  if (entry.listeners.size === 1) {
    if (entry.snapshot.data) schedulePoll(moduleId, entry);
    else revalidate(moduleId);
  }
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) clearTimeout(entry.poll);
  };
}

type Stream = { source: EventSource; users: number };

// One stream per module for the whole page, however many panels, cards and checks show it.
const streams = new Map<string, Stream>();

function streamOpen(moduleId: string) {
  return streams.get(moduleId)?.source.readyState === EventSource.OPEN;
}

function openStream(moduleId: string): () => void {
  let stream = streams.get(moduleId);
  if (!stream) {
    const source = new EventSource(`${moduleStatusUrl(moduleId)}/stream`);
    source.onmessage = (event: MessageEvent<string>) => {
      const incoming = JSON.parse(event.data) as ModuleStatusView;
      change(moduleId, (shown) => (isOlder(incoming, shown) ? shown : incoming));
    };
    stream = { source, users: 0 };
    streams.set(moduleId, stream);
  }
  stream.users += 1;
  const current = stream;
  return () => {
    current.users -= 1;
    if (current.users > 0) return;
    current.source.close();
    if (streams.get(moduleId) === current) streams.delete(moduleId);
  };
}

/**
 * Every panel, card and check of one module on the page shares this status. The page arrives with
 * what the server had; the server pushes each change on a stream, and the slow poll is only a
 * fallback for a stream that could not stay open.
 */
export function useModuleStatus(moduleId: string): Snapshot {
  const { locale } = useClock();
  const shown = useShownStatus(moduleId);
  // A language switch reopens the stream: its text arrives localized.
  useEffect(() => openStream(moduleId), [moduleId, locale]);
  const subscribeToModule = useCallback(
    (listener: () => void) => {
      // Hydration renders from the server's snapshot: the store may not have seen it yet.
      seed(entryOf(moduleId), shown);
      return subscribe(moduleId, listener);
    },
    [moduleId, shown],
  );
  const rendered = useMemo<Snapshot>(
    () => (shown ? { data: shown, isValidating: false } : FIRST_READING),
    [shown],
  );
  return useSyncExternalStore(
    subscribeToModule,
    () => {
      const entry = entryOf(moduleId);
      seed(entry, shown);
      return entry.snapshot;
    },
    () => rendered,
  );
}

function withStepResult(
  current: ModuleStatusView | undefined,
  stepId: string,
  check: CheckView,
): ModuleStatusView | undefined {
  if (!current || check.problem) return current;
  return {
    ...current,
    checkedAt: check.checkedAt,
    steps: current.steps.map((step) =>
      step.stepId === stepId ? { stepId, state: check.state, items: check.items } : step,
    ),
  };
}

/**
 * Shows a fresh check result everywhere at once, then asks again. A poll already in flight is
 * discarded on arrival: its older answer would otherwise paint the step red again.
 */
export function useShowStepResult(moduleId: string) {
  return useCallback(
    (stepId: string, check: CheckView | undefined) => {
      if (check) change(moduleId, (current) => withStepResult(current, stepId, check));
      revalidate(moduleId);
    },
    [moduleId],
  );
}
