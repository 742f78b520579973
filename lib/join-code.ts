import { randomInt } from "node:crypto";

/** Letters and digits that read alike (0/O, 1/I/L) are left out, so a code is read aloud and typed once. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

// 31^8 ≈ 8.5 × 10^11 codes. The join limiter lets one address fail at most 1,000 times per
// 10 minutes (144,000 a day), so even 1,000 addresses guessing for a whole day find a live code
// with a chance of about 1.7 × 10^-4 — and an event lasts a day.
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1)
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
