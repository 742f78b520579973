import { useCallback, useLayoutEffect } from "react";
import useSWR, { useSWRConfig } from "swr";
import { useClock } from "@/components/lab/LabSettings";
import type { CheckView, ModuleStatusView } from "@/lib/lab/views";

const STATUS_PATH = "/api/status/";

export const moduleStatusKey = (moduleId: string) =>
  `${STATUS_PATH}${encodeURIComponent(moduleId)}`;

export const isModuleStatusKey = (key: unknown) =>
  typeof key === "string" && key.startsWith(STATUS_PATH);

async function fetchModuleStatus(url: string): Promise<ModuleStatusView> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as ModuleStatusView;
}

const isOlder = (incoming: ModuleStatusView, shown: ModuleStatusView | undefined) =>
  shown !== undefined && Date.parse(incoming.checkedAt) < Date.parse(shown.checkedAt);

type Stream = { source: EventSource; users: number };

// One stream per module for the whole page, however many panels, cards and checks show it.
const streams = new Map<string, Stream>();

function openStream(moduleId: string, onStatus: (status: ModuleStatusView) => void): () => void {
  let stream = streams.get(moduleId);
  if (!stream) {
    const source = new EventSource(`${moduleStatusKey(moduleId)}/stream`);
    source.onmessage = (event: MessageEvent<string>) =>
      onStatus(JSON.parse(event.data) as ModuleStatusView);
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

/** Open, or still (re)connecting: either way it will bring the first reading. */
const streamAlive = (moduleId: string) => {
  const source = streams.get(moduleId)?.source;
  return source !== undefined && source.readyState !== EventSource.CLOSED;
};

/**
 * Every panel, card and check of one module on the page shares this key. The page arrives with
 * what the server had, so nothing is asked on opening; the server pushes each change on a stream,
 * and the slow poll is only a fallback for a stream that could not stay open.
 */
export function useModuleStatus(moduleId: string) {
  const { cache, mutate, fallback } = useSWRConfig();
  const { locale } = useClock();
  const key = moduleStatusKey(moduleId);
  // A layout effect, so the stream exists before SWR (whose timers start in a layout effect) asks
  // how often to poll.
  useLayoutEffect(
    () =>
      openStream(
        moduleId,
        (incoming) =>
          void mutate<ModuleStatusView>(
            key,
            (shown) => (isOlder(incoming, shown) ? shown : incoming),
            { revalidate: false },
          ),
      ),
    // A language switch reopens the stream: its text arrives localized.
    [moduleId, key, mutate, locale],
  );
  return useSWR(
    key,
    async (url: string) => {
      const incoming = await fetchModuleStatus(url);
      const shown = cache.get(url)?.data as ModuleStatusView | undefined;
      // An answer older than what the page already shows (a check or a push) changes nothing,
      // so the panel never steps back in time.
      return isOlder(incoming, shown) ? (shown as ModuleStatusView) : incoming;
    },
    // While the first reading is under way and no stream will bring it, the fallback asks soon.
    {
      refreshInterval: (shown) => (shown?.refreshing && !streamAlive(moduleId) ? 2_000 : 15_000),
      revalidateOnFocus: true,
      revalidateOnMount: !(key in fallback),
    },
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
 * Shows a fresh check result everywhere at once. Mutating also makes SWR discard a poll that was
 * already in flight, whose older answer would otherwise paint the step red again.
 */
export function useShowStepResult(moduleId: string) {
  const { mutate } = useSWRConfig();
  return useCallback(
    (stepId: string, check: CheckView | undefined) =>
      void mutate<ModuleStatusView>(
        moduleStatusKey(moduleId),
        (current) => (check ? withStepResult(current, stepId, check) : current),
        { revalidate: true },
      ),
    [mutate, moduleId],
  );
}
