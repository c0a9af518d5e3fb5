import {
  severityRank,
  type AlertKind,
  type AlertPriority,
  type Incident,
  type IncidentCategory,
  type IncidentSeverity,
  type ReportChannel,
} from '../../protocol/incidents.js';

/** An alert the rules ask for; the service gives it an id and a time. */
export interface AlertDraft {
  priority: AlertPriority;
  kind: AlertKind;
  text: string;
  incidentId: string;
}

// Alert priority follows incident severity one to one: both scales are low..critical.
const PRIORITY_OF_SEVERITY: Record<IncidentSeverity, AlertPriority> = { low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

const KIND_OF_CHANNEL: Record<ReportChannel, AlertKind> = {
  'panic-button': 'panic',
  '112': 'call-112',
  'e-lapor': 'complaint',
  'cctv-operator': 'incident-new',
  patrol: 'incident-new',
};

// The ticker is read by an Indonesian room; server-made alert text is Indonesian like the data.
const CATEGORY_WORD: Record<IncidentCategory, string> = {
  crime: 'Kejahatan',
  fire: 'Kebakaran',
  'traffic-accident': 'Kecelakaan',
  'panic-button': 'Tombol panik',
  'citizen-complaint': 'Aduan warga',
  congestion: 'Kemacetan',
  'public-order': 'Gangguan ketertiban',
};

const SEVERITY_WORD: Record<IncidentSeverity, string> = { low: 'rendah', medium: 'sedang', high: 'tinggi', critical: 'kritis' };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The alerts an incident change deserves: one for a new incident, one when its severity rises.
 * `before` is undefined for a new incident. Other changes (status, notes) raise none.
 */
export function alertsForIncidentChange(before: Incident | undefined, after: Incident): AlertDraft[] {
  if (!before) {
    return [
      {
        priority: PRIORITY_OF_SEVERITY[after.severity],
        kind: KIND_OF_CHANNEL[after.reportedVia],
        text: clip(`${CATEGORY_WORD[after.category]}: ${after.title} — ${after.address}`, 200),
        incidentId: after.id,
      },
    ];
  }
  if (after.status !== 'closed' && severityRank(after.severity) > severityRank(before.severity)) {
    return [
      {
        priority: PRIORITY_OF_SEVERITY[after.severity],
        kind: 'incident-escalated',
        text: clip(`Naik ke ${SEVERITY_WORD[after.severity]}: ${after.title} — ${after.address}`, 200),
        incidentId: after.id,
      },
    ];
  }
  return [];
}

/** True when an alert should push the cameras nearest its incident to the alarm screen. */
export function soundsAlarm(alert: { priority: AlertPriority; incidentId?: string | undefined }): boolean {
  return alert.priority === 'critical' && alert.incidentId !== undefined;
}
