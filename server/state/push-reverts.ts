import type { ScreenState } from '../../protocol/index.js';
import { MemoryPendingPushStore, type PendingPushStore, type StoredPush } from './pending-push-store.js';

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
  /** The clock revert times are reckoned by (tests hold it). */
  now?: () => Date;
  /** Where pending pushes outlive a restart. Default: memory only. */
  store?: PendingPushStore;
}

type Entry = StoredPush & { cancelTimer: () => void };

/**
 * Remembers what each pushed screen showed before, and puts it back when the push's time is up
 * or its incident closes, once. A screen someone changed after the push is theirs: it is left
 * alone. At most one pending push per screen, so the list stays bounded. Every pending push is
 * written to the store, so a restarted server can take them up again with restore().
 */
export class PushReverts {
  readonly #pending = new Map<string, Entry>();
  readonly #startTimer: StartTimer;
  readonly #now: () => Date;
  readonly #store: PendingPushStore;

  constructor(private readonly options: PushRevertsOptions) {
    this.#startTimer = options.startTimer ?? realTimer;
    this.#now = options.now ?? (() => new Date());
    this.#store = options.store ?? new MemoryPendingPushStore();
  }

  /** Records a push just applied; revertAfterSeconds null means only the incident's closing reverts it. */
  pushed(push: PendingPush, revertAfterSeconds: number | null): void {
    const key = keyOf(push.wallId, push.screenId);
    const earlier = this.#pending.get(key);
    earlier?.cancelTimer();
    // A push onto a screen still showing an earlier push goes back to the layout before the first one.
    const before = earlier && earlier.pushedVersion === push.before.version ? earlier.before : push.before;
    const revertAt = revertAfterSeconds === null ? null : new Date(this.#now().getTime() + revertAfterSeconds * 1000).toISOString();
    const entry: Entry = { ...withoutTimer(push), before, revertAt, cancelTimer: () => undefined };
    this.#store.save(stored(entry));
    if (revertAfterSeconds !== null) {
      entry.cancelTimer = this.#startTimer(() => this.#finish(key, entry, `${revertAfterSeconds} s are up`), revertAfterSeconds * 1000);
    }
    this.#pending.set(key, entry);
  }

  /**
   * Takes up the pushes stored before a restart: one whose incident is closed or no longer
   * known, or whose time passed while the server was down, reverts now; one with time left gets
   * a timer for what is left; the rest wait for their incident to close. A screen changed since
   * its push is left alone, as ever. Returns how many were stored.
   */
  restore(isIncidentOpen: (incidentId: string) => boolean): number {
    const pushes = this.#store.load();
    for (const push of pushes) {
      const key = keyOf(push.wallId, push.screenId);
      if (this.#pending.has(key)) continue;
      const entry: Entry = { ...stored(push), cancelTimer: () => undefined };
      this.#pending.set(key, entry);
      const left = push.revertAt === null ? null : Date.parse(push.revertAt) - this.#now().getTime();
      if (!isIncidentOpen(push.incidentId)) {
        this.#finish(key, entry, `incident ${push.incidentId} closed or gone while the server was down`);
      } else if (left !== null && left <= 0) {
        this.#finish(key, entry, `its time was up at ${push.revertAt} while the server was down`);
      } else if (left !== null) {
        entry.cancelTimer = this.#startTimer(() => this.#finish(key, entry, `its time is up (${push.revertAt})`), left);
      }
    }
    return pushes.length;
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

  /** Cancels every timer; nothing reverts after this in this process, but the store keeps the pushes for the next start. */
  close(): void {
    for (const entry of this.#pending.values()) entry.cancelTimer();
    this.#pending.clear();
  }

  #finish(key: string, entry: Entry, reason: string): void {
    if (this.#pending.get(key) !== entry) return;
    entry.cancelTimer();
    this.#pending.delete(key);
    this.#store.remove(entry.wallId, entry.screenId);
    if (this.options.currentVersion(entry.wallId, entry.screenId) !== entry.pushedVersion) return;
    this.options.revert(withoutTimer(entry), reason);
  }
}

function withoutTimer(entry: PendingPush): PendingPush {
  return { wallId: entry.wallId, screenId: entry.screenId, incidentId: entry.incidentId, before: entry.before, pushedVersion: entry.pushedVersion };
}

function stored(entry: StoredPush): StoredPush {
  return { ...withoutTimer(entry), revertAt: entry.revertAt };
}

function keyOf(wallId: string, screenId: string): string {
  return `${wallId}\u0000${screenId}`;
}
