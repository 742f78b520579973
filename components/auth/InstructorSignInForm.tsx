"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Field } from "@/components/ui/Field";
import { FormAlert } from "@/components/ui/FormAlert";
import { JOIN_ERRORS } from "@/lib/auth/schemas";

export function InstructorSignInForm({
  labels,
}: {
  labels: {
    email: string;
    password: string;
    submit: string;
    error: string;
    tooManyAttempts: string;
  };
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-4"
      action={(formData) =>
        startTransition(async () => {
          const result = await signIn("instructor", {
            email: String(formData.get("email") ?? ""),
            password: String(formData.get("password") ?? ""),
            redirect: false,
          });
          if (!result || result.error) {
            return setError(
              result?.error === JOIN_ERRORS.tooManyAttempts ? labels.tooManyAttempts : labels.error,
            );
          }
          router.push("/instructor");
          router.refresh();
        })
      }
    >
      <Field name="email" type="email" label={labels.email} required autoComplete="username" />
      <Field
        name="password"
        type="password"
        label={labels.password}
        required
        autoComplete="current-password"
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
