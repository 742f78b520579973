// How quickly the sandbox follows an attendee's IAM changes, as AWS does within seconds: lab steps
// that change IAM and then look through the sandbox wait these out.

/**
 * How long the sandbox's instance metadata service reuses one look at its instance's profile (the
 * app's metadata client waits 1 s): a role attached just now reaches the app after at most this.
 */
export const DESCRIBE_REUSE_MS = 1_500;

/** Policies are re-read after this long, so an attendee's policy change shows on the next upload. */
export const POLICY_CACHE_MS = 2_000;
