/** The page's language and the workshop's time zone, never the browser's. */
export type Clock = { locale: string; timeZone: string };

// Korean AM/PM comes out as "오후" or as "PM" depending on the ICU build (Node, each browser),
// so Korean times use the 24-hour clock and read the same wherever they are formatted.
const hourCycleFor = (locale: string) =>
  locale.startsWith("ko") ? ({ hourCycle: "h23" } as const) : {};

export function formatTime(iso: string, clock: Clock): string {
  return new Intl.DateTimeFormat(clock.locale, {
    timeZone: clock.timeZone,
    timeStyle: "medium",
    ...hourCycleFor(clock.locale),
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, clock: Clock): string {
  return new Intl.DateTimeFormat(clock.locale, {
    timeZone: clock.timeZone,
    dateStyle: "medium",
    timeStyle: "short",
    ...hourCycleFor(clock.locale),
  }).format(new Date(iso));
}
