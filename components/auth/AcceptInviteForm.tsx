"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { acceptInviteAction } from "@/app/instructor/invite/actions";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/FormAlert";

type Field = "displayName" | "password" | "confirm";

/** What was typed stays after a refusal; on success the new instructor is signed in at once. */
export function AcceptInviteForm({
  token,
  labels,
}: {
  token: string;
  labels: Record<Field | "submit" | "signIn", string>;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: "",
    password: "",
    confirm: "",
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [pending, startTransition] = useTransition();
  const change = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await acceptInviteAction({ token, ...values });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setError(result.error);
        return;
      }
      setFieldErrors({});
      setError(undefined);
      if (result.data.message) {
        setNotice(result.data.message);
        return;
      }
      await signIn("instructor", {
        email: result.data.email,
        password: values.password,
        redirect: false,
      });
      router.push(`/instructor/events/${result.data.eventId}`);
      router.refresh();
    });
  };

  if (notice) {
    return (
      <div aria-live="polite" className="space-y-3">
        <p className="text-emerald-800">{notice}</p>
        <Link href="/instructor/sign-in" className="font-semibold text-sky-700 underline">
          {labels.signIn}
        </Link>
      </div>
    );
  }
  return (
    <form className="space-y-4" onSubmit={submit} noValidate data-invite-form>
      <Field
        name="displayName"
        label={labels.displayName}
        value={values.displayName}
        onValueChange={change("displayName")}
        error={fieldErrors.displayName}
        autoComplete="name"
        required
      />
      <Field
        name="password"
        type="password"
        label={labels.password}
        value={values.password}
        onValueChange={change("password")}
        error={fieldErrors.password}
        autoComplete="new-password"
        required
      />
      <Field
        name="confirm"
        type="password"
        label={labels.confirm}
        value={values.confirm}
        onValueChange={change("confirm")}
        error={fieldErrors.confirm}
        autoComplete="new-password"
        required
      />
      <FormAlert message={error} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-slate-800 px-4 py-2 font-semibold text-white disabled:opacity-60"
      >
        {labels.submit}
      </button>
    </form>
  );
}
