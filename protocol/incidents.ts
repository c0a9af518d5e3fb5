import { z } from 'zod';
import { CameraIdSchema, IdSchema, LocationSchema } from './catalogue.js';
import { ProtocolErrorSchema } from './errors.js';

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** What happened. */
export const IncidentCategorySchema = z.enum(['crime', 'fire', 'traffic-accident', 'panic-button', 'citizen-complaint', 'congestion', 'public-order']);
export type IncidentCategory = z.infer<typeof IncidentCategorySchema>;

export const IncidentSeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type IncidentSeverity = z.infer<typeof IncidentSeveritySchema>;

/** Where an incident is in its handling, in order; `closed` is final. */
export const IncidentStatusSchema = z.enum(['new', 'verified', 'dispatched', 'handled', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** How the room heard of it: the city app's panic button, the 112 line, e-Lapor, a CCTV operator, a patrol. */
export const ReportChannelSchema = z.enum(['panic-button', '112', 'e-lapor', 'cctv-operator', 'patrol']);
export type ReportChannel = z.infer<typeof ReportChannelSchema>;

/** The agency an incident is handed to (not the camera owners of catalogue.ts). */
export const ResponseAgencySchema = z.enum(['police', 'fire', 'ambulance', 'search-and-rescue', 'transport']);
export type ResponseAgency = z.infer<typeof ResponseAgencySchema>;

export const AlertPrioritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type AlertPriority = z.infer<typeof AlertPrioritySchema>;

/** What an alert is about. */
export const AlertKindSchema = z.enum([
  'panic',
  'call-112',
  'complaint',
  'camera-offline',
  'camera-restored',
  'incident-new',
  'incident-escalated',
  'incident-update',
]);
export type AlertKind = z.infer<typeof AlertKindSchema>;

const SEVERITY_RANK: Record<IncidentSeverity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const PRIORITY_RANK: Record<AlertPriority, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const STATUS_RANK: Record<IncidentStatus, number> = { new: 0, verified: 1, dispatched: 2, handled: 3, closed: 4 };

/** 0 (low) to 3 (critical): for sorting and comparing severities. */
export function severityRank(severity: IncidentSeverity): number {
  return SEVERITY_RANK[severity];
}

/** 0 (low) to 3 (critical): for sorting alerts. */
export function priorityRank(priority: AlertPriority): number {
  return PRIORITY_RANK[priority];
}

/** 0 (new) to 4 (closed): the order of handling. */
export function statusRank(status: IncidentStatus): number {
  return STATUS_RANK[status];
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** Ids the server gives incidents and alerts, e.g. "inc-42", "alr-7". */
export const IncidentIdSchema = IdSchema;
export const AlertIdSchema = IdSchema;

/** The integrating system, e.g. "solo-destination", "call-112", "e-lapor", "simulator". */
export const SourceSchema = IdSchema;
/** The record's id in the integrating system; (source, sourceId) identifies it across updates. */
export const SourceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, 'must be 1-128 letters, digits or . _ : / - (starting with a letter or digit)');

const TimestampSchema = z.iso.datetime({ offset: true });
const TextSchema = (max: number) => z.string().trim().min(1).max(max);

export const TimelineEntrySchema = z.strictObject({
  at: TimestampSchema,
  text: TextSchema(500),
  /** Set when this entry records a change of status. */
  status: IncidentStatusSchema.optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** How many timeline entries an incident keeps; the oldest beyond this are dropped (the first is kept). */
export const TIMELINE_LIMIT = 100;
/** How many related cameras an incident lists. */
export const RELATED_CAMERAS_LIMIT = 16;

/** One incident as the server holds and clients render it. */
export const IncidentSchema = z.strictObject({
  id: IncidentIdSchema,
  source: SourceSchema,
  sourceId: SourceIdSchema,
  category: IncidentCategorySchema,
  severity: IncidentSeveritySchema,
  status: IncidentStatusSchema,
  /** A one-line summary for pins, ticker and briefing, e.g. "Tabrakan motor dan mobil". */
  title: TextSchema(120),
  location: LocationSchema,
  address: TextSchema(200),
  reportedVia: ReportChannelSchema,
  /** Oldest first. */
  timeline: z.array(TimelineEntrySchema).min(1).max(TIMELINE_LIMIT),
  /** Nearest cameras first; those whose view covers the location ahead of the others. */
  relatedCameraIds: z.array(CameraIdSchema).max(RELATED_CAMERAS_LIMIT),
  /** Null until the incident is handed to an agency. */
  assignedAgency: ResponseAgencySchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;

/** Who acknowledged an alert, as the server established it (never taken from the client). */
export const AcknowledgerSchema = z.strictObject({ userId: IdSchema, name: z.string().min(1).max(80) });
export type Acknowledger = z.infer<typeof AcknowledgerSchema>;

/** A short prioritised message for the ticker, linked to an incident or a camera. */
export const AlertSchema = z.strictObject({
  id: AlertIdSchema,
  priority: AlertPrioritySchema,
  kind: AlertKindSchema,
  text: TextSchema(200),
  incidentId: IncidentIdSchema.optional(),
  cameraId: CameraIdSchema.optional(),
  at: TimestampSchema,
  /** Set for alerts that came in through ingest: a repeat with the same pair updates the alert. */
  source: SourceSchema.optional(),
  sourceId: SourceIdSchema.optional(),
  acknowledgedBy: AcknowledgerSchema.optional(),
  acknowledgedAt: TimestampSchema.optional(),
});
export type Alert = z.infer<typeof AlertSchema>;

/** True while an incident still needs the room. */
export function isOpen(incident: Pick<Incident, 'status'>): boolean {
  return incident.status !== 'closed';
}

// ---------------------------------------------------------------------------------------------
// Ingest: what outside systems POST (see docs/incidents.md)
// ---------------------------------------------------------------------------------------------

/**
 * An incident reported or updated by an outside system (POST /api/ingest/incidents). A repeat
 * with the same (source, sourceId) updates the incident; `note` is added to its timeline.
 */
export const IncidentIngestSchema = z.strictObject({
  source: SourceSchema,
  sourceId: SourceIdSchema,
  category: IncidentCategorySchema,
  severity: IncidentSeveritySchema,
  status: IncidentStatusSchema.default('new'),
  title: TextSchema(120),
  location: LocationSchema,
  address: TextSchema(200),
  reportedVia: ReportChannelSchema,
  assignedAgency: ResponseAgencySchema.nullable().optional(),
  /** When it happened; defaults to when the server received it. */
  occurredAt: TimestampSchema.optional(),
  /** A line for the timeline, e.g. "Pelapor melihat asap dari lantai 2". */
  note: TextSchema(500).optional(),
  /** Cameras the sender knows to be relevant; when absent the server picks the nearest. */
  relatedCameraIds: z.array(CameraIdSchema).max(RELATED_CAMERAS_LIMIT).optional(),
});
export type IncidentIngest = z.input<typeof IncidentIngestSchema>;
export type ParsedIncidentIngest = z.output<typeof IncidentIngestSchema>;

/** An alert from an outside system (POST /api/ingest/alerts). A repeat with the same (source, sourceId) updates it. */
export const AlertIngestSchema = z.strictObject({
  source: SourceSchema,
  sourceId: SourceIdSchema,
  priority: AlertPrioritySchema,
  kind: AlertKindSchema,
  text: TextSchema(200),
  /** The sender's own id of an incident it ingested before (same source). */
  incidentSourceId: SourceIdSchema.optional(),
  cameraId: CameraIdSchema.optional(),
  at: TimestampSchema.optional(),
});
export type AlertIngest = z.input<typeof AlertIngestSchema>;
export type ParsedAlertIngest = z.output<typeof AlertIngestSchema>;

/** The answer to an ingest POST: the server's id of the record and whether it was new. */
export const IngestReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), id: IdSchema, created: z.boolean() }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type IngestReply = z.infer<typeof IngestReplySchema>;

// ---------------------------------------------------------------------------------------------
// Socket channel
// ---------------------------------------------------------------------------------------------

/** Socket.io event names of the incident channel (same connection as the wall protocol). */
export const INCIDENT_EVENTS = {
  /** client -> server, no payload needed; acknowledged with an IncidentSubscribeReply. Repeat it after a gap. */
  subscribe: 'incidents:subscribe',
  /** client -> server: stop receiving batches. */
  unsubscribe: 'incidents:unsubscribe',
  /** server -> client: an IncidentChangeBatch, changes in sequence order. */
  changes: 'incidents:changes',
  /** client -> server: an AcknowledgeRequest, acknowledged with an AcknowledgeReply. */
  acknowledge: 'incidents:acknowledge',
} as const;

/** One change of the incident state; every change has the next sequence number. */
export const IncidentChangeSchema = z.discriminatedUnion('kind', [
  /** A new incident or a new version of one (replaces it whole). */
  z.strictObject({ kind: z.literal('incident'), sequence: z.number().int().min(1), incident: IncidentSchema }),
  /** The server no longer keeps this incident (an old closed one). */
  z.strictObject({ kind: z.literal('incident-removed'), sequence: z.number().int().min(1), incidentId: IncidentIdSchema }),
  /** A new alert or a new version of one (an acknowledgement, an ingest update). */
  z.strictObject({ kind: z.literal('alert'), sequence: z.number().int().min(1), alert: AlertSchema }),
  z.strictObject({ kind: z.literal('alert-removed'), sequence: z.number().int().min(1), alertId: AlertIdSchema }),
]);
export type IncidentChange = z.infer<typeof IncidentChangeSchema>;

/** Changes pushed together (the server batches a busy feed); sequences are consecutive. */
export const IncidentChangeBatchSchema = z.strictObject({ changes: z.array(IncidentChangeSchema).min(1) });
export type IncidentChangeBatch = z.infer<typeof IncidentChangeBatchSchema>;

/** Everything a subscriber starts from: the state after change number `sequence`. */
export const IncidentSnapshotSchema = z.strictObject({
  sequence: z.number().int().min(0),
  incidents: z.array(IncidentSchema),
  /** Newest first. */
  alerts: z.array(AlertSchema),
});
export type IncidentSnapshot = z.infer<typeof IncidentSnapshotSchema>;

export const IncidentSubscribeReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), snapshot: IncidentSnapshotSchema }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type IncidentSubscribeReply = z.infer<typeof IncidentSubscribeReplySchema>;

export const AcknowledgeRequestSchema = z.strictObject({ alertId: AlertIdSchema });
export type AcknowledgeRequest = z.infer<typeof AcknowledgeRequestSchema>;

/** The acknowledged alert (also pushed to every subscriber), or why nothing changed. */
export const AcknowledgeReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), alert: AlertSchema }),
  z.object({ ok: z.literal(false), error: ProtocolErrorSchema }),
]);
export type AcknowledgeReply = z.infer<typeof AcknowledgeReplySchema>;

/**
 * Applies a batch to a subscriber's state. Returns null when the batch does not follow on from
 * `state.sequence` (a gap): the subscriber should subscribe again for a fresh snapshot.
 */
export function applyIncidentChanges(state: IncidentSnapshot, batch: IncidentChangeBatch): IncidentSnapshot | null {
  // Changes already applied (a snapshot taken mid-batch) are skipped; a gap is reported.
  const fresh = batch.changes.filter((change) => change.sequence > state.sequence);
  const first = fresh[0];
  const last = fresh[fresh.length - 1];
  if (!first || !last) return state;
  if (first.sequence !== state.sequence + 1) return null;
  const incidents = new Map(state.incidents.map((incident) => [incident.id, incident]));
  const alerts = new Map(state.alerts.map((alert) => [alert.id, alert]));
  for (const change of fresh) {
    switch (change.kind) {
      case 'incident':
        incidents.set(change.incident.id, change.incident);
        break;
      case 'incident-removed':
        incidents.delete(change.incidentId);
        break;
      case 'alert':
        alerts.set(change.alert.id, change.alert);
        break;
      case 'alert-removed':
        alerts.delete(change.alertId);
        break;
    }
  }
  return {
    sequence: last.sequence,
    incidents: [...incidents.values()],
    alerts: [...alerts.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)),
  };
}

// ---------------------------------------------------------------------------------------------
// Accident history (GET /api/accident-history): GeoJSON points for the map's heatmap
// ---------------------------------------------------------------------------------------------

export const AccidentPointSchema = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.strictObject({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.strictObject({
    /** When the accident happened. */
    at: TimestampSchema,
    severity: IncidentSeveritySchema,
    /** Road or junction name, e.g. "Simpang Joglo". */
    place: z.string(),
    /** Heatmap weight: 1 (low) to 4 (critical). */
    weight: z.number().min(0),
  }),
});
export type AccidentPoint = z.infer<typeof AccidentPointSchema>;

export const AccidentHistorySchema = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(AccidentPointSchema),
});
export type AccidentHistory = z.infer<typeof AccidentHistorySchema>;
