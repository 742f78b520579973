"use client";

import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { revalidateModuleStatuses } from "@/components/lab/module-status";
import type { Clock } from "@/components/lab/time";

const ClockContext = createContext<Clock | undefined>(undefined);

export function useClock(): Clock {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error("useClock needs a <LabSettings> above it");
  return clock;
}

/** Page-wide settings for the lab's client leaves: how to show times, and which language to fetch. */
export function LabSettings({ locale, timeZone, children }: Clock & { children: ReactNode }) {
  const fetchedIn = useRef(locale);

  // Status text arrives localized from the server, so a language switch asks for it again.
  useEffect(() => {
    if (fetchedIn.current === locale) return;
    fetchedIn.current = locale;
    revalidateModuleStatuses();
  }, [locale]);

  return <ClockContext value={{ locale, timeZone }}>{children}</ClockContext>;
}
