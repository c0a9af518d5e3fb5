import { backoffDelay, type BackoffPolicy } from '../../protocol/index.js';

/** How a wall window recovers from crashes and hangs. */
export interface RecoveryPolicy {
  backoff: BackoffPolicy;
  /** Crashes further apart than this start the count again: a window that ran this long was well. */
  forgetAfterMs: number;
  /** After this many quick failures in a row a reload is not enough: the window is recreated. */
  recreateAfter: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  backoff: { initialMs: 1000, maxMs: 60_000, jitter: 0 },
  forgetAfterMs: 10 * 60_000,
  recreateAfter: 3,
};

export type RecoveryStep = { kind: 'reload' | 'recreate'; delayMs: number; attempt: number };

/** A window's recent failures (ms since epoch, oldest first), kept per screen by the caller. */
export type FailureHistory = readonly number[];

/**
 * What to do after a window's renderer crashed or hung: reload after a capped, growing delay;
 * every `recreateAfter`-th quick failure, recreate the window instead (a fresh process and GPU
 * context). Never gives up: an unattended wall keeps trying at the capped delay. Pure: returns
 * the step and the history to keep.
 */
export function nextRecoveryStep(history: FailureHistory, now: number, policy: RecoveryPolicy = DEFAULT_RECOVERY_POLICY): { step: RecoveryStep; history: number[] } {
  // The history is one run of failures: a quiet period longer than forgetAfterMs ends it.
  const lastGap = history.length > 0 ? now - (history[history.length - 1] as number) : Infinity;
  const run = lastGap > policy.forgetAfterMs ? [] : history.slice(-32);
  const kept = [...run, now];
  const attempt = kept.length - 1;
  const kind = kept.length % policy.recreateAfter === 0 ? 'recreate' : 'reload';
  return { step: { kind, delayMs: backoffDelay(policy.backoff, attempt, 0.5), attempt }, history: kept };
}
