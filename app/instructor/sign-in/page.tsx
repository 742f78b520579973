import { InstructorSignInForm } from "@/components/auth/InstructorSignInForm";
import { getTranslator } from "@/lib/i18n";

export default async function InstructorSignInPage() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{t("instructorSignIn.title")}</h1>
      <InstructorSignInForm
        labels={{
          email: t("instructorSignIn.email"),
          password: t("instructorSignIn.password"),
          submit: t("instructorSignIn.submit"),
          error: t("instructorSignIn.error"),
          tooManyAttempts: t("instructorSignIn.tooManyAttempts"),
        }}
      />
    </div>
  );
}
