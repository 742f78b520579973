import { z } from "zod";

/** The instructor's hosted zone the whole class publishes into (Module 4), as the event stores it. */
export type SharedZone = {
  domain: string;
  zoneId: string;
  instructorAccountId: string;
  roleName: string;
  /** The sandbox's emulators (SANDBOX_AWS_ENDPOINT) when the zone is the sandbox's own. */
  sandboxEndpoints?: string;
};

/** The lab's cross-account role and, in the sandbox, the domain the demo event uses. */
export const APP_SERVICES = {
  crossAccountRole: "awslab_crossaccount_role",
  sandboxDomain: "aws101.example",
  recordTtl: 30,
  maintenanceDocument: "maintenance.html",
  /** S3 website endpoints of ap-northeast-2 answer for this hosted zone (Route 53 alias targets). */
  websiteRegion: "ap-northeast-2",
  websiteHostedZoneId: "Z3W03O7B5YMIYP",
} as const;

/** Names a DNS label can't take in a class zone: they are the zone's own or look like services. */
const RESERVED_LABELS = new Set(["www", "mail", "smtp", "ns", "ns1", "ns2", "api", "admin", "ftp"]);

/** A DNS label of lower-case letters, digits and inner hyphens: it becomes a record and a bucket name. */
export const initialsSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, { message: "initials.tooShort" })
  .max(20, { message: "initials.tooLong" })
  .regex(/^[a-z0-9-]+$/, { message: "initials.characters" })
  .regex(/^[a-z0-9](?:.*[a-z0-9])?$/, { message: "initials.edges" })
  .refine((label) => !label.includes("--"), { message: "initials.doubleHyphen" })
  .refine((label) => !RESERVED_LABELS.has(label), { message: "initials.reserved" });

/** Every Module 4 name derives from the attendee's initials and the event's domain. */
export function appServicesNames(initials: string, domain: string) {
  const record = `${initials}.${domain}`;
  return {
    record,
    /** The console's health-check Name tag, as the lab tells attendees to type it. */
    healthCheck: record,
    topic: `${initials}_route53_health`,
    /** Route 53 can alias only to a website bucket named exactly like the record. */
    bucket: record,
    websiteHost: `${record}.s3-website.${APP_SERVICES.websiteRegion}.amazonaws.com`,
  };
}

export type AppServicesNames = ReturnType<typeof appServicesNames>;

export const consoleSignInUrl = (accountId: string) =>
  `https://${accountId}.signin.aws.amazon.com/console`;

export function switchRoleUrl(zone: Pick<SharedZone, "instructorAccountId" | "roleName">) {
  const query = new URLSearchParams({
    account: zone.instructorAccountId,
    roleName: zone.roleName,
    displayName: "AWS 101",
  });
  return `https://signin.aws.amazon.com/switchrole?${query.toString()}`;
}

export const crossAccountRoleArn = (zone: Pick<SharedZone, "instructorAccountId" | "roleName">) =>
  `arn:aws:iam::${zone.instructorAccountId}:role/${zone.roleName}`;
