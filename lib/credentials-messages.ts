import { AwsCallError } from "@/lib/aws/errors";
import type { Translator } from "@/messages";

/** The account id as the console shows it (1234-5678-9012) or as digits; undefined if it is not one. */
export function accountIdOf(input: string): string | undefined {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{12}$/.test(digits) ? digits : undefined;
}

export function credentialsError(error: unknown, t: Translator): string {
  if (!(error instanceof AwsCallError)) return t("credentials.error.other", { awsCode: "—" });
  const awsCode = error.problem.awsCode ?? error.problem.code;
  switch (error.problem.code) {
    case "invalid_credentials":
      return t("credentials.error.invalid", { awsCode });
    case "expired_credentials":
      return t("credentials.error.expired");
    case "endpoint_unreachable":
      return t("credentials.error.unreachable", { awsCode });
    default:
      return t("credentials.error.other", { awsCode });
  }
}

/** AssumeRole's refusals name what the organiser or attendee has to fix. */
export function assumedRoleError(
  error: unknown,
  t: Translator,
  context: { role: string; account: string },
): string {
  if (!(error instanceof AwsCallError)) return t("credentials.error.other", { awsCode: "—" });
  const awsCode = error.problem.awsCode ?? error.problem.code;
  switch (error.problem.code) {
    case "access_denied":
      return t("credentials.assumed.error.denied", { ...context, awsCode });
    case "invalid_credentials":
    case "expired_credentials":
      return t("credentials.assumed.error.portal", { awsCode });
    default:
      return credentialsError(error, t);
  }
}
