"use client";

import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { SWRConfig, useSWRConfig } from "swr";
import { isModuleStatusKey, moduleStatusKey } from "@/components/lab/module-status";
import type { Clock } from "@/components/lab/time";
import type { ModuleStatusView } from "@/lib/lab/views";

const ClockContext = createContext<Clock | undefined>(undefined);

export function useClock(): Clock {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error("useClock needs a <LabSettings> above it");
  return clock;
}

/**
 * Page-wide settings for the lab's client leaves: how to show times, which language to fetch, and
 * the module statuses the server rendered the page with.
 */
export function LabSettings({
  locale,
  timeZone,
  statuses = {},
  children,
}: Clock & { statuses?: Record<string, ModuleStatusView>; children: ReactNode }) {
  const { mutate } = useSWRConfig();
  const fetchedIn = useRef(locale);

  // Status text arrives localized from the server, so a language switch asks for it again.
  useEffect(() => {
    if (fetchedIn.current === locale) return;
    fetchedIn.current = locale;
    void mutate(isModuleStatusKey);
  }, [locale, mutate]);

  const fallback = Object.fromEntries(
    Object.entries(statuses).map(([moduleId, status]) => [moduleStatusKey(moduleId), status]),
  );
  return (
    <SWRConfig value={{ fallback }}>
      <ClockContext value={{ locale, timeZone }}>{children}</ClockContext>
    </SWRConfig>
  );
}
