import type { ScreenState } from '../../protocol/index.js';

/** Starts a one-shot timer; returns the function that cancels it. Injected so tests hold the clock. */
export type StartTimer = (callback: () => void, milliseconds: number) => () => void;

/** Real timers that do not keep the process alive on their own. */
export const realTimer: StartTimer = (callback, milliseconds) => {
  const timer = setTimeout(callback, milliseconds);
  timer.unref();
  return () => clearTimeout(timer);
};

/** A push still showing on its screen, and how to go back from it. */
export interface PendingPush {
  wallId: string;
  screenId: string;
  incidentId: string;
  /** The screen as it was before the (first) push: what a revert restores. */
  before: ScreenState;
  /** The screen's version the push made; any other version means someone changed it since. */
  pushedVersion: number;
}

export interface PushRevertsOptions {
  /** The screen's version now, or undefined when it is gone. */
  currentVersion(wallId: string, screenId: string): number | undefined;
  /** Puts the screen back; the caller commits and audits it. */
  revert(push: PendingPush, reason: string): void;
  startTimer?: StartTimer;
}

/**
 * Remembers what each pushed screen showed before, and puts it back when the push's time is up
 * or its incident closes, once. A screen someone changed after the push is theirs: it is left
 * alone. At most one pending push per screen, so the list stays bounded.
 */
export class PushReverts {
  readonly #pending = new Map<string, PendingPush & { cancelTimer: () => void }>();
  readonly #startTimer: StartTimer;

  constructor(private readonly options: PushRevertsOptions) {
    this.#startTimer = options.startTimer ?? realTimer;
  }

  /** Records a push just applied; revertAfterSeconds null means only the incident's closing reverts it. */
  pushed(push: PendingPush, revertAfterSeconds: number | null): void {
    const key = keyOf(push.wallId, push.screenId);
    const earlier = this.#pending.get(key);
    earlier?.cancelTimer();
    // A push onto a screen still showing an earlier push goes back to the layout before the first one.
    const before = earlier && earlier.pushedVersion === push.before.version ? earlier.before : push.before;
    const entry: PendingPush & { cancelTimer: () => void } = { ...push, before, cancelTimer: () => undefined };
    if (revertAfterSeconds !== null) {
      entry.cancelTimer = this.#startTimer(() => this.#finish(key, entry, `${revertAfterSeconds} s are up`), revertAfterSeconds * 1000);
    }
    this.#pending.set(key, entry);
  }

  /** Reverts every screen still showing the incident that just closed. */
  incidentClosed(incidentId: string): void {
    for (const [key, entry] of [...this.#pending]) {
      if (entry.incidentId === incidentId) this.#finish(key, entry, `incident ${incidentId} closed`);
    }
  }

  /** The pushes waiting to revert (for diagnostics and tests). */
  pending(): PendingPush[] {
    return [...this.#pending.values()].map(withoutTimer);
  }

  /** Cancels every timer; nothing reverts after this. */
  close(): void {
    for (const entry of this.#pending.values()) entry.cancelTimer();
    this.#pending.clear();
  }

  #finish(key: string, entry: PendingPush & { cancelTimer: () => void }, reason: string): void {
    if (this.#pending.get(key) !== entry) return;
    entry.cancelTimer();
    this.#pending.delete(key);
    if (this.options.currentVersion(entry.wallId, entry.screenId) !== entry.pushedVersion) return;
    this.options.revert(withoutTimer(entry), reason);
  }
}

function withoutTimer(entry: PendingPush): PendingPush {
  return { wallId: entry.wallId, screenId: entry.screenId, incidentId: entry.incidentId, before: entry.before, pushedVersion: entry.pushedVersion };
}

function keyOf(wallId: string, screenId: string): string {
  return `${wallId}\u0000${screenId}`;
}
