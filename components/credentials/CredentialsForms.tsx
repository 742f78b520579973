"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import {
  connectSandboxAction,
  removeCredentialsAction,
  saveOwnCredentialsAction,
  type CredentialsFormState,
} from "@/app/credentials/actions";

export function SandboxButton({ label, disabled }: { label: string; disabled?: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  return (
    <div>
      <button
        type="button"
        disabled={pending || disabled}
        className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            const result = await connectSandboxAction({});
            setMessage(
              result.ok
                ? { ok: true, text: result.data.message }
                : { ok: false, text: result.error },
            );
            router.refresh();
          })
        }
      >
        {label}
      </button>
      <p
        aria-live="polite"
        className={`mt-2 ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </p>
    </div>
  );
}

export function RemoveCredentialsButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
      onClick={() =>
        startTransition(async () => {
          await removeCredentialsAction({});
          router.refresh();
        })
      }
    >
      {label}
    </button>
  );
}

type OwnLabels = {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  region: string;
  submit: string;
};

export function OwnCredentialsForm({
  labels,
  regions,
  defaultRegion,
}: {
  labels: OwnLabels;
  regions: readonly string[];
  defaultRegion: string;
}) {
  const [state, action, pending] = useActionState<CredentialsFormState, FormData>(
    saveOwnCredentialsAction,
    {},
  );
  const errorId = (name: string) => `${name}-error`;
  const fieldError = (name: keyof NonNullable<CredentialsFormState["fieldErrors"]>) =>
    state.fieldErrors?.[name] ? (
      <p id={errorId(name)} className="mt-1 text-sm text-rose-700">
        {state.fieldErrors[name]}
      </p>
    ) : null;
  const inputClass = "w-full rounded border border-slate-300 px-3 py-2 font-mono text-sm";
  return (
    <form action={action} className="space-y-3" autoComplete="off">
      <div>
        <label htmlFor="accessKeyId" className="mb-1 block font-medium">
          {labels.accessKeyId}
        </label>
        <input
          id="accessKeyId"
          name="accessKeyId"
          defaultValue={state.values?.accessKeyId}
          spellCheck={false}
          aria-invalid={state.fieldErrors?.accessKeyId ? true : undefined}
          aria-describedby={state.fieldErrors?.accessKeyId ? errorId("accessKeyId") : undefined}
          className={inputClass}
        />
        {fieldError("accessKeyId")}
      </div>
      <div>
        <label htmlFor="secretAccessKey" className="mb-1 block font-medium">
          {labels.secretAccessKey}
        </label>
        <input
          id="secretAccessKey"
          name="secretAccessKey"
          type="password"
          spellCheck={false}
          aria-invalid={state.fieldErrors?.secretAccessKey ? true : undefined}
          aria-describedby={
            state.fieldErrors?.secretAccessKey ? errorId("secretAccessKey") : undefined
          }
          className={inputClass}
        />
        {fieldError("secretAccessKey")}
      </div>
      <div>
        <label htmlFor="sessionToken" className="mb-1 block font-medium">
          {labels.sessionToken}
        </label>
        <textarea
          id="sessionToken"
          name="sessionToken"
          rows={3}
          spellCheck={false}
          aria-invalid={state.fieldErrors?.sessionToken ? true : undefined}
          aria-describedby={state.fieldErrors?.sessionToken ? errorId("sessionToken") : undefined}
          className={inputClass}
        />
        {fieldError("sessionToken")}
      </div>
      <div>
        <label htmlFor="region" className="mb-1 block font-medium">
          {labels.region}
        </label>
        <input
          id="region"
          name="region"
          list="aws-regions"
          defaultValue={state.values?.region ?? defaultRegion}
          aria-invalid={state.fieldErrors?.region ? true : undefined}
          aria-describedby={state.fieldErrors?.region ? errorId("region") : undefined}
          className={inputClass}
        />
        <datalist id="aws-regions">
          {regions.map((region) => (
            <option key={region} value={region} />
          ))}
        </datalist>
        {fieldError("region")}
      </div>
      <p aria-live="polite" className={state.ok ? "text-emerald-700" : "text-rose-700"}>
        {state.message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {labels.submit}
      </button>
    </form>
  );
}
