import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ZodError } from 'zod';
import { describeIssues } from './validation.js';
import {
  AlertIngestSchema,
  IncidentIngestSchema,
  IncidentSchema,
  applyIncidentChanges,
  type Alert,
  type Incident,
  type IncidentSnapshot,
} from './incidents.js';

const ingest = {
  source: 'solo-destination',
  sourceId: 'PB-2026-0001',
  category: 'panic-button',
  severity: 'critical',
  title: 'Tombol panik ditekan',
  location: { latitude: -7.5686, longitude: 110.8166 },
  address: 'Jl. Slamet Riyadi, Purwosari',
  reportedVia: 'panic-button',
};

const incident: Incident = {
  id: 'inc-1',
  source: 'simulator',
  sourceId: 'sim-1',
  category: 'fire',
  severity: 'high',
  status: 'new',
  title: 'Kebakaran rumah',
  location: { latitude: -7.56, longitude: 110.83 },
  address: 'Kel. Kampung Baru',
  reportedVia: '112',
  timeline: [{ at: '2026-11-02T08:00:00.000Z', text: 'Laporan masuk', status: 'new' }],
  relatedCameraIds: ['solo-gladak'],
  assignedAgency: null,
  createdAt: '2026-11-02T08:00:00.000Z',
  updatedAt: '2026-11-02T08:00:00.000Z',
};

const alert: Alert = { id: 'alr-1', priority: 'critical', kind: 'panic', text: 'Tombol panik', at: '2026-11-02T08:00:00.000Z', incidentId: 'inc-1' };

function fieldsRefused(schema: { safeParse(input: unknown): { success: boolean; error?: ZodError } }, input: unknown): string[] {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, 'expected the input to be refused');
  return describeIssues(result.error!).map((issue) => issue.field);
}

test('a minimal incident report is accepted and starts as new', () => {
  const parsed = IncidentIngestSchema.parse(ingest);
  assert.equal(parsed.status, 'new');
  assert.equal(parsed.note, undefined);
});

test('an incident report with wrong fields names each of them', () => {
  const fields = fieldsRefused(IncidentIngestSchema, { ...ingest, category: 'earthquake', location: { latitude: 120, longitude: 110 }, extra: 1 });
  assert.ok(fields.includes('category'), fields.join());
  assert.ok(fields.includes('location.latitude'), fields.join());
  assert.ok(fields.includes('(root)'), 'an unknown field is refused at the root: ' + fields.join());
});

test('a source id with spaces or a blank title is refused', () => {
  const fields = fieldsRefused(IncidentIngestSchema, { ...ingest, sourceId: 'has space', title: '   ' });
  assert.deepEqual(fields.sort(), ['sourceId', 'title']);
});

test('an alert report needs a known priority and kind', () => {
  assert.equal(AlertIngestSchema.safeParse({ source: 'call-112', sourceId: 'c-1', priority: 'high', kind: 'call-112', text: 'Panggilan 112' }).success, true);
  const fields = fieldsRefused(AlertIngestSchema, { source: 'call-112', sourceId: 'c-1', priority: 'urgent', kind: 'call-112', text: 'x' });
  assert.deepEqual(fields, ['priority']);
});

test('a stored incident round-trips through its schema', () => {
  assert.deepEqual(IncidentSchema.parse(incident), incident);
});

test('a change batch that follows on is applied; alerts stay newest first', () => {
  const start: IncidentSnapshot = { sequence: 4, incidents: [incident], alerts: [alert] };
  const later: Alert = { ...alert, id: 'alr-2', at: '2026-11-02T08:05:00.000Z', priority: 'low', kind: 'camera-offline' };
  const next = applyIncidentChanges(start, {
    changes: [
      { kind: 'incident', sequence: 5, incident: { ...incident, status: 'verified' } },
      { kind: 'alert', sequence: 6, alert: later },
    ],
  });
  assert.ok(next);
  assert.equal(next.sequence, 6);
  assert.equal(next.incidents[0]?.status, 'verified');
  assert.deepEqual(next.alerts.map((a) => a.id), ['alr-2', 'alr-1']);
});

test('a batch after a gap is refused so the client resubscribes; old changes are skipped', () => {
  const start: IncidentSnapshot = { sequence: 4, incidents: [incident], alerts: [] };
  assert.equal(applyIncidentChanges(start, { changes: [{ kind: 'incident-removed', sequence: 6, incidentId: 'inc-1' }] }), null);
  const same = applyIncidentChanges(start, { changes: [{ kind: 'incident-removed', sequence: 3, incidentId: 'inc-1' }] });
  assert.equal(same, start);
});
