import type Database from 'better-sqlite3';
import { AlertSchema, IncidentSchema, type Alert, type Incident } from '../../protocol/incidents.js';
import { createLogger, type Logger } from '../log.js';
import { readStoredRow } from '../state/stored-row.js';
import type { IncidentRecords, IncidentStore, IssuedIds } from './incident-store.js';

const ISSUED_INCIDENTS_KEY = 'incident-ids-issued';
const ISSUED_ALERTS_KEY = 'alert-ids-issued';

/**
 * Incidents and alerts in the server's SQLite file (tables from WallStore's migrations, on the
 * same connection). Unreadable rows are left in place for someone to inspect; the id counters
 * keep their ids from being given out again.
 */
export class SqliteIncidentStore implements IncidentStore {
  readonly #saveIncident: Database.Statement<[string, string]>;
  readonly #deleteIncident: Database.Statement<[string]>;
  readonly #saveAlert: Database.Statement<[string, string]>;
  readonly #deleteAlert: Database.Statement<[string]>;
  readonly #saveMeta: Database.Statement<[string, string]>;

  constructor(private readonly db: Database.Database, private readonly log: Logger = createLogger('incidents')) {
    this.#saveIncident = db.prepare('INSERT INTO incidents (id, incident_json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET incident_json = excluded.incident_json');
    this.#deleteIncident = db.prepare('DELETE FROM incidents WHERE id = ?');
    this.#saveAlert = db.prepare('INSERT INTO alerts (id, alert_json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET alert_json = excluded.alert_json');
    this.#deleteAlert = db.prepare('DELETE FROM alerts WHERE id = ?');
    this.#saveMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  /** Every readable incident and alert, oldest first; unreadable rows are logged and skipped. */
  load(): IncidentRecords {
    const incidents: Incident[] = [];
    for (const row of this.db.prepare<[], { id: string; incident_json: string }>('SELECT id, incident_json FROM incidents ORDER BY position').all()) {
      const incident = readStoredRow(IncidentSchema, row.incident_json, `incident "${row.id}"`, this.log);
      if (incident) incidents.push(incident);
    }
    const alerts: Alert[] = [];
    for (const row of this.db.prepare<[], { id: string; alert_json: string }>('SELECT id, alert_json FROM alerts ORDER BY position').all()) {
      const alert = readStoredRow(AlertSchema, row.alert_json, `alert "${row.id}"`, this.log);
      if (alert) alerts.push(alert);
    }
    if (incidents.length + alerts.length > 0) this.log.info(`restored ${incidents.length} incidents and ${alerts.length} alerts`);
    return { incidents, alerts, issued: { incidents: this.#readCounter(ISSUED_INCIDENTS_KEY), alerts: this.#readCounter(ISSUED_ALERTS_KEY) } };
  }

  /** Inserts or replaces an incident. */
  saveIncident(incident: Incident): void {
    this.#saveIncident.run(incident.id, JSON.stringify(incident));
  }

  /** Removes an incident. */
  deleteIncident(id: string): void {
    this.#deleteIncident.run(id);
  }

  /** Inserts or replaces an alert. */
  saveAlert(alert: Alert): void {
    this.#saveAlert.run(alert.id, JSON.stringify(alert));
  }

  /** Removes an alert. */
  deleteAlert(id: string): void {
    this.#deleteAlert.run(id);
  }

  /** Records the highest numbers given out so far. */
  saveIssuedIds(issued: IssuedIds): void {
    this.#saveMeta.run(ISSUED_INCIDENTS_KEY, String(issued.incidents));
    this.#saveMeta.run(ISSUED_ALERTS_KEY, String(issued.alerts));
  }

  #readCounter(key: string): number {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
    const value = row ? Number(row.value) : 0;
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  }
}
