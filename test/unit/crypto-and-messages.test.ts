import { describe, expect, it } from "vitest";
import { hashPassword, open, seal, verifyPassword } from "@/lib/crypto";
import { en } from "@/messages/en";
import { ko } from "@/messages/ko";

describe("sealing secrets", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-credentials:a1");
    expect(JSON.stringify(sealed)).not.toContain("wJalrXUtnFEMI");
    expect(open(sealed, "aws-credentials:a1")).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("refuses a tampered ciphertext and a value moved to another attendee", () => {
    const sealed = seal("secret", "aws-credentials:a1");
    const flipped = Buffer.from(sealed.ciphertext, "base64");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      open({ ...sealed, ciphertext: flipped.toString("base64") }, "aws-credentials:a1"),
    ).toThrow();
    expect(() => open(sealed, "aws-credentials:a2")).toThrow();
  });

  it("hashes instructor passwords with a salt", async () => {
    const first = await hashPassword("correct horse");
    expect(first).not.toBe(await hashPassword("correct horse"));
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("wrong", first)).toBe(false);
  });
});

describe("message catalogues", () => {
  const placeholders = (text: string) =>
    [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
  it("use the same placeholders in Korean and English", () => {
    for (const key of Object.keys(ko) as (keyof typeof ko)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ko[key]));
    }
  });
});
