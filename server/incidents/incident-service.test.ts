import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IncidentIngestSchema, type IncidentChange, type IncidentIngest } from '../../protocol/incidents.js';
import { IncidentService, type Alarm } from './incident-service.js';
import type { PlacedCamera } from './nearest-cameras.js';

const cameras: PlacedCamera[] = [
  { id: 'gladak', location: { latitude: -7.5745, longitude: 110.8275 }, view: { bearing: 270, fieldOfView: 90, rangeMetres: 400 } },
  { id: 'purwosari', location: { latitude: -7.5626, longitude: 110.7962 } },
];

function report(overrides: Partial<IncidentIngest> = {}) {
  return IncidentIngestSchema.parse({
    source: 'call-112',
    sourceId: 'C-1',
    category: 'traffic-accident',
    severity: 'high',
    title: 'Tabrakan dua motor',
    location: { latitude: -7.5745, longitude: 110.8262 },
    address: 'Jl. Slamet Riyadi dekat Bundaran Gladak',
    reportedVia: '112',
    ...overrides,
  });
}

function serviceWithLog(options: Partial<ConstructorParameters<typeof IncidentService>[0]> = {}) {
  let clock = Date.parse('2026-11-02T08:00:00.000Z');
  const changes: IncidentChange[] = [];
  const alarms: Alarm[] = [];
  const service = new IncidentService({ cameras: () => cameras, now: () => new Date((clock += 1000)), onAlarm: (alarm) => alarms.push(alarm), ...options });
  service.onChange((change) => changes.push(change));
  return { service, changes, alarms };
}

test('a new incident gets an id, the cameras near it, a timeline and an alert', () => {
  const { service, changes } = serviceWithLog();
  const outcome = service.ingestIncident(report({ note: 'Korban dua orang' }));
  assert.ok(outcome.ok);
  assert.equal(outcome.created, true);
  assert.deepEqual(outcome.incident.relatedCameraIds, ['gladak'], 'the camera 1 km away is out of the default radius');
  assert.deepEqual(outcome.incident.timeline.map((entry) => entry.text), ['Laporan diterima melalui panggilan 112', 'Korban dua orang']);
  assert.deepEqual(changes.map((change) => [change.kind, change.sequence]), [['incident', 1], ['alert', 2]]);
  const snapshot = service.snapshot();
  assert.equal(snapshot.sequence, 2);
  assert.equal(snapshot.alerts[0]?.kind, 'call-112');
  assert.equal(snapshot.alerts[0]?.priority, 'high');
});

test('the same source id updates the incident instead of adding a second one', () => {
  const { service, changes } = serviceWithLog();
  const first = service.ingestIncident(report());
  const second = service.ingestIncident(report({ status: 'verified', note: 'Terlihat di kamera Gladak' }));
  assert.ok(first.ok && second.ok);
  assert.equal(second.created, false);
  assert.equal(second.incident.id, first.incident.id);
  assert.equal(service.snapshot().incidents.length, 1);
  assert.deepEqual(second.incident.timeline.slice(1).map((entry) => [entry.text, entry.status]), [['Terverifikasi', 'verified'], ['Terlihat di kamera Gladak', undefined]]);
  const before = changes.length;
  service.ingestIncident(report({ status: 'verified', note: 'Terlihat di kamera Gladak' }));
  assert.equal(changes.length, before, 'an identical repeat (a retry) changes nothing');
});

test('a critical incident sounds the alarm with the cameras that see it; an escalation does too', () => {
  const { service, alarms } = serviceWithLog();
  service.ingestIncident(report({ severity: 'critical', sourceId: 'C-9' }));
  assert.equal(alarms.length, 1);
  assert.deepEqual(alarms[0]!.cameraIds, ['gladak']);
  const low = service.ingestIncident(report({ severity: 'low', sourceId: 'C-10' }));
  assert.ok(low.ok);
  assert.equal(alarms.length, 1, 'a low incident is no alarm');
  service.updateIncident(low.incident.id, { severity: 'critical' });
  assert.equal(alarms.length, 2);
  assert.equal(alarms[1]!.alert.kind, 'incident-escalated');
});

test('acknowledging an alert records who did it, once; an unknown alert is refused', () => {
  const { service } = serviceWithLog();
  service.ingestIncident(report());
  const alertId = service.snapshot().alerts[0]!.id;
  const acknowledged = service.acknowledge(alertId, { userId: 'budi', name: 'Budi' });
  assert.ok(acknowledged.ok);
  assert.equal(acknowledged.alert.acknowledgedBy?.name, 'Budi');
  const again = service.acknowledge(alertId, { userId: 'sari', name: 'Sari' });
  assert.ok(again.ok);
  assert.equal(again.alert.acknowledgedBy?.name, 'Budi');
  const unknown = service.acknowledge('alr-999', { userId: 'budi', name: 'Budi' });
  assert.equal(unknown.ok, false);
});

test('an ingested alert links to the sender incident; an unknown link is refused and changes nothing', () => {
  const { service, changes } = serviceWithLog();
  const incident = service.ingestIncident(report());
  assert.ok(incident.ok);
  const linked = service.ingestAlert({ source: 'call-112', sourceId: 'A-1', priority: 'medium', kind: 'call-112', text: 'Penelepon kedua', incidentSourceId: 'C-1' });
  assert.ok(linked.ok);
  assert.equal(linked.alert.incidentId, incident.incident.id);
  const before = changes.length;
  const refused = service.ingestAlert({ source: 'call-112', sourceId: 'A-2', priority: 'medium', kind: 'call-112', text: 'x', incidentSourceId: 'nope' });
  assert.equal(refused.ok, false);
  assert.equal(changes.length, before);
  const repeat = service.ingestAlert({ source: 'call-112', sourceId: 'A-1', priority: 'medium', kind: 'call-112', text: 'Penelepon kedua (ulang)' });
  assert.ok(repeat.ok);
  assert.equal(repeat.created, false);
  assert.equal(service.snapshot().alerts.filter((alert) => alert.source === 'call-112').length, 1);
});

test('only the newest closed incidents are kept; open ones stay', () => {
  const { service, changes } = serviceWithLog({ closedLimit: 2 });
  const ids: string[] = [];
  for (let index = 0; index < 5; index++) {
    const outcome = service.ingestIncident(report({ sourceId: `C-${index}`, severity: 'low' }));
    assert.ok(outcome.ok);
    ids.push(outcome.incident.id);
  }
  for (const id of ids.slice(0, 4)) service.updateIncident(id, { status: 'closed' });
  const kept = service.snapshot().incidents.map((incident) => incident.id).sort();
  assert.deepEqual(kept, [ids[2], ids[3], ids[4]].sort());
  assert.equal(changes.filter((change) => change.kind === 'incident-removed').length, 2);
});

test('alerts are bounded, the oldest dropped first', () => {
  const { service } = serviceWithLog({ alertLimit: 3 });
  for (let index = 0; index < 5; index++) service.raiseAlert({ priority: 'low', kind: 'camera-offline', text: `Kamera ${index} terputus`, cameraId: 'gladak' });
  assert.deepEqual(service.snapshot().alerts.map((alert) => alert.text), ['Kamera 4 terputus', 'Kamera 3 terputus', 'Kamera 2 terputus']);
});
