"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Field } from "@/components/ui/Field";
import { joinSchema } from "@/lib/auth/schemas";

type Field = "joinCode" | "displayName" | "email";

export type JoinFormLabels = Record<Field, string> & {
  submit: string;
  submitting: string;
  fieldErrors: Record<string, string>;
  errors: Record<string, string>;
};

export function JoinForm({
  labels,
  defaultJoinCode,
}: {
  labels: JoinFormLabels;
  defaultJoinCode?: string;
}) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (formData: FormData) => {
    const values = {
      joinCode: String(formData.get("joinCode") ?? ""),
      displayName: String(formData.get("displayName") ?? ""),
      email: String(formData.get("email") ?? ""),
    };
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
      router.push("/credentials");
      router.refresh();
    });
  };

  return (
    <form action={submit} className="space-y-4" noValidate>
      <Field
        name="joinCode"
        label={labels.joinCode}
        error={fieldErrors.joinCode}
        autoComplete="off"
        required
        defaultValue={defaultJoinCode}
      />
      <Field
        name="displayName"
        label={labels.displayName}
        error={fieldErrors.displayName}
        autoComplete="nickname"
        required
      />
      <Field
        name="email"
        type="email"
        label={labels.email}
        error={fieldErrors.email}
        autoComplete="email"
      />
      <div aria-live="assertive">
        {formError ? (
          <p className="text-rose-700" role="alert">
            {formError}
          </p>
        ) : null}
      </div>
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
