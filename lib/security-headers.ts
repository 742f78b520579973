import { randomBytes } from "node:crypto";

/** Read by pages and route handlers that write their own inline `<style>` or `<script>`. */
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets them load Next's chunks), so
 * markup that slips into a page can't run. Style attributes stay allowed: React's progress bar and
 * the code highlighter's colours are attributes, which can't carry a nonce and can't run code.
 * Next's dev server evaluates modules with eval, and only there.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { https: boolean; dev: boolean },
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Sent only when the portal is served over HTTPS; Referrer-Policy and the rest are in next.config.mjs. */
export const HSTS = "max-age=31536000";
