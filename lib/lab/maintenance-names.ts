import type { AccountPublicAccess } from "@/lib/aws/s3-control";
import type { WebsiteBucketConfig } from "@/lib/aws/types";

/** The attendee's maintenance-page bucket (named like their record), as far as it exists. */
export type MaintenanceSite =
  | { state: "unreadable"; why: "no-zone-configured" | "no-initials" }
  | {
      state: "read";
      bucket: string;
      /** Other buckets of the account that look meant to be this one (a near miss of the name). */
      similar: string[];
      /** undefined: no bucket of that name in the account. */
      region?: string;
      /** Read only when the bucket is in ap-northeast-2. */
      config?: WebsiteBucketConfig;
      account?: AccountPublicAccess;
    };

/**
 * Bucket names an attendee types instead of the record: the initials alone, the record with a
 * prefix or suffix (`www.`, `https-`), dashes for dots, the domain left off or changed.
 */
export function similarBucketNames(names: string[], initials: string, domain: string): string[] {
  const record = `${initials}.${domain}`;
  const flat = (name: string) => name.replace(/[^a-z0-9]/g, "");
  return names.filter((name) => {
    if (name === record) return false;
    const labels = name.split(/[.-]/);
    return (
      name === initials ||
      name.includes(record) ||
      flat(name).includes(flat(record)) ||
      (labels.includes(initials) && labels.includes(domain.split(".")[0] ?? ""))
    );
  });
}
