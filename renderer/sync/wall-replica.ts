import { applyWallChange, type CatchUp, type Snapshot, type WallChange, type WallState } from '../../protocol/index.js';

/** What the replica did with a change: applied, ignored as already seen, or found a gap it must sync over. */
export type ChangeResult = 'applied' | 'stale' | 'gap';

/**
 * A client's copy of its wall: starts from a snapshot and applies changes strictly in sequence,
 * so every screen ends in the server's state, in the server's order. Pure: no I/O.
 */
export class WallReplica {
  #snapshot: Snapshot;

  constructor(snapshot: Snapshot) {
    this.#snapshot = snapshot;
  }

  get snapshot(): Snapshot {
    return this.#snapshot;
  }

  get wall(): WallState {
    return this.#snapshot.wall;
  }

  get sequence(): number {
    return this.#snapshot.wall.sequence;
  }

  /** Applies the next change; a change from the past is ignored, one from the future is a gap. */
  applyChange(change: WallChange): ChangeResult {
    if (change.sequence <= this.sequence) return 'stale';
    if (change.sequence !== this.sequence + 1) return 'gap';
    this.#snapshot = { ...this.#snapshot, wall: applyWallChange(this.#snapshot.wall, change) };
    return 'applied';
  }

  /** Applies a catch-up: a fresh snapshot replaces everything, changes apply in order. False on a gap. */
  applyCatchUp(catchUp: CatchUp): boolean {
    if (catchUp.kind === 'snapshot') {
      this.#snapshot = catchUp.snapshot;
      return true;
    }
    for (const change of catchUp.changes) {
      if (this.applyChange(change) === 'gap') return false;
    }
    return true;
  }
}
