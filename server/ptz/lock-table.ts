import type { PtzHolder } from '../../protocol/ptz.js';

/** One camera's lock: who holds it, since when, and when the holder last did anything with it. */
export interface PtzLock {
  holder: PtzHolder;
  since: number;
  lastActiveAt: number;
}

export type ClaimResult = { ok: true; changed: boolean } | { ok: false; holder: PtzHolder };

/**
 * Who controls each PTZ camera: one holder at a time, released after `idleMs` without a command
 * from the holder, taken over by a supervisor. Pure: every time is passed in.
 */
export class PtzLockTable {
  readonly #locks = new Map<string, PtzLock>();

  constructor(private readonly idleMs: number) {}

  /** The lock on a camera, or undefined when nobody holds it. */
  get(cameraId: string): PtzLock | undefined {
    return this.#locks.get(cameraId);
  }

  /** Takes a free lock or keeps the holder's own one fresh; refuses when another user holds it. */
  claim(cameraId: string, holder: PtzHolder, now: number): ClaimResult {
    const lock = this.#locks.get(cameraId);
    if (lock && lock.holder.userId !== holder.userId) return { ok: false, holder: lock.holder };
    if (lock) {
      lock.lastActiveAt = now;
      return { ok: true, changed: false };
    }
    this.#locks.set(cameraId, { holder, since: now, lastActiveAt: now });
    return { ok: true, changed: true };
  }

  /** Gives the lock to `holder` whoever held it; returns the previous holder. */
  takeOver(cameraId: string, holder: PtzHolder, now: number): PtzHolder | undefined {
    const previous = this.#locks.get(cameraId);
    if (previous?.holder.userId === holder.userId) {
      previous.lastActiveAt = now;
      return undefined;
    }
    this.#locks.set(cameraId, { holder, since: now, lastActiveAt: now });
    return previous?.holder;
  }

  /** Releases the lock if `userId` holds it; true when it did. */
  release(cameraId: string, userId: string): boolean {
    if (this.#locks.get(cameraId)?.holder.userId !== userId) return false;
    this.#locks.delete(cameraId);
    return true;
  }

  /** The cameras whose lock `userId` holds. */
  heldBy(userId: string): string[] {
    return [...this.#locks].filter(([, lock]) => lock.holder.userId === userId).map(([cameraId]) => cameraId);
  }

  /** Releases every lock idle since `now - idleMs`, except on cameras in `busy`; returns their cameras. */
  expire(now: number, busy: ReadonlySet<string>): string[] {
    const expired: string[] = [];
    for (const [cameraId, lock] of this.#locks) {
      if (busy.has(cameraId) || now - lock.lastActiveAt < this.idleMs) continue;
      this.#locks.delete(cameraId);
      expired.push(cameraId);
    }
    return expired;
  }

  /** Every camera that has a holder. */
  cameras(): string[] {
    return [...this.#locks.keys()];
  }
}
