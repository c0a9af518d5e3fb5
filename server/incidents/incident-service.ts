import type { ProtocolError } from '../../protocol/errors.js';
import {
  TIMELINE_LIMIT,
  isOpen,
  priorityRank,
  type Acknowledger,
  type Alert,
  type AlertKind,
  type AlertPriority,
  type Incident,
  type IncidentChange,
  type IncidentSeverity,
  type IncidentSnapshot,
  type IncidentStatus,
  type ParsedAlertIngest,
  type ParsedIncidentIngest,
  type ResponseAgency,
  type TimelineEntry,
} from '../../protocol/incidents.js';
import { alertsForIncidentChange, soundsAlarm, type AlertDraft } from './alert-rules.js';
import { MemoryIncidentStore, type IncidentRecords, type IncidentStore } from './incident-store.js';
import { nearestCameras, type GeoPoint, type NearestOptions, type PlacedCamera } from './nearest-cameras.js';

/** What the alarm screen needs when a critical alert comes in. */
export interface Alarm {
  incident: Incident;
  alert: Alert;
  /** Cameras nearest the incident, those that see it first. */
  cameraIds: string[];
}

export interface IncidentServiceOptions {
  /** The cameras to relate incidents to (read on every use, so a reloaded catalogue counts). */
  cameras: () => readonly PlacedCamera[];
  /** How related cameras are chosen. Default: 6 within 1,000 m. */
  nearest?: NearestOptions;
  /** How many closed incidents are kept (newest by update); older ones are removed. Default 500. */
  closedLimit?: number;
  /** How many open incidents are held at most; beyond it new ones are refused. Default 50,000. */
  openLimit?: number;
  /** How many alerts are kept (newest first). Default 500. */
  alertLimit?: number;
  /** Called for every new critical alert linked to an incident. */
  onAlarm?: (alarm: Alarm) => void;
  now?: () => Date;
  /** Where incidents and alerts are kept across restarts; loaded at construction. Default: memory only. */
  store?: IncidentStore;
}

/** A change to an incident the room (or the simulator) makes. Absent fields stay as they are. */
export interface IncidentUpdate {
  status?: IncidentStatus;
  severity?: IncidentSeverity;
  assignedAgency?: ResponseAgency | null;
  location?: GeoPoint;
  address?: string;
  /** A line for the timeline. */
  note?: string;
}

/** An alert raised inside the server (camera monitor, simulator). */
export interface AlertInput {
  priority: AlertPriority;
  kind: AlertKind;
  text: string;
  incidentId?: string;
  cameraId?: string;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

const CHANNEL_WORD: Record<Incident['reportedVia'], string> = {
  'panic-button': 'tombol panik',
  '112': 'panggilan 112',
  'e-lapor': 'e-Lapor',
  'cctv-operator': 'operator CCTV',
  patrol: 'patroli',
};
const SEVERITY_WORD: Record<IncidentSeverity, string> = { low: 'rendah', medium: 'sedang', high: 'tinggi', critical: 'kritis' };
const AGENCY_WORD: Record<ResponseAgency, string> = { police: 'Polisi', fire: 'Damkar', ambulance: 'Ambulans', 'search-and-rescue': 'Basarnas', transport: 'Dishub' };
const STATUS_WORD: Record<IncidentStatus, string> = { new: 'Baru', verified: 'Terverifikasi', dispatched: 'Petugas dikirim', handled: 'Ditangani', closed: 'Selesai' };

function refuse(code: ProtocolError['code'], message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message, issues: [] } };
}

/** Keeps the first entry (how it was reported) and the newest ones. */
function boundTimeline(timeline: TimelineEntry[]): TimelineEntry[] {
  if (timeline.length <= TIMELINE_LIMIT) return timeline;
  return [timeline[0] as TimelineEntry, ...timeline.slice(timeline.length - (TIMELINE_LIMIT - 1))];
}

/**
 * The server's incidents and alerts: ingest upserts by (source, sourceId), updates,
 * acknowledgements; every change gets the next sequence number and goes to the listeners. The
 * maps are the working copy; every change is written through to the store before anyone hears
 * of it, and the store's records are loaded at construction.
 */
export class IncidentService {
  private readonly incidents = new Map<string, Incident>();
  private readonly incidentBySource = new Map<string, string>();
  private readonly alerts = new Map<string, Alert>();
  private readonly alertBySource = new Map<string, string>();
  private readonly listeners = new Set<(change: IncidentChange) => void>();
  private sequence = 0;
  private nextIncidentNumber = 1;
  private nextAlertNumber = 1;
  private readonly now: () => Date;
  private readonly nearest: NearestOptions;
  private readonly store: IncidentStore;

  constructor(private readonly options: IncidentServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.nearest = options.nearest ?? { radiusMetres: 1000, count: 6 };
    this.store = options.store ?? new MemoryIncidentStore();
    this.restore(this.store.load());
  }

  /** Whether an incident is known and not closed. */
  isOpen(id: string): boolean {
    const incident = this.incidents.get(id);
    return incident !== undefined && isOpen(incident);
  }

  /** Calls `listener` with every change from now on; returns the function that stops it. */
  onChange(listener: (change: IncidentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything now, and the sequence number it is current to. Alerts newest first. */
  snapshot(): IncidentSnapshot {
    return {
      sequence: this.sequence,
      incidents: [...this.incidents.values()],
      alerts: [...this.alerts.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || b.id.localeCompare(a.id)),
    };
  }

  incident(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  alert(id: string): Alert | undefined {
    return this.alerts.get(id);
  }

  /** The cameras nearest a point, those whose view covers it first. */
  camerasNear(location: GeoPoint): string[] {
    return nearestCameras(location, this.options.cameras(), this.nearest).map((camera) => camera.cameraId);
  }

  /** Creates an incident, or updates the one with the same (source, sourceId). Nothing changes when it is refused. */
  ingestIncident(report: ParsedIncidentIngest): Outcome<{ incident: Incident; created: boolean }> {
    const existingId = this.incidentBySource.get(sourceKey(report.source, report.sourceId));
    const at = this.now().toISOString();
    if (existingId === undefined) {
      const openCount = [...this.incidents.values()].filter(isOpen).length;
      if (openCount >= (this.options.openLimit ?? 50_000)) return refuse('rate-limited', `the server already holds ${openCount} open incidents; close some first`);
      const created = report.occurredAt ?? at;
      const timeline: TimelineEntry[] = [{ at: created, text: `Laporan diterima melalui ${CHANNEL_WORD[report.reportedVia]}`, status: report.status }];
      if (report.note) timeline.push({ at, text: report.note });
      const incident: Incident = {
        id: this.mintIncidentId(),
        source: report.source,
        sourceId: report.sourceId,
        category: report.category,
        severity: report.severity,
        status: report.status,
        title: report.title,
        location: report.location,
        address: report.address,
        reportedVia: report.reportedVia,
        timeline,
        relatedCameraIds: report.relatedCameraIds ?? this.camerasNear(report.location),
        assignedAgency: report.assignedAgency ?? null,
        createdAt: created,
        updatedAt: at,
      };
      this.commitIncident(undefined, incident);
      return { ok: true, incident, created: true };
    }
    const before = this.incidents.get(existingId) as Incident;
    const after = this.applyUpdate(before, {
      status: report.status,
      severity: report.severity,
      location: report.location,
      address: report.address,
      ...(report.assignedAgency !== undefined ? { assignedAgency: report.assignedAgency } : {}),
      ...(report.note !== undefined ? { note: report.note } : {}),
    }, at);
    const withReport: Incident = {
      ...after,
      category: report.category,
      title: report.title,
      relatedCameraIds: report.relatedCameraIds ?? after.relatedCameraIds,
    };
    if (!sameIncident(before, withReport)) this.commitIncident(before, { ...withReport, updatedAt: at });
    return { ok: true, incident: this.incidents.get(existingId) as Incident, created: false };
  }

  /** Changes an incident (status, severity, agency, place, a note). */
  updateIncident(id: string, update: IncidentUpdate): Outcome<{ incident: Incident }> {
    const before = this.incidents.get(id);
    if (!before) return refuse('not-found', `no incident "${id}"`);
    const at = this.now().toISOString();
    const after = this.applyUpdate(before, update, at);
    if (!sameIncident(before, after)) this.commitIncident(before, { ...after, updatedAt: at });
    return { ok: true, incident: this.incidents.get(id) as Incident };
  }

  /** Creates an alert, or updates the one with the same (source, sourceId); its incident is named by the sender's id. */
  ingestAlert(report: ParsedAlertIngest): Outcome<{ alert: Alert; created: boolean }> {
    let incidentId: string | undefined;
    if (report.incidentSourceId !== undefined) {
      incidentId = this.incidentBySource.get(sourceKey(report.source, report.incidentSourceId));
      if (incidentId === undefined) return refuse('not-found', `no incident from "${report.source}" with sourceId "${report.incidentSourceId}"`);
    }
    const key = sourceKey(report.source, report.sourceId);
    const existingId = this.alertBySource.get(key);
    const at = report.at ?? this.now().toISOString();
    const fields = {
      priority: report.priority,
      kind: report.kind,
      text: report.text,
      at,
      source: report.source,
      sourceId: report.sourceId,
      ...(incidentId !== undefined ? { incidentId } : {}),
      ...(report.cameraId !== undefined ? { cameraId: report.cameraId } : {}),
    };
    if (existingId !== undefined && this.alerts.has(existingId)) {
      const before = this.alerts.get(existingId) as Alert;
      const { acknowledgedBy, acknowledgedAt, ...rest } = { ...before, ...fields };
      // A repeat that raises the priority needs the room's attention again.
      const stillAcknowledged = acknowledgedBy && acknowledgedAt && priorityRose(before.priority, report.priority) === false;
      const after: Alert = stillAcknowledged ? { ...rest, acknowledgedBy, acknowledgedAt } : rest;
      if (JSON.stringify(after) !== JSON.stringify(before)) this.commitAlert(after, priorityRose(before.priority, report.priority));
      return { ok: true, alert: this.alerts.get(existingId) as Alert, created: false };
    }
    const alert: Alert = { id: this.mintAlertId(), ...fields };
    this.commitAlert(alert, true);
    return { ok: true, alert, created: true };
  }

  /** Raises an alert from inside the server. */
  raiseAlert(input: AlertInput): Alert {
    const alert: Alert = { id: this.mintAlertId(), at: this.now().toISOString(), ...input };
    this.commitAlert(alert, true);
    return alert;
  }

  /** Marks an alert acknowledged by `by`; acknowledging twice keeps the first acknowledgement. */
  acknowledge(alertId: string, by: Acknowledger): Outcome<{ alert: Alert }> {
    const alert = this.alerts.get(alertId);
    if (!alert) return refuse('not-found', `no alert "${alertId}"`);
    if (alert.acknowledgedBy) return { ok: true, alert };
    const acknowledged: Alert = { ...alert, acknowledgedBy: by, acknowledgedAt: this.now().toISOString() };
    this.commitAlert(acknowledged, false);
    return { ok: true, alert: acknowledged };
  }

  private applyUpdate(before: Incident, update: IncidentUpdate, at: string): Incident {
    const timeline = [...before.timeline];
    const status = update.status ?? before.status;
    if (status !== before.status) timeline.push({ at, text: STATUS_WORD[status], status });
    const severity = update.severity ?? before.severity;
    if (severity !== before.severity) timeline.push({ at, text: `Tingkat ${SEVERITY_WORD[before.severity]} → ${SEVERITY_WORD[severity]}` });
    const assignedAgency = update.assignedAgency === undefined ? before.assignedAgency : update.assignedAgency;
    if (assignedAgency !== before.assignedAgency && assignedAgency !== null) timeline.push({ at, text: `Diserahkan ke ${AGENCY_WORD[assignedAgency]}` });
    const note = update.note?.trim();
    if (note && timeline[timeline.length - 1]?.text !== note) timeline.push({ at, text: note });
    const location = update.location ?? before.location;
    const moved = location.latitude !== before.location.latitude || location.longitude !== before.location.longitude;
    return {
      ...before,
      status,
      severity,
      assignedAgency,
      location,
      address: update.address ?? before.address,
      timeline: boundTimeline(timeline),
      relatedCameraIds: moved ? this.camerasNear(location) : before.relatedCameraIds,
    };
  }

  private commitIncident(before: Incident | undefined, after: Incident): void {
    this.store.saveIncident(after);
    this.incidents.set(after.id, after);
    this.incidentBySource.set(sourceKey(after.source, after.sourceId), after.id);
    this.emit({ kind: 'incident', sequence: 0, incident: after });
    for (const draft of alertsForIncidentChange(before, after)) this.commitAlert(this.alertFromDraft(draft), true);
    if (!isOpen(after)) this.pruneClosed();
  }

  private alertFromDraft(draft: AlertDraft): Alert {
    return { id: this.mintAlertId(), at: this.now().toISOString(), ...draft };
  }

  /** Stores an alert; `fresh` when it is new or more urgent than before, which may sound the alarm. */
  private commitAlert(alert: Alert, fresh: boolean): void {
    this.store.saveAlert(alert);
    this.alerts.set(alert.id, alert);
    if (alert.source !== undefined && alert.sourceId !== undefined) this.alertBySource.set(sourceKey(alert.source, alert.sourceId), alert.id);
    this.emit({ kind: 'alert', sequence: 0, alert });
    this.pruneAlerts();
    if (fresh && soundsAlarm(alert) && this.options.onAlarm) {
      const incident = this.incidents.get(alert.incidentId as string);
      if (incident) this.options.onAlarm({ incident, alert, cameraIds: incident.relatedCameraIds });
    }
  }

  private pruneClosed(): void {
    const limit = this.options.closedLimit ?? 500;
    const closed = [...this.incidents.values()].filter((incident) => !isOpen(incident));
    if (closed.length <= limit) return;
    closed.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
    for (const incident of closed.slice(0, closed.length - limit)) {
      this.store.deleteIncident(incident.id);
      this.incidents.delete(incident.id);
      this.incidentBySource.delete(sourceKey(incident.source, incident.sourceId));
      this.emit({ kind: 'incident-removed', sequence: 0, incidentId: incident.id });
    }
  }

  private pruneAlerts(): void {
    const limit = this.options.alertLimit ?? 500;
    if (this.alerts.size <= limit) return;
    // Map order is insertion order: the first entries are the oldest alerts.
    for (const alert of [...this.alerts.values()].slice(0, this.alerts.size - limit)) {
      this.store.deleteAlert(alert.id);
      this.alerts.delete(alert.id);
      if (alert.source !== undefined && alert.sourceId !== undefined) this.alertBySource.delete(sourceKey(alert.source, alert.sourceId));
      this.emit({ kind: 'alert-removed', sequence: 0, alertId: alert.id });
    }
  }

  /**
   * Takes over what the store kept. The counters continue past every id ever given out (not
   * just those still stored), so a pruned incident's id never comes back naming another one.
   * The limits are applied again in case they were lowered since.
   */
  private restore(records: IncidentRecords): void {
    for (const incident of records.incidents) {
      this.incidents.set(incident.id, incident);
      this.incidentBySource.set(sourceKey(incident.source, incident.sourceId), incident.id);
    }
    for (const alert of records.alerts) {
      this.alerts.set(alert.id, alert);
      if (alert.source !== undefined && alert.sourceId !== undefined) this.alertBySource.set(sourceKey(alert.source, alert.sourceId), alert.id);
    }
    this.nextIncidentNumber = records.incidents.reduce((highest, incident) => Math.max(highest, idNumber(incident.id, 'inc-')), records.issued.incidents) + 1;
    this.nextAlertNumber = records.alerts.reduce((highest, alert) => Math.max(highest, idNumber(alert.id, 'alr-')), records.issued.alerts) + 1;
    this.pruneClosed();
    this.pruneAlerts();
  }

  private mintIncidentId(): string {
    const id = `inc-${this.nextIncidentNumber++}`;
    this.saveIssuedIds();
    return id;
  }

  private mintAlertId(): string {
    const id = `alr-${this.nextAlertNumber++}`;
    this.saveIssuedIds();
    return id;
  }

  private saveIssuedIds(): void {
    this.store.saveIssuedIds({ incidents: this.nextIncidentNumber - 1, alerts: this.nextAlertNumber - 1 });
  }

  private emit(change: IncidentChange): void {
    const numbered = { ...change, sequence: ++this.sequence };
    for (const listener of this.listeners) listener(numbered);
  }
}

/** The number in an id of ours (`inc-42` → 42); 0 for an id of another shape. */
function idNumber(id: string, prefix: string): number {
  const number = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : Number.NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : 0;
}

function sourceKey(source: string, sourceId: string): string {
  return `${source}\u0000${sourceId}`;
}

function priorityRose(before: AlertPriority, after: AlertPriority): boolean {
  return priorityRank(after) > priorityRank(before);
}

function sameIncident(a: Incident, b: Incident): boolean {
  return JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });
}
