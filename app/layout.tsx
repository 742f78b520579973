import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { EventBanner } from "@/components/lab/EventBanner";
import { LocaleSwitch } from "@/components/layout/LocaleSwitch";
import { SignOutButton } from "@/components/layout/SignOutButton";
import { currentUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: "AWS 101 Workshop Portal",
  description: "Hands-on AWS 101 lab with itemised checks, do-it-for-me and a live status panel.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await getTranslator();
  const user = await currentUser();
  const role = user?.role;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t("nav.skipToContent")}
        </a>
        <header className="bg-slate-900 text-white">
          <nav
            className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3"
            aria-label="main"
          >
            <Link href="/" className="mr-4 font-bold">
              {t("app.name")}
            </Link>
            {role === "attendee" ? (
              <>
                <Link href="/lab" className="text-sm text-slate-200 hover:underline">
                  {t("nav.lab")}
                </Link>
                <Link href="/credentials" className="text-sm text-slate-200 hover:underline">
                  {t("nav.credentials")}
                </Link>
              </>
            ) : null}
            {role === "instructor" ? (
              <Link href="/instructor" className="text-sm text-slate-200 hover:underline">
                {t("nav.instructor")}
              </Link>
            ) : null}
            <span className="ml-auto flex items-center gap-2">
              {user?.name ? (
                <span className="text-sm text-slate-300" data-testid="signed-in-as">
                  {user.name}
                </span>
              ) : null}
              <LocaleSwitch target={locale === "ko" ? "en" : "ko"} label={t("nav.language")} />
              {user ? <SignOutButton label={t("nav.signOut")} /> : null}
            </span>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {role === "attendee" ? (
            <EventBanner
              labels={{
                title: t("console.timer.title"),
                none: t("console.timer.none"),
                paused: t("console.timer.paused"),
                over: t("console.timer.over"),
                warning: t("console.timer.warning"),
                from: t("console.broadcast.from"),
                dismiss: t("console.broadcast.dismiss"),
              }}
            />
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}
