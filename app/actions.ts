"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE } from "@/lib/i18n";

const localeInput = z.enum(["ko", "en"]);

export async function setLocaleAction(raw: unknown): Promise<void> {
  const locale = localeInput.safeParse(raw);
  if (!locale.success) return;
  (await cookies()).set(LOCALE_COOKIE, locale.data, {
    path: "/",
    sameSite: "lax",
    maxAge: 365 * 24 * 60 * 60,
  });
}
