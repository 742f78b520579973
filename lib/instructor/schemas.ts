import { z } from "zod";

// Also parsed in the browser: see lib/auth/schemas.ts.
z.config({ jitless: true });

const optionalText = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(schema.nullable());

const localDateTime = z.iso.datetime({ local: true, offset: true });

/** An event's settings as the console form sends them; shared by create and edit. */
export const eventSettingsSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    startsAt: z
      .string()
      .trim()
      .transform((value) => (value === "" ? null : value))
      .pipe(localDateTime.nullable()),
    endsAt: localDateTime,
    language: z.enum(["ko", "en"]),
    joiningOpen: z.boolean(),
    attendeeCap: z
      .string()
      .trim()
      .transform((value) => (value === "" ? null : Number(value)))
      .pipe(z.number().int().min(1).max(100_000).nullable()),
    awsMode: z.enum(["sandbox", "pasted", "assumed-role"]),
    roleArnTemplate: optionalText(
      z
        .string()
        .max(200)
        // The attendee's account id goes where {accountId} is: a fixed account would be every attendee's.
        .regex(/^arn:aws[a-z-]*:iam::\{accountId\}:role\/[\w+=,.@/-]{1,64}$/),
    ),
    externalId: optionalText(z.string().regex(/^[\w+=,.@:/-]{2,1224}$/)),
    modulesEnabled: z.array(z.string().regex(/^[a-z0-9-]{1,64}$/)).max(50),
    sharedDomain: optionalText(
      z
        .string()
        .max(253)
        .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/),
    ),
    sharedZoneId: optionalText(z.string().regex(/^Z[A-Z0-9]{4,32}$/)),
    instructorAccountId: optionalText(z.string().regex(/^\d{12}$/)),
    crossaccountRole: optionalText(z.string().regex(/^[\w+=,.@-]{1,64}$/)),
  })
  .refine(
    (value) =>
      value.awsMode !== "assumed-role" ||
      (value.roleArnTemplate !== null && value.externalId !== null),
    { path: ["roleArnTemplate"] },
  )
  .refine((value) => !value.startsAt || Date.parse(value.startsAt) < Date.parse(value.endsAt), {
    path: ["endsAt"],
  });

export type EventSettingsInput = z.input<typeof eventSettingsSchema>;
