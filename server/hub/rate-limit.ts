/**
 * A token bucket per client: `burst` requests at once, refilled at `perSecond`. Pure: the caller
 * passes the time, so tests need no clock.
 */
export class RateLimiter {
  #tokens: number;
  #last: number;

  constructor(private readonly burst: number, private readonly perSecond: number, now: number) {
    this.#tokens = burst;
    this.#last = now;
  }

  /** Takes one token; false when the client is over its rate and the request must be refused. */
  take(now: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
