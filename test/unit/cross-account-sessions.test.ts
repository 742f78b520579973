import { describe, expect, it } from "vitest";
import type { AwsClients } from "@/lib/aws/client";
import { keepSession, keptSessionCount } from "@/lib/lab/cross-account";

const HOUR = 60 * 60 * 1000;
const clients = {} as AwsClients;

describe("the class zone's role sessions a process keeps", () => {
  it("forgets expired sessions when the next is kept: an hour's renewals don't pile up", () => {
    const start = Date.parse("2026-12-04T09:00:00Z");
    // 300 attendees whose credentials (and so session keys) are renewed every hour for a day.
    for (let hour = 0; hour < 8; hour += 1) {
      for (let attendee = 0; attendee < 300; attendee += 1) {
        const now = start + hour * HOUR + attendee;
        keepSession(`key-${hour}-${attendee}`, { aws: clients, expiresAt: now + HOUR }, now);
      }
    }
    expect(keptSessionCount()).toBeLessThanOrEqual(600);
    expect(keptSessionCount()).toBeGreaterThanOrEqual(300);
  });
});
