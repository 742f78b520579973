import { useCallback } from "react";
import useSWR, { useSWRConfig } from "swr";
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

/** Every panel, card and check of one module on the page shares this key, so one request loop. */
export function useModuleStatus(moduleId: string) {
  const { cache } = useSWRConfig();
  return useSWR(
    moduleStatusKey(moduleId),
    async (url: string) => {
      const incoming = await fetchModuleStatus(url);
      const shown = cache.get(url)?.data as ModuleStatusView | undefined;
      // The server may answer from a short cache made before a check or apply the page already
      // shows; such an answer changes nothing, so the panel never steps back in time.
      const older = shown && Date.parse(incoming.checkedAt) < Date.parse(shown.checkedAt);
      return older ? shown : incoming;
    },
    { refreshInterval: 5000, revalidateOnFocus: true },
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
