"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { chooseInitialsAction } from "@/app/lab/app-services/actions";
import { Field } from "@/components/ui/Field";

export type InitialsFormLabels = {
  initials: string;
  email: string;
  hint: string;
  submit: string;
  saving: string;
};

/** Keeps what was typed after a refusal, so the attendee corrects rather than retypes. */
export function InitialsForm({
  domain,
  email,
  labels,
}: {
  domain: string;
  email: string;
  labels: InitialsFormLabels;
}) {
  const router = useRouter();
  const [initials, setInitials] = useState("");
  const [address, setAddress] = useState(email);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const result = await chooseInitialsAction({ initials, email: address });
      if (result.ok) {
        setError(undefined);
        router.refresh();
      } else {
        setError(result.error);
      }
    });
  return (
    <form
      className="my-5 space-y-3 rounded-lg border border-sky-200 bg-sky-50 p-4"
      data-testid="initials-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field
        name="initials"
        label={labels.initials}
        value={initials}
        onValueChange={setInitials}
        error={error}
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
      />
      <p className="text-sm text-slate-600">
        {labels.hint.replace("{record}", `${initials.trim().toLowerCase() || "…"}.${domain}`)}
      </p>
      <Field
        name="email"
        type="email"
        label={labels.email}
        value={address}
        onValueChange={setAddress}
        autoComplete="email"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {pending ? labels.saving : labels.submit}
      </button>
    </form>
  );
}
