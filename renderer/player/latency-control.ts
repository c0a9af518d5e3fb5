/** How close to the live edge a tile plays, and how it catches up. */
export interface LatencyPolicy {
  name: 'tight' | 'relaxed';
  /** Catching up stops once the buffer ahead of the play head is down to this (s). */
  targetSeconds: number;
  /** Catching up starts when the buffer ahead grows past this (s). */
  maxSeconds: number;
  /** Playback rate while catching up: every extra percent is extra decoding. */
  catchUpRate: number;
}

/** Near the live edge: for a window with decode time to spare. */
export const TIGHT: LatencyPolicy = { name: 'tight', targetSeconds: 0.08, maxSeconds: 0.2, catchUpRate: 1.15 };
/** A little further back and gentler: for a window that is dropping frames. */
export const RELAXED: LatencyPolicy = { name: 'relaxed', targetSeconds: 0.3, maxSeconds: 1.0, catchUpRate: 1.05 };

/**
 * The playback rate for a tile with `aheadSeconds` of video buffered past its play head:
 * speed up past the maximum, back to normal at the target, and in between keep what it has
 * (the hysteresis stops the rate flapping every tick).
 */
export function playbackRateFor(aheadSeconds: number, currentRate: number, policy: LatencyPolicy): number {
  if (aheadSeconds > policy.maxSeconds) return policy.catchUpRate;
  if (aheadSeconds <= policy.targetSeconds) return 1;
  return currentRate > 1 ? policy.catchUpRate : 1;
}
