"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
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

  const field = (
    name: Field,
    type: string,
    autoComplete: string,
    required: boolean,
    defaultValue?: string,
  ) => (
    <div>
      <label htmlFor={name} className="mb-1 block font-medium">
        {labels[name]}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={fieldErrors[name] ? `${name}-error` : undefined}
        className="w-full rounded border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-sky-600"
      />
      {fieldErrors[name] ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-rose-700">
          {fieldErrors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form action={submit} className="space-y-4" noValidate>
      {field("joinCode", "text", "off", true, defaultJoinCode)}
      {field("displayName", "text", "nickname", true)}
      {field("email", "email", "email", false)}
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
