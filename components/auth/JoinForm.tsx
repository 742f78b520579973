"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/FormAlert";
import { joinSchema } from "@/lib/auth/schemas";

type Field = "joinCode" | "displayName" | "email";

export type JoinFormLabels = Record<Field, string> & {
  submit: string;
  submitting: string;
  fieldErrors: Record<string, string>;
  errors: Record<string, string>;
};

/**
 * The fields are controlled so that what the attendee typed stays after any refusal; a form
 * `action` would reset them once it returns.
 */
export function JoinForm({
  labels,
  defaultJoinCode,
  returnTo,
}: {
  labels: JoinFormLabels;
  defaultJoinCode?: string;
  /** A path already checked by safeReturnPath on the server. */
  returnTo?: string;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({
    joinCode: defaultJoinCode ?? "",
    displayName: "",
    email: "",
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const change = (field: Field) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = joinSchema.safeParse(values);
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        errors[field] ??= labels.fieldErrors[issue.message] ?? labels.errors.invalid;
      }
      setFieldErrors(errors);
      setFormError(undefined);
      return;
    }
    setFieldErrors({});
    startTransition(async () => {
      const result = await signIn("attendee", { ...values, redirect: false });
      if (!result || result.error) {
        setFormError(labels.errors[result?.error ?? "invalid"] ?? labels.errors.invalid);
        return;
      }
      router.push(
        returnTo && returnTo !== "/credentials"
          ? `/credentials?next=${encodeURIComponent(returnTo)}`
          : "/credentials",
      );
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field
        name="joinCode"
        label={labels.joinCode}
        error={fieldErrors.joinCode}
        autoComplete="off"
        required
        value={values.joinCode}
        onValueChange={change("joinCode")}
      />
      <Field
        name="displayName"
        label={labels.displayName}
        error={fieldErrors.displayName}
        autoComplete="nickname"
        required
        value={values.displayName}
        onValueChange={change("displayName")}
      />
      <Field
        name="email"
        type="email"
        label={labels.email}
        error={fieldErrors.email}
        autoComplete="email"
        value={values.email}
        onValueChange={change("email")}
      />
      <FormAlert message={formError} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
