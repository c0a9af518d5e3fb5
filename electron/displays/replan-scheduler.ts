/** Timer functions, injected so tests drive time by hand. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Collapses a burst of display events (unplugging one monitor fires removed, then several
 * metrics-changed) into one re-plan after the burst is quiet for `quietMs`.
 */
export class ReplanScheduler {
  private pending: unknown = null;

  constructor(
    private readonly quietMs: number,
    private readonly replan: (cause: string) => void,
    private readonly timers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
  ) {}

  /** Records an event; the re-plan runs once, `quietMs` after the last event, naming the causes. */
  request(cause: string): void {
    this.causes.add(cause);
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      const causes = [...this.causes].join(', ');
      this.causes.clear();
      this.replan(causes);
    }, this.quietMs);
  }

  /** Drops a pending re-plan (at quit). */
  cancel(): void {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
    this.causes.clear();
  }

  private readonly causes = new Set<string>();
}
