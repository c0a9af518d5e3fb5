import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  PresetSchema,
  ScreenStateSchema,
  WallChangeSchema,
  WallStateSchema,
  formatIssues,
  describeIssues,
  type AuditEntry,
  type HistoryEntry,
  type Preset,
  type ScreenState,
  type WallChange,
  type WallState,
} from '../../protocol/index.js';
import type { z } from 'zod';

/**
 * Schema migrations, applied in order from the database's PRAGMA user_version. Never edit a
 * released one: add the next.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE walls (wall_id TEXT PRIMARY KEY, state_json TEXT NOT NULL, sequence INTEGER NOT NULL);
   CREATE TABLE screen_versions (
     wall_id TEXT NOT NULL, screen_id TEXT NOT NULL, version INTEGER NOT NULL,
     state_json TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL,
     PRIMARY KEY (wall_id, screen_id, version));
   CREATE TABLE preset_versions (
     wall_id TEXT NOT NULL, number INTEGER NOT NULL, version INTEGER NOT NULL,
     preset_json TEXT, at TEXT NOT NULL, by TEXT NOT NULL, action TEXT NOT NULL,
     PRIMARY KEY (wall_id, number, version));
   CREATE TABLE changes (wall_id TEXT NOT NULL, sequence INTEGER NOT NULL, change_json TEXT NOT NULL, PRIMARY KEY (wall_id, sequence));
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, wall_id TEXT NOT NULL, user_id TEXT NOT NULL,
     user_name TEXT NOT NULL, workstation_id TEXT, action TEXT NOT NULL, detail TEXT NOT NULL, outcome TEXT NOT NULL);
   CREATE INDEX audit_by_wall ON audit (wall_id, id);`,
  `CREATE TABLE device_tokens (
     workstation_id TEXT PRIMARY KEY, token_sha256 TEXT NOT NULL UNIQUE, machine_name TEXT NOT NULL, role TEXT NOT NULL,
     walls_json TEXT NOT NULL, issued_at TEXT NOT NULL, issued_by TEXT NOT NULL, revoked_at TEXT);`,
  // Incidents and alerts as their protocol JSON (re-validated on load); `position` keeps the
  // order they were first stored in, which the alert limit prunes by.
  `CREATE TABLE incidents (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, incident_json TEXT NOT NULL);
   CREATE TABLE alerts (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, alert_json TEXT NOT NULL);
   CREATE TABLE pending_pushes (
     wall_id TEXT NOT NULL, screen_id TEXT NOT NULL, incident_id TEXT NOT NULL, before_json TEXT NOT NULL,
     pushed_version INTEGER NOT NULL, revert_at TEXT, PRIMARY KEY (wall_id, screen_id));`,
];

/** How many changes per wall are kept for catching up; a client further behind takes a snapshot. */
export const KEPT_CHANGES = 1000;

/** A change ready to be stored: the new wall state with what history and audit must keep. */
export interface Commit {
  wallId: string;
  state: WallState;
  change: WallChange;
  changedScreens: readonly ScreenState[];
  changedPresets: readonly { number: number; preset: Preset | null }[];
  audit: Omit<AuditEntry, 'id'>;
}

export interface AuditFilter {
  wallId: string;
  limit: number;
  beforeId?: number | undefined;
  userId?: string | undefined;
  action?: string | undefined;
}

/** Thrown when the database holds something this build cannot read; the server refuses to start. */
export class StoreError extends Error {}

function parseStored<T>(schema: z.ZodType<T>, json: string, what: string): T {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new StoreError(`stored ${what} is not readable: ${formatIssues(describeIssues(parsed.error))}`);
  return parsed.data;
}

interface AuditRow {
  id: number; at: string; wall_id: string; user_id: string; user_name: string; workstation_id: string | null; action: string; detail: string; outcome: string;
}

/** The server's SQLite store: wall states, their change log, screen and preset history, the audit. */
export class WallStore {
  readonly #db: Database.Database;
  /** Identifies this database: sequence numbers from another one cannot be caught up. */
  readonly epoch: string;

  constructor(path: string) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    this.#migrate();
    const row = this.#db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'epoch'`).get();
    if (row) {
      this.epoch = row.value;
    } else {
      this.epoch = randomUUID().slice(0, 8);
      this.#db.prepare(`INSERT INTO meta (key, value) VALUES ('epoch', ?)`).run(this.epoch);
    }
  }

  /** The schema version this database is at. */
  get schemaVersion(): number {
    return this.#db.pragma('user_version', { simple: true }) as number;
  }

  #migrate(): void {
    const current = this.schemaVersion;
    if (current > MIGRATIONS.length) {
      throw new StoreError(`the database is at schema version ${current}, newer than this server (${MIGRATIONS.length}); use a newer server`);
    }
    const apply = this.#db.transaction(() => {
      for (let version = current; version < MIGRATIONS.length; version += 1) {
        this.#db.exec(MIGRATIONS[version] ?? '');
        this.#db.pragma(`user_version = ${version + 1}`);
      }
    });
    apply();
  }

  /** The stored state of a wall, or undefined for a wall never stored. */
  loadWall(wallId: string): WallState | undefined {
    const row = this.#db.prepare<[string], { state_json: string }>('SELECT state_json FROM walls WHERE wall_id = ?').get(wallId);
    return row ? parseStored(WallStateSchema, row.state_json, `state of wall "${wallId}"`) : undefined;
  }

  /** Stores a wall's first state (or its state after the walls file changed). */
  saveWall(state: WallState): void {
    this.#db.prepare('INSERT INTO walls (wall_id, state_json, sequence) VALUES (?, ?, ?) ON CONFLICT (wall_id) DO UPDATE SET state_json = excluded.state_json, sequence = excluded.sequence')
      .run(state.id, JSON.stringify(state), state.sequence);
  }

  readonly #commit = (commit: Commit): number => {
    const { wallId, state, change } = commit;
    this.saveWall(state);
    this.#db.prepare('INSERT INTO changes (wall_id, sequence, change_json) VALUES (?, ?, ?)').run(wallId, change.sequence, JSON.stringify(change));
    this.#db.prepare('DELETE FROM changes WHERE wall_id = ? AND sequence <= ?').run(wallId, change.sequence - KEPT_CHANGES);
    for (const screen of commit.changedScreens) {
      this.#db.prepare('INSERT OR REPLACE INTO screen_versions (wall_id, screen_id, version, state_json, at, by, action) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(wallId, screen.id, screen.version, JSON.stringify(screen), change.at, change.actor.name, commit.audit.detail);
    }
    for (const { number, preset } of commit.changedPresets) {
      const version = preset?.version ?? this.#latestPresetVersion(wallId, number) + 1;
      this.#db.prepare('INSERT OR REPLACE INTO preset_versions (wall_id, number, version, preset_json, at, by, action) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(wallId, number, version, preset ? JSON.stringify(preset) : null, change.at, change.actor.name, commit.audit.detail);
    }
    return this.#appendAudit(commit.audit);
  };

  /** Stores a change, the new state, history and its audit line in one transaction. */
  commit(commit: Commit): void {
    this.#db.transaction(this.#commit)(commit);
  }

  #latestPresetVersion(wallId: string, number: number): number {
    const row = this.#db.prepare<[string, number], { version: number | null }>('SELECT MAX(version) AS version FROM preset_versions WHERE wall_id = ? AND number = ?').get(wallId, number);
    return row?.version ?? 0;
  }

  /** The changes after `sequence`, or undefined when some of them are no longer kept. */
  changesSince(wallId: string, sequence: number, latest: number): WallChange[] | undefined {
    if (sequence >= latest) return [];
    const rows = this.#db.prepare<[string, number], { change_json: string }>('SELECT change_json FROM changes WHERE wall_id = ? AND sequence > ? ORDER BY sequence').all(wallId, sequence);
    if (rows.length !== latest - sequence) return undefined;
    return rows.map((row) => parseStored(WallChangeSchema, row.change_json, 'change'));
  }

  /** A screen as it was at `version`. */
  screenAtVersion(wallId: string, screenId: string, version: number): ScreenState | undefined {
    const row = this.#db.prepare<[string, string, number], { state_json: string }>('SELECT state_json FROM screen_versions WHERE wall_id = ? AND screen_id = ? AND version = ?').get(wallId, screenId, version);
    return row ? parseStored(ScreenStateSchema, row.state_json, 'screen version') : undefined;
  }

  /** A preset as it was at `version`; undefined for a version that deleted it. */
  presetAtVersion(wallId: string, number: number, version: number): Preset | undefined {
    const row = this.#db.prepare<[string, number, number], { preset_json: string | null }>('SELECT preset_json FROM preset_versions WHERE wall_id = ? AND number = ? AND version = ?').get(wallId, number, version);
    return row?.preset_json ? parseStored(PresetSchema, row.preset_json, 'preset version') : undefined;
  }

  /** Who changed a screen and how, newest first. */
  screenHistory(wallId: string, screenId: string, limit: number): HistoryEntry[] {
    return this.#db.prepare<[string, string, number], HistoryEntry>('SELECT version, at, by, action FROM screen_versions WHERE wall_id = ? AND screen_id = ? ORDER BY version DESC LIMIT ?').all(wallId, screenId, limit);
  }

  /** Who changed a preset and how, newest first. */
  presetHistory(wallId: string, number: number): HistoryEntry[] {
    return this.#db.prepare<[string, number], HistoryEntry>('SELECT version, at, by, action FROM preset_versions WHERE wall_id = ? AND number = ? ORDER BY version DESC').all(wallId, number);
  }

  #appendAudit(entry: Omit<AuditEntry, 'id'>): number {
    const result = this.#db.prepare('INSERT INTO audit (at, wall_id, user_id, user_name, workstation_id, action, detail, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.wallId, entry.userId, entry.userName, entry.workstationId, entry.action, entry.detail, entry.outcome);
    return Number(result.lastInsertRowid);
  }

  /** Records an action that changed no wall state (a refusal, an alert acknowledged, a PTZ take-over). */
  audit(entry: Omit<AuditEntry, 'id'>): number {
    return this.#appendAudit(entry);
  }

  /** Audit entries of a wall, newest first. */
  queryAudit(filter: AuditFilter): AuditEntry[] {
    const clauses = ['wall_id = ?'];
    const values: (string | number)[] = [filter.wallId];
    if (filter.beforeId !== undefined) { clauses.push('id < ?'); values.push(filter.beforeId); }
    if (filter.userId !== undefined) { clauses.push('user_id = ?'); values.push(filter.userId); }
    if (filter.action !== undefined) { clauses.push('action = ?'); values.push(filter.action); }
    values.push(filter.limit);
    const rows = this.#db.prepare<(string | number)[], AuditRow>(`SELECT * FROM audit WHERE ${clauses.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...values);
    return rows.map((row) => ({
      id: row.id, at: row.at, wallId: row.wall_id, userId: row.user_id, userName: row.user_name,
      workstationId: row.workstation_id, action: row.action, detail: row.detail, outcome: row.outcome === 'refused' ? 'refused' : 'applied',
    }));
  }

  /** The raw database, for stores of other features sharing the file (device tokens). */
  get database(): Database.Database {
    return this.#db;
  }

  close(): void {
    this.#db.close();
  }
}
