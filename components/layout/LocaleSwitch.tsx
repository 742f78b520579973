"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions";

export function LocaleSwitch({ target, label }: { target: "ko" | "en"; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      lang={target}
      disabled={pending}
      className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700"
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction(target);
          router.refresh();
        })
      }
    >
      {label}
    </button>
  );
}
