import { BUDGET_LEVELS, initialBudget, stepBudget, type BudgetLevel, type BudgetState } from './decode-budget.js';

/** What the budget reads from each playing tile: its video element's running frame counts. */
export interface FrameCounter {
  frameCounts(): { decoded: number; dropped: number };
}

const SAMPLE_MS = 1000;
/** A new player's first seconds are not counted: the server bursts its cached GOP at it. */
const IGNORE_NEW_PLAYER_MS = 3000;

/**
 * The decode budget of this window: samples every registered tile once a second, feeds the
 * totals to the pure budget, and tells subscribers when the level changes.
 */
export class WindowDecodeBudget {
  #state: BudgetState = initialBudget(performance.now() / 1000);
  readonly #last = new Map<FrameCounter, { decoded: number; dropped: number; since: number }>();
  readonly #listeners = new Set<(level: BudgetLevel) => void>();
  #timer: number | undefined;

  get level(): BudgetLevel {
    return BUDGET_LEVELS[this.#state.level] ?? BUDGET_LEVELS[0];
  }

  register(counter: FrameCounter): () => void {
    this.restarted(counter);
    this.#timer ??= window.setInterval(() => this.#sample(), SAMPLE_MS);
    return () => {
      this.#last.delete(counter);
      if (this.#last.size === 0) {
        window.clearInterval(this.#timer);
        this.#timer = undefined;
      }
    };
  }

  /** A tile started a new player: its counts start again and its first seconds are not judged. */
  restarted(counter: FrameCounter): void {
    this.#last.set(counter, { ...counter.frameCounts(), since: performance.now() });
  }

  subscribe(listener: (level: BudgetLevel) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  #sample(): void {
    let decoded = 0;
    let dropped = 0;
    const now = performance.now();
    for (const [counter, previous] of this.#last) {
      const counts = counter.frameCounts();
      if (now - previous.since >= IGNORE_NEW_PLAYER_MS) {
        // A recreated player can reset its element's counters: count nothing rather than a negative.
        decoded += Math.max(0, counts.decoded - previous.decoded);
        dropped += Math.max(0, counts.dropped - previous.dropped);
      }
      this.#last.set(counter, { ...counts, since: previous.since });
    }
    const before = this.#state.level;
    this.#state = stepBudget(this.#state, now / 1000, decoded, dropped);
    if (this.#state.level !== before) for (const listener of this.#listeners) listener(this.level);
  }
}

/** The one budget of this window. */
export const windowBudget = new WindowDecodeBudget();
