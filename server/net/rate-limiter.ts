export interface RateLimit {
  /** Commands a client may send at once after a quiet spell. */
  burst: number;
  /** Commands per second a client may keep up. */
  perSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A token bucket per client: `allow` spends a token or refuses. Pure: every time is passed in. */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly limit: RateLimit) {}

  /** True when `clientId` may send one more command now (and counts it). */
  allow(clientId: string, now: number): boolean {
    const bucket = this.#buckets.get(clientId) ?? { tokens: this.limit.burst, updatedAt: now };
    const refilled = Math.min(this.limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.limit.perSecond);
    const allowed = refilled >= 1;
    this.#buckets.set(clientId, { tokens: allowed ? refilled - 1 : refilled, updatedAt: now });
    return allowed;
  }

  /** Drops a client's bucket when it disconnects. */
  forget(clientId: string): void {
    this.#buckets.delete(clientId);
  }
}
