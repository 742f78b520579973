"use client";

import { useState, useTransition } from "react";
import { confirmCleanupAction } from "@/app/lab/cleanup/actions";
import { useModuleStatus } from "@/components/lab/module-status";

export type CleanupConfirmLabels = {
  title: string;
  /** Templates with {name}. */
  button: string;
  done: string;
  user: string;
};

const CONFIRM_PREFIX = "confirm|";
const USER_CONFIRMATION = "user:";
const named = (template: string, name: string) => template.replace("{name}", name);

/** What clean-up won't delete without the attendee's word (buckets, IAM users), from its latest check. */
export function CleanupConfirm({ labels }: { labels: CleanupConfirmLabels }) {
  const { data: status } = useModuleStatus("cleanup");
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const names = (status?.steps.find((step) => step.stepId === "cleanup")?.items ?? [])
    .filter((item) => item.id.startsWith(CONFIRM_PREFIX) && item.status === "fail")
    .map((item) => item.id.slice(CONFIRM_PREFIX.length));
  if (names.length === 0) return null;

  const confirm = (name: string) =>
    startTransition(async () => {
      const result = await confirmCleanupAction({ name });
      if (!result.ok) return setError(result.error);
      setError(undefined);
      setConfirmed((kept) => [...kept, name]);
    });
  const shown = (name: string) =>
    name.startsWith(USER_CONFIRMATION)
      ? named(labels.user, name.slice(USER_CONFIRMATION.length))
      : name;

  return (
    <section
      className="my-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-cleanup-confirm
    >
      <h3 className="mb-2 font-semibold">{labels.title}</h3>
      <ul className="space-y-2">
        {names.map((name) => (
          <li key={name}>
            {confirmed.includes(name) ? (
              <span data-confirmed={name}>{named(labels.done, shown(name))}</span>
            ) : (
              <button
                type="button"
                disabled={pending}
                onClick={() => confirm(name)}
                className="rounded bg-rose-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
              >
                {named(labels.button, shown(name))}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-800">
          {error}
        </p>
      ) : null}
    </section>
  );
}
