"use client";

import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { revalidateModuleStatuses } from "@/components/lab/module-status";
import type { Clock } from "@/components/lab/time";
import type { ModuleStatusView } from "@/lib/lab/views";

const ClockContext = createContext<Clock | undefined>(undefined);
const ShownStatusContext = createContext<Record<string, ModuleStatusView>>({});

export function useClock(): Clock {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error("useClock needs a <LabSettings> above it");
  return clock;
}

/** The module's status the server rendered the page with, if it did. */
export function useShownStatus(moduleId: string): ModuleStatusView | undefined {
  return useContext(ShownStatusContext)[moduleId];
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
  const fetchedIn = useRef(locale);

  // Status text arrives localized from the server, so a language switch asks for it again.
  useEffect(() => {
    if (fetchedIn.current === locale) return;
    fetchedIn.current = locale;
    revalidateModuleStatuses();
  }, [locale]);

  return (
    <ShownStatusContext value={statuses}>
      <ClockContext value={{ locale, timeZone }}>{children}</ClockContext>
    </ShownStatusContext>
  );
}
