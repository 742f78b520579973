"use client";

import { useState, useTransition } from "react";
import { requestHelpAction } from "@/app/lab/help/actions";

/** Raises a hand: the instructor's grid shows who asked and on which step. */
export function HelpButton({ stepId, label }: { stepId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <div className="mt-4" data-help-button>
      <button
        type="button"
        disabled={pending}
        className="rounded-md border border-amber-500 bg-amber-50 px-3 py-1.5 font-semibold text-amber-900 hover:bg-amber-100 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            const result = await requestHelpAction({ stepId });
            setMessage(
              result.ok ? { ok: true, text: result.data } : { ok: false, text: result.error },
            );
          })
        }
      >
        <span aria-hidden="true">⚑ </span>
        {label}
      </button>
      <p
        aria-live="polite"
        className={`mt-1 text-sm ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}
