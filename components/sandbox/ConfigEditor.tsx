"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { saveSandboxConfigAction } from "@/app/lab/sandbox/actions";

const MAX_CONFIG_BYTES = 16 * 1024;

export type ConfigEditorLabels = { save: string; saving: string; invalid: string };

export function ConfigEditor({
  instanceId,
  initial,
  label,
  labels,
}: {
  instanceId: string;
  initial: string;
  label: string;
  labels: ConfigEditorLabels;
}) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      if (new Blob([text]).size > MAX_CONFIG_BYTES) {
        setMessage({ ok: false, text: labels.invalid });
        return;
      }
      const result = await saveSandboxConfigAction({ instanceId, text });
      setMessage(result.ok ? { ok: true, text: result.data } : { ok: false, text: result.error });
      if (result.ok) router.refresh();
    });
  return (
    <div className="space-y-2">
      <label className="sr-only" htmlFor="sandbox-config">
        {label}
      </label>
      <textarea
        id="sandbox-config"
        value={text}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        rows={18}
        className="w-full rounded border border-slate-300 bg-slate-950 p-3 font-mono text-sm text-slate-100"
        data-testid="sandbox-config"
      />
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={save}
          disabled={pending}
          className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? labels.saving : labels.save}
        </button>
        <p
          aria-live="polite"
          className={message?.ok ? "text-emerald-700" : "text-rose-700"}
          data-testid="sandbox-config-message"
        >
          {message?.text}
        </p>
      </div>
    </div>
  );
}
