import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from "@/messages";

export const LOCALE_COOKIE = "aws101-locale";
const LOCALE_COOKIE_OPTIONS = { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 } as const;

/** The attendee's own choice (the language switch): kept for a year. */
export async function chooseLocale(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
}

/**
 * On joining, the class's language becomes the attendee's, whatever their browser prefers, unless
 * they already chose one with the switch.
 */
export async function adoptEventLanguage(language: string) {
  const jar = await cookies();
  if (!isLocale(language) || isLocale(jar.get(LOCALE_COOKIE)?.value)) return;
  jar.set(LOCALE_COOKIE, language, LOCALE_COOKIE_OPTIONS);
}

export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get("accept-language") ?? "";
  const first = accepted.split(",")[0]?.trim().slice(0, 2).toLowerCase();
  return first === "en" ? "en" : DEFAULT_LOCALE;
}

export async function getTranslator() {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
