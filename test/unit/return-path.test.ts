import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";

describe("return path after joining", () => {
  it("accepts the portal's attendee pages", () => {
    for (const path of ["/lab", "/lab/compute", "/lab/compute/ssh-access", "/credentials"]) {
      expect(safeReturnPath(path)).toBe(path);
    }
  });

  it("rejects other sites, other pages and anything that is not a plain path", () => {
    for (const value of [
      "//evil.example/lab/x",
      "/\\evil.example",
      "https://evil.example/lab/compute",
      "/lab/../instructor",
      "/lab/compute/ssh-access?x=1",
      "/lab/compute/ssh-access/extra",
      "/lab/%2F%2Fevil.example",
      "/laboratory",
      "/credentials/x",
      "/instructor",
      "/",
      "",
      ["/lab"],
      undefined,
    ]) {
      expect(safeReturnPath(value)).toBeUndefined();
    }
  });
});
