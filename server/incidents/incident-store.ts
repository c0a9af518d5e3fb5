import type { Alert, Incident } from '../../protocol/incidents.js';

/** The highest incident and alert numbers ever given out, so a restart never reuses an id. */
export interface IssuedIds {
  incidents: number;
  alerts: number;
}

/** What a store holds: incidents and alerts in the order they were first stored. */
export interface IncidentRecords {
  incidents: Incident[];
  alerts: Alert[];
  issued: IssuedIds;
}

/**
 * Where the IncidentService keeps its records: written through on every change and read once at
 * start. Implementations hand back only records that pass the protocol's schemas.
 */
export interface IncidentStore {
  /** Everything stored, oldest first. */
  load(): IncidentRecords;
  /** Inserts or replaces an incident; a replaced one keeps its place in the order. */
  saveIncident(incident: Incident): void;
  /** Removes an incident (pruned); an unknown id is no error. */
  deleteIncident(id: string): void;
  /** Inserts or replaces an alert; a replaced one keeps its place in the order. */
  saveAlert(alert: Alert): void;
  /** Removes an alert (pruned); an unknown id is no error. */
  deleteAlert(id: string): void;
  /** Records the highest numbers given out so far. */
  saveIssuedIds(issued: IssuedIds): void;
}

/** A store that lives as long as the process: the default, for tests and tools. */
export class MemoryIncidentStore implements IncidentStore {
  readonly #incidents = new Map<string, Incident>();
  readonly #alerts = new Map<string, Alert>();
  #issued: IssuedIds = { incidents: 0, alerts: 0 };

  /** Everything stored, oldest first. */
  load(): IncidentRecords {
    return { incidents: [...this.#incidents.values()], alerts: [...this.#alerts.values()], issued: { ...this.#issued } };
  }

  /** Inserts or replaces an incident. */
  saveIncident(incident: Incident): void {
    this.#incidents.set(incident.id, incident);
  }

  /** Removes an incident. */
  deleteIncident(id: string): void {
    this.#incidents.delete(id);
  }

  /** Inserts or replaces an alert. */
  saveAlert(alert: Alert): void {
    this.#alerts.set(alert.id, alert);
  }

  /** Removes an alert. */
  deleteAlert(id: string): void {
    this.#alerts.delete(id);
  }

  /** Records the highest numbers given out so far. */
  saveIssuedIds(issued: IssuedIds): void {
    this.#issued = { ...issued };
  }
}
