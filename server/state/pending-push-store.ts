import type Database from 'better-sqlite3';
import { ScreenStateSchema } from '../../protocol/index.js';
import { createLogger, type Logger } from '../log.js';
import type { PendingPush } from './push-reverts.js';
import { readStoredRow } from './stored-row.js';

/** A pending push as it is kept across restarts: when its time is up (ISO 8601), or null for "when the incident closes". */
export interface StoredPush extends PendingPush {
  revertAt: string | null;
}

/** Where PushReverts keeps its pending pushes: one per screen. */
export interface PendingPushStore {
  /** Every readable pending push. */
  load(): StoredPush[];
  /** Records the screen's pending push, replacing an earlier one of the same screen. */
  save(push: StoredPush): void;
  /** Forgets the screen's pending push (reverted, or left to whoever changed the screen). */
  remove(wallId: string, screenId: string): void;
}

/** Pending pushes that die with the process: the default, for tests. */
export class MemoryPendingPushStore implements PendingPushStore {
  readonly #pushes = new Map<string, StoredPush>();

  /** Every pending push. */
  load(): StoredPush[] {
    return [...this.#pushes.values()];
  }

  /** Records the screen's pending push. */
  save(push: StoredPush): void {
    this.#pushes.set(`${push.wallId}\u0000${push.screenId}`, push);
  }

  /** Forgets the screen's pending push. */
  remove(wallId: string, screenId: string): void {
    this.#pushes.delete(`${wallId}\u0000${screenId}`);
  }
}

interface Row {
  wall_id: string; screen_id: string; incident_id: string; before_json: string; pushed_version: number; revert_at: string | null;
}

/** Pending pushes in the server's SQLite file (table from WallStore's migrations). */
export class SqlitePendingPushStore implements PendingPushStore {
  constructor(private readonly db: Database.Database, private readonly log: Logger = createLogger('state')) {}

  /** Every readable pending push; a row whose screen no longer parses is logged and skipped. */
  load(): StoredPush[] {
    const pushes: StoredPush[] = [];
    for (const row of this.db.prepare<[], Row>('SELECT * FROM pending_pushes ORDER BY wall_id, screen_id').all()) {
      const before = readStoredRow(ScreenStateSchema, row.before_json, `pending push of ${row.wall_id}/${row.screen_id}`, this.log);
      const revertAt = row.revert_at === null || Number.isFinite(Date.parse(row.revert_at)) ? row.revert_at : undefined;
      if (revertAt === undefined) this.log.error(`stored pending push of ${row.wall_id}/${row.screen_id} skipped: revert time "${row.revert_at}" is not a time`);
      if (!before || revertAt === undefined) continue;
      pushes.push({ wallId: row.wall_id, screenId: row.screen_id, incidentId: row.incident_id, before, pushedVersion: row.pushed_version, revertAt });
    }
    return pushes;
  }

  /** Records the screen's pending push. */
  save(push: StoredPush): void {
    this.db.prepare(`INSERT INTO pending_pushes (wall_id, screen_id, incident_id, before_json, pushed_version, revert_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (wall_id, screen_id) DO UPDATE SET incident_id = excluded.incident_id, before_json = excluded.before_json,
      pushed_version = excluded.pushed_version, revert_at = excluded.revert_at`)
      .run(push.wallId, push.screenId, push.incidentId, JSON.stringify(push.before), push.pushedVersion, push.revertAt);
  }

  /** Forgets the screen's pending push. */
  remove(wallId: string, screenId: string): void {
    this.db.prepare('DELETE FROM pending_pushes WHERE wall_id = ? AND screen_id = ?').run(wallId, screenId);
  }
}
