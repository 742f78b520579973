import { InitialsForm } from "@/components/lab/InitialsForm";
import { CodeBlock } from "@/components/mdx/CodeBlock";
import { appServicesView, type AppServicesView } from "@/lib/lab/app-services-view";
import type { Translator } from "@/messages";

/** The attendee-specific values Module 4's pages name; a placeholder until they exist. */
export type ClassValueName =
  | "domain"
  | "record"
  | "healthCheck"
  | "topic"
  | "bucket"
  | "websiteHost"
  | "instructorAccount"
  | "roleName"
  | "switchRoleUrl"
  | "accountId"
  | "signInUrl"
  | "email";

function valueOf(view: AppServicesView | undefined, name: ClassValueName): string | undefined {
  switch (name) {
    case "domain":
      return view?.domain;
    case "instructorAccount":
      return view?.instructorAccountId;
    case "roleName":
      return view?.roleName;
    case "switchRoleUrl":
      return view?.switchRoleUrl;
    case "accountId":
      return view?.accountId;
    case "signInUrl":
      return view?.signInUrl;
    case "email":
      return view?.email;
    default:
      return view?.names?.[name];
  }
}

export function appServicesComponents(t: Translator) {
  return {
    /** The attendee's initials, chosen here once; every Module 4 name derives from them. */
    Initials: async () => {
      const view = await appServicesView();
      if (!view?.domain) {
        return (
          <p
            className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm"
            data-testid="no-class-zone"
          >
            {t("initials.noZone")}
          </p>
        );
      }
      if (view.initials) {
        return (
          <p className="my-4 rounded bg-emerald-50 px-3 py-2" data-testid="initials-chosen">
            {t("initials.chosen", { initials: view.initials, record: view.names?.record ?? "" })}
          </p>
        );
      }
      return (
        <InitialsForm
          domain={view.domain}
          email={view.email ?? ""}
          labels={{
            initials: t("initials.label"),
            email: t("initials.email"),
            hint: t("initials.hint"),
            submit: t("initials.submit"),
            saving: t("initials.saving"),
          }}
        />
      );
    },
    /** `<ClassValue name="record" />`: inline, or as a copyable block with `block`. */
    ClassValue: async ({ name, block }: { name: ClassValueName; block?: boolean }) => {
      const value = valueOf(await appServicesView(), name);
      const shown = value ?? t(`classValue.placeholder.${name}`);
      if (block) return <CodeBlock code={shown} />;
      return (
        <code
          className={`rounded px-1 font-semibold ${value ? "bg-amber-100" : "bg-slate-100 text-slate-500"}`}
          data-class-value={name}
        >
          {shown}
        </code>
      );
    },
  };
}
