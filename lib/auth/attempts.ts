import "server-only";

/** Failed attempts per key inside a sliding window. */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** A client that rotates its key never asks about the old one again: drop stale keys once a window. */
  private sweep() {
    const since = this.now() - this.windowMs;
    if (this.lastSweep > since) return;
    this.lastSweep = this.now();
    for (const [key, times] of this.failures) {
      if ((times.at(-1) ?? 0) <= since) this.failures.delete(key);
    }
  }

  isBlocked(key: string): boolean {
    return this.recent(key).length >= this.maxFailures;
  }

  fail(key: string) {
    this.sweep();
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  get trackedKeys(): number {
    return this.failures.size;
  }
}

export type JoinClient = { device: string; address: string };
export type JoinBlock = "device" | "address";

export const JOIN_LIMITS = {
  perDevice: 5,
  /** A class of 300 behind one venue NAT, each with a typo or three, stays well below this. */
  perAddress: 1000,
  windowMs: 10 * 60 * 1000,
};

/**
 * Wrong join codes are counted per browser (the device cookie) strictly, so one attendee's typos
 * never lock out the others behind the same address, and per address generously, because a client
 * that drops its cookie gets a new device on every try.
 */
export class JoinAttempts {
  private readonly devices: AttemptLimiter;
  private readonly addresses: AttemptLimiter;

  constructor(limits: typeof JOIN_LIMITS, now: () => number = Date.now) {
    this.devices = new AttemptLimiter(limits.perDevice, limits.windowMs, now);
    this.addresses = new AttemptLimiter(limits.perAddress, limits.windowMs, now);
  }

  blockedBy(client: JoinClient): JoinBlock | undefined {
    if (this.devices.isBlocked(client.device)) return "device";
    if (this.addresses.isBlocked(client.address)) return "address";
    return undefined;
  }

  fail(client: JoinClient) {
    this.devices.fail(client.device);
    this.addresses.fail(client.address);
  }
}

const globalForJoin = globalThis as unknown as { joinAttempts?: JoinAttempts };

export const joinAttempts = (globalForJoin.joinAttempts ??= new JoinAttempts(JOIN_LIMITS));
