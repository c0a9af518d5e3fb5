/** How close to the live edge a tile plays, and how it catches up. */
export interface LatencyPolicy {
  name: 'tight' | 'relaxed' | 'loose';
  /** Catching up stops once the buffer ahead of the play head is down to this (s). */
  targetSeconds: number;
  /** Catching up starts when the buffer ahead grows past this (s). */
  maxSeconds: number;
  /** Playback rate while catching up: every extra percent is extra decoding. */
  catchUpRate: number;
  /** Further behind than this (s), jump to the live edge instead: a seek costs a burst of decoding. */
  seekAboveSeconds: number;
}

/** Near the live edge: for a window with decode time to spare. */
export const TIGHT: LatencyPolicy = { name: 'tight', targetSeconds: 0.1, maxSeconds: 0.25, catchUpRate: 1.1, seekAboveSeconds: 1.5 };
/** A little further back and gentler: for a window that is dropping frames. */
export const RELAXED: LatencyPolicy = { name: 'relaxed', targetSeconds: 0.3, maxSeconds: 1.0, catchUpRate: 1.05, seekAboveSeconds: 5 };
/** No catching up to speak of: for a window at the limit of its decoders. */
export const LOOSE: LatencyPolicy = { name: 'loose', targetSeconds: 1, maxSeconds: 4, catchUpRate: 1.02, seekAboveSeconds: 15 };

/**
 * The playback rate for a tile with `aheadSeconds` of video buffered past its play head:
 * speed up past the maximum, back to normal at the target, and in between keep what it has
 * (the hysteresis stops the rate flapping every tick).
 */
export function playbackRateFor(aheadSeconds: number, currentRate: number, policy: LatencyPolicy): number {
  // Far behind, catch up twice as fast: a gentle rate alone takes many seconds to return.
  if (aheadSeconds > policy.maxSeconds * 2) return 1 + (policy.catchUpRate - 1) * 2;
  if (aheadSeconds > policy.maxSeconds) return policy.catchUpRate;
  if (aheadSeconds <= policy.targetSeconds) return 1;
  return currentRate > 1 ? Math.min(currentRate, policy.catchUpRate) : 1;
}

/**
 * Where to jump to when a tile is too far behind the live edge, or null to stay put. A tile that
 * has not reached the live edge since its player started jumps as soon as it is past the
 * maximum: a new player starts a GOP behind (the server bursts its cached GOP), and catching up
 * by playing faster takes seconds, each frame of them at risk of being dropped.
 */
export function seekTargetFor(aheadSeconds: number, bufferEnd: number, policy: LatencyPolicy, reachedLiveEdge = true): number | null {
  const threshold = reachedLiveEdge ? policy.seekAboveSeconds : policy.maxSeconds;
  return aheadSeconds > threshold ? bufferEnd - policy.targetSeconds : null;
}

/**
 * The policy a tile plays by. A player that batches its network input (mpegts.js's stash
 * buffer, on grids of 25 tiles or more) gets video in bursts of about an eighth of a second, so
 * it holds at least the relaxed band: in the tight band it kept running dry and catching up
 * (a 25-tile probe, three 20-s runs each: 1.6-2.1 % dropped against 0.01-0.41 % relaxed).
 */
export function tilePolicy(windowPolicy: LatencyPolicy, batching: boolean): LatencyPolicy {
  return batching && windowPolicy.targetSeconds < RELAXED.targetSeconds ? RELAXED : windowPolicy;
}
