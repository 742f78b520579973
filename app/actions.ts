"use server";

import { z } from "zod";
import { chooseLocale } from "@/lib/i18n";

const localeInput = z.enum(["ko", "en"]);

export async function setLocaleAction(raw: unknown): Promise<void> {
  const locale = localeInput.safeParse(raw);
  if (!locale.success) return;
  await chooseLocale(locale.data);
}
