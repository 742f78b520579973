"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import {
  connectAssumedRoleAction,
  connectSandboxAction,
  removeCredentialsAction,
  saveOwnCredentialsAction,
  type CredentialsFormState,
} from "@/app/credentials/actions";
import { Field } from "@/components/ui/Field";
import type { ActionResult } from "@/lib/auth/actions";

type Outcome = { ok: boolean; text: string };

/** Runs a connect action and keeps what it said, for the live region under the control. */
function useConnect() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>();
  const [pending, startTransition] = useTransition();
  const connect = (action: () => Promise<ActionResult<{ message: string }>>) =>
    startTransition(async () => {
      const result = await action();
      setOutcome(
        result.ok ? { ok: true, text: result.data.message } : { ok: false, text: result.error },
      );
      router.refresh();
    });
  return { outcome, pending, connect };
}

function OutcomeText({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <p aria-live="polite" className={`mt-2 ${outcome?.ok ? "text-emerald-700" : "text-rose-700"}`}>
      {outcome?.text}
    </p>
  );
}

function SubmitButton({ label, pending }: { label: string; pending: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
    >
      {label}
    </button>
  );
}

export function SandboxButton({ label, disabled }: { label: string; disabled?: boolean }) {
  const { outcome, pending, connect } = useConnect();
  return (
    <div>
      <button
        type="button"
        disabled={pending || disabled}
        className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        onClick={() => connect(() => connectSandboxAction({}))}
      >
        {label}
      </button>
      <OutcomeText outcome={outcome} />
    </div>
  );
}

export function AssumedRoleForm({ labels }: { labels: { accountId: string; submit: string } }) {
  const { outcome, pending, connect } = useConnect();
  const [accountId, setAccountId] = useState("");
  return (
    <form
      className="space-y-3"
      autoComplete="off"
      onSubmit={(submit) => {
        submit.preventDefault();
        connect(() => connectAssumedRoleAction({ accountId }));
      }}
    >
      <Field
        name="accountId"
        label={labels.accountId}
        value={accountId}
        onValueChange={setAccountId}
        inputMode="numeric"
        spellCheck={false}
        className="font-mono text-sm"
      />
      <SubmitButton label={labels.submit} pending={pending} />
      <OutcomeText outcome={outcome} />
    </form>
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
  const mono = "font-mono text-sm";
  // The secret and token stay in this browser tab only: React resets the form after the action,
  // and the server never returns them, so they are kept here for a corrected resubmission.
  const [secretAccessKey, setSecretAccessKey] = useState("");
  const [sessionToken, setSessionToken] = useState("");
  return (
    <form action={action} className="space-y-3" autoComplete="off">
      <Field
        name="accessKeyId"
        label={labels.accessKeyId}
        error={state.fieldErrors?.accessKeyId}
        defaultValue={state.values?.accessKeyId}
        spellCheck={false}
        className={mono}
      />
      <Field
        name="secretAccessKey"
        type="password"
        label={labels.secretAccessKey}
        error={state.fieldErrors?.secretAccessKey}
        value={secretAccessKey}
        onValueChange={setSecretAccessKey}
        spellCheck={false}
        className={mono}
      />
      <Field
        name="sessionToken"
        multiline
        label={labels.sessionToken}
        error={state.fieldErrors?.sessionToken}
        value={sessionToken}
        onValueChange={setSessionToken}
        className={mono}
      />
      <Field
        name="region"
        list="aws-regions"
        label={labels.region}
        error={state.fieldErrors?.region}
        defaultValue={state.values?.region ?? defaultRegion}
        className={mono}
      />
      <datalist id="aws-regions">
        {regions.map((region) => (
          <option key={region} value={region} />
        ))}
      </datalist>
      <p aria-live="polite" className={state.ok ? "text-emerald-700" : "text-rose-700"}>
        {state.message}
      </p>
      <SubmitButton label={labels.submit} pending={pending} />
    </form>
  );
}
