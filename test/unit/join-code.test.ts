import { describe, expect, it } from "vitest";
import { joinSchema } from "@/lib/auth/schemas";
import { generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/join-code";

describe("generated join codes", () => {
  it("are 8 characters without look-alikes, and pass the join form's validation", () => {
    const codes = Array.from({ length: 200 }, generateJoinCode);
    for (const code of codes) {
      expect(code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
      expect(code).not.toMatch(/[01OIL]/);
      const parsed = joinSchema.safeParse({ joinCode: code, displayName: "Kim" });
      expect(parsed.success && parsed.data.joinCode).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join(""))).toEqual(new Set(JOIN_CODE_ALPHABET));
  });

  it("leave the fixed demo and e2e codes valid", () => {
    for (const joinCode of ["AWS101", "E2ETEST", "aws101"]) {
      expect(joinSchema.safeParse({ joinCode, displayName: "Kim" }).success).toBe(true);
    }
  });
});
