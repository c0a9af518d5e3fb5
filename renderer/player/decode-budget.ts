import { LOOSE, RELAXED, TIGHT, type LatencyPolicy } from './latency-control.js';

/**
 * One decode budget per window, as levels from generous to frugal. Each step down costs the
 * operators something (a little latency, then picture size), so the window only steps down
 * when it is measurably falling behind, and tries to step back up later.
 */
export const BUDGET_LEVELS = [
  { name: 'full', latency: TIGHT, subOnly: false },
  { name: 'relaxed', latency: RELAXED, subOnly: false },
  { name: 'sub-only', latency: LOOSE, subOnly: true },
] as const satisfies readonly { name: string; latency: LatencyPolicy; subOnly: boolean }[];
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];

export interface BudgetConfig {
  /** A second in which more than this share of decoded frames were dropped is a bad second. */
  badDropShare: number;
  /** Step down after this many bad seconds within the window below. */
  badSecondsToStepDown: number;
  windowSeconds: number;
  /** First wait before trying a higher level again; doubles after each failed try, up to the cap. */
  retryAfterSeconds: number;
  retryCapSeconds: number;
  /** Seconds after a level change in which samples are ignored (players reconnect, servers burst their GOP cache). */
  settleSeconds: number;
}

export const DEFAULT_BUDGET: BudgetConfig = {
  badDropShare: 0.1,
  badSecondsToStepDown: 3,
  windowSeconds: 10,
  retryAfterSeconds: 60,
  retryCapSeconds: 600,
  settleSeconds: 4,
};

export interface BudgetState {
  level: number;
  /** Times (s) of recent bad seconds. */
  badSeconds: number[];
  changedAt: number;
  /** When to try the next higher level; null at the top. */
  retryAt: number | null;
  retryDelay: number;
  /** When the window last stepped up a level; a step down soon after means the try failed. */
  steppedUpAt: number | null;
}

export function initialBudget(now: number, config: BudgetConfig = DEFAULT_BUDGET): BudgetState {
  return { level: 0, badSeconds: [], changedAt: now, retryAt: null, retryDelay: config.retryAfterSeconds, steppedUpAt: null };
}

/**
 * Feeds one second of the window's decoding (frames decoded and dropped across its tiles) into
 * the budget: steps down a level after repeated bad seconds, steps back up after a quiet
 * spell, and backs off further each time a step up fails straight away.
 */
export function stepBudget(state: BudgetState, now: number, decoded: number, dropped: number, config: BudgetConfig = DEFAULT_BUDGET): BudgetState {
  if (now - state.changedAt < config.settleSeconds) return state;
  const bad = decoded > 0 && dropped / decoded > config.badDropShare;
  const badSeconds = [...state.badSeconds.filter((t) => t > now - config.windowSeconds), ...(bad ? [now] : [])];
  if (badSeconds.length >= config.badSecondsToStepDown && state.level < BUDGET_LEVELS.length - 1) {
    // A step up that fails at once doubles the wait before the next try.
    const failedRetry = state.steppedUpAt !== null && now - state.steppedUpAt < config.windowSeconds * 2;
    const retryDelay = failedRetry ? Math.min(config.retryCapSeconds, state.retryDelay * 2) : state.retryDelay;
    return { level: state.level + 1, badSeconds: [], changedAt: now, retryAt: now + retryDelay, retryDelay, steppedUpAt: null };
  }
  if (state.retryAt !== null && now >= state.retryAt && badSeconds.length === 0) {
    const level = state.level - 1;
    return { level, badSeconds: [], changedAt: now, retryAt: level > 0 ? now + state.retryDelay : null, retryDelay: state.retryDelay, steppedUpAt: now };
  }
  return { ...state, badSeconds };
}
