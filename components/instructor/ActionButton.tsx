"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import type { ActionResult } from "@/lib/auth/actions";

export type ConsoleAction<P> = (payload: P) => Promise<ActionResult<unknown>>;

const tones = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 border-sky-700",
  plain: "border-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800",
  danger:
    "border-rose-500 text-rose-800 hover:bg-rose-50 dark:text-rose-300 dark:hover:bg-rose-950",
} as const;

/** One console action behind one button; a confirmation first when the action can't be undone. */
export function ActionButton<P>({
  action,
  payload,
  label,
  confirmText,
  tone = "plain",
  redirectTo,
}: {
  action: ConsoleAction<P>;
  payload: P;
  label: string;
  confirmText?: string;
  tone?: keyof typeof tones;
  /** Where to go once it worked (after removing what this page shows). */
  redirectTo?: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        disabled={pending}
        className={`rounded border px-2 py-1 text-sm font-medium disabled:opacity-60 ${tones[tone]}`}
        onClick={() => {
          if (confirmText && !window.confirm(confirmText)) return;
          startTransition(async () => {
            const result = await action(payload);
            setMessage(
              result.ok
                ? { ok: true, text: typeof result.data === "string" ? result.data : "" }
                : { ok: false, text: result.error },
            );
            if (result.ok && redirectTo) router.push(redirectTo);
            else router.refresh();
          });
        }}
      >
        {label}
      </button>
      <span
        aria-live="polite"
        className={`text-xs ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </span>
    </span>
  );
}

type Reply = { ok: boolean; text: string; copy?: string };

/** A reply is its message, or a message and something to copy (an invitation's link). */
function replyOf(data: unknown): Omit<Reply, "ok"> {
  if (typeof data === "string") return { text: data };
  const reply = data as { text?: unknown; copy?: unknown } | null;
  return {
    text: typeof reply?.text === "string" ? reply.text : "",
    ...(typeof reply?.copy === "string" ? { copy: reply.copy } : {}),
  };
}

/** One text field and a submit button: a broadcast, an invitation. */
export function TextActionForm<P extends object>({
  action,
  payload,
  field,
  label,
  submit,
  multiline,
  type = "text",
  copyLabels,
}: {
  action: ConsoleAction<P & Record<string, string>>;
  payload: P;
  field: string;
  label: string;
  submit: string;
  multiline?: boolean;
  type?: "text" | "email";
  copyLabels?: { label: string; copied: string };
}) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Reply>();
  const id = `console-${field}`;
  const common = {
    id,
    name: field,
    value,
    required: true,
    maxLength: 500,
    className:
      "mt-1 w-full rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900",
  };
  return (
    <form
      className="space-y-2"
      onSubmit={(submitEvent) => {
        submitEvent.preventDefault();
        startTransition(async () => {
          const result = await action({ ...payload, [field]: value } as P & Record<string, string>);
          setMessage(
            result.ok ? { ok: true, ...replyOf(result.data) } : { ok: false, text: result.error },
          );
          if (result.ok) setValue("");
          router.refresh();
        });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(change) => setValue(change.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(change) => setValue(change.target.value)} />
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-sky-700 px-3 py-1 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {submit}
      </button>
      <p
        aria-live="polite"
        data-action-message
        className={`text-sm wrap-anywhere ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </p>
      {message?.copy && copyLabels ? (
        <p className="flex flex-wrap items-center gap-2">
          <code
            className="rounded bg-slate-100 px-2 py-1 text-sm wrap-anywhere dark:bg-slate-800"
            data-copy-text
          >
            {message.copy}
          </code>
          <CopyButton
            text={message.copy}
            label={copyLabels.label}
            copiedLabel={copyLabels.copied}
          />
        </p>
      ) : null}
    </form>
  );
}
