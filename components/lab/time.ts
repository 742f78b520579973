/** The page's language and the workshop's time zone, never the browser's. */
export type Clock = { locale: string; timeZone: string };

export function formatTime(iso: string, clock: Clock): string {
  return new Intl.DateTimeFormat(clock.locale, {
    timeZone: clock.timeZone,
    timeStyle: "medium",
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, clock: Clock): string {
  return new Intl.DateTimeFormat(clock.locale, {
    timeZone: clock.timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}
