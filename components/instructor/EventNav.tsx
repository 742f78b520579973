import Link from "next/link";
import type { Translator } from "@/messages";

/** The per-event pages, the current one marked. */
export function EventNav({
  eventId,
  current,
  t,
}: {
  eventId: string;
  current: "grid" | "settings" | "summary";
  t: Translator;
}) {
  const base = `/instructor/events/${eventId}`;
  const links = [
    { key: "grid", href: base, label: t("console.nav.grid") },
    { key: "settings", href: `${base}/settings`, label: t("console.nav.settings") },
    { key: "summary", href: `${base}/summary`, label: t("console.nav.summary") },
  ] as const;
  return (
    <nav aria-label={t("console.nav.label")} className="flex flex-wrap gap-4 text-sm">
      <Link href="/instructor" className="text-sky-800 underline dark:text-sky-300">
        ← {t("console.events.title")}
      </Link>
      {links.map((link) => (
        <Link
          key={link.key}
          href={link.href}
          aria-current={link.key === current ? "page" : undefined}
          className={
            link.key === current ? "font-bold" : "text-sky-800 underline dark:text-sky-300"
          }
        >
          {link.label}
        </Link>
      ))}
      <a
        href={`/api/instructor/events/${eventId}/export`}
        className="text-sky-800 underline dark:text-sky-300"
      >
        {t("console.nav.export")}
      </a>
    </nav>
  );
}
