import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CSRF_COOKIE = "csrf_nonce";
export const CSRF_FIELD = "csrf_token";
const NONCE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Signed double-submit: the cookie holds a random nonce, the form carries its HMAC under a
 * per-process secret. A cross-site form can neither read the cookie nor forge the HMAC.
 */
export class Csrf {
  constructor(private readonly secret: Buffer = randomBytes(32)) {}

  private sign(nonce: string): string {
    return createHmac("sha256", this.secret).update(nonce).digest("base64url");
  }

  /** Reuses a well-formed nonce so several open tabs keep working. */
  issue(existingNonce: string | undefined): { nonce: string; token: string } {
    const nonce =
      existingNonce && NONCE_PATTERN.test(existingNonce)
        ? existingNonce
        : randomBytes(16).toString("base64url");
    return { nonce, token: this.sign(nonce) };
  }

  verify(nonce: string | undefined, token: string | undefined): boolean {
    if (!nonce || !token || !NONCE_PATTERN.test(nonce)) return false;
    const expected = Buffer.from(this.sign(nonce));
    const actual = Buffer.from(token);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
