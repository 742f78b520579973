import { z } from "zod";

// These schemas also run in the browser, where zod would probe `new Function` once: the portal's
// CSP refuses eval, and Chromium reports even a caught refusal as a violation.
z.config({ jitless: true });

/** Error codes next-auth hands back to the sign-in forms; the forms map them to catalogue messages. */
export const JOIN_ERRORS = {
  badJoinCode: "bad_join_code",
  eventEnded: "event_ended",
  eventFull: "event_full",
  joiningClosed: "joining_closed",
  invalid: "invalid",
  tooManyAttempts: "too_many_attempts",
  networkBusy: "network_busy",
} as const;

export const joinSchema = z.object({
  joinCode: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, "field.joinCode.invalid")),
  displayName: z
    .string()
    .trim()
    .min(1, "field.displayName.invalid")
    .max(40, "field.displayName.invalid"),
  email: z
    .string()
    .trim()
    .max(254, "field.email.invalid")
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.email("field.email.invalid").optional()),
});

export const instructorSignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});
