/** Settings of a capped exponential back-off. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** Fraction of the delay randomised either way, 0 to 1, so many clients do not retry in step. */
  jitter: number;
}

/** Delay before retry number `attempt` (0 for the first retry); `random` is in [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: number): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt));
  const spread = base * policy.jitter * (random * 2 - 1);
  return Math.max(0, Math.round(base + spread));
}
