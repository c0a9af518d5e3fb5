import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccidentHistorySchema, statusRank, type Incident } from '../../protocol/incidents.js';
import { accidentHistory } from './accident-history.js';
import { IncidentService } from './incident-service.js';
import { IncidentSimulator } from './incident-simulator.js';
import { MemoryIncidentStore } from './incident-store.js';
import { distanceMetres } from './nearest-cameras.js';
import { alongCourse } from './geo-offsets.js';
import { ACCIDENT_HOTSPOTS } from './solo-places.js';
import { BOUNDARY_MISSING, loadSurakartaBoundary } from './surakarta-boundary.test-support.js';

const insideSurakarta = loadSurakartaBoundary();
const cameras = [{ id: 'gladak', name: 'Bundaran Gladak', location: { latitude: -7.5745, longitude: 110.8272 } }];

function run(seed: number, steps: number) {
  let clock = Date.parse('2026-11-02T08:00:00.000Z');
  const service = new IncidentService({ cameras: () => cameras, now: () => new Date((clock += 5000)), closedLimit: 10_000 });
  const history = new Map<string, Incident[]>();
  service.onChange((change) => {
    if (change.kind === 'incident') history.set(change.incident.id, [...(history.get(change.incident.id) ?? []), change.incident]);
  });
  const simulator = new IncidentSimulator(service, { seed, initialIncidents: 5, cameras: () => cameras });
  const events = Array.from({ length: steps }, () => simulator.step());
  return { service, events, history };
}

test('the same seed gives the same incidents and alerts', () => {
  const first = run(42, 200);
  const second = run(42, 200);
  assert.deepEqual(first.service.snapshot(), second.service.snapshot());
  assert.notDeepEqual(run(43, 200).service.snapshot().incidents, first.service.snapshot().incidents);
});

test('a simulated flow has new incidents, every status in order, escalations and alerts', () => {
  const { events, history, service } = run(7, 400);
  const kinds = new Set(events.map((event) => event.kind));
  for (const kind of ['new-incident', 'status', 'escalated', 'camera-offline']) assert.ok(kinds.has(kind as never), `no ${kind} in 400 steps`);
  for (const versions of history.values()) {
    const ranks = versions.map((incident) => statusRank(incident.status));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'statuses only move forward');
  }
  const closed = service.snapshot().incidents.filter((incident) => incident.status === 'closed');
  assert.ok(closed.length > 0, 'some incidents run their course to closed');
  assert.ok(closed.every((incident) => incident.assignedAgency !== null && incident.timeline.length >= 5));
  assert.ok(service.snapshot().alerts.length > 0);
});

test('simulated incidents happen inside Surakarta', { skip: insideSurakarta ? false : BOUNDARY_MISSING }, () => {
  const { service } = run(11, 300);
  const outside = service.snapshot().incidents.filter((incident) => !insideSurakarta?.(incident.location.latitude, incident.location.longitude));
  assert.deepEqual(outside.map((incident) => `${incident.address} ${JSON.stringify(incident.location)}`), []);
});

test('the accident history is valid GeoJSON, repeatable, and gathers on the known roads and junctions', () => {
  const history = accidentHistory({ seed: 1, count: 3000, endAt: new Date('2026-11-01T00:00:00Z') });
  AccidentHistorySchema.parse(history);
  assert.equal(history.features.length, 3000);
  assert.deepEqual(accidentHistory({ seed: 1, count: 3000, endAt: new Date('2026-11-01T00:00:00Z') }), history);
  // Sample each hotspot's course every ~1/50 of its length and measure each accident's distance to it.
  const samples = ACCIDENT_HOTSPOTS.flatMap((spot) => Array.from({ length: 51 }, (_, index) => alongCourse(spot.course, index / 50)));
  const nearRoad = history.features.filter((feature) => {
    const [longitude, latitude] = feature.geometry.coordinates;
    return samples.some(([lat, lon]) => distanceMetres({ latitude, longitude }, { latitude: lat, longitude: lon }) < 100);
  });
  assert.ok(nearRoad.length / history.features.length > 0.8, `${nearRoad.length} of 3000 near a hotspot`);
  const times = history.features.map((feature) => Date.parse(feature.properties.at));
  assert.ok(times.every((time) => time < Date.parse('2026-11-01T00:00:00Z')));
});

test('every historic accident lies inside Surakarta', { skip: insideSurakarta ? false : BOUNDARY_MISSING }, () => {
  const outside = accidentHistory({ seed: 5, count: 3000 }).features.filter(
    (feature) => !insideSurakarta?.(feature.geometry.coordinates[1], feature.geometry.coordinates[0]),
  );
  assert.deepEqual(outside.map((feature) => `${feature.properties.place} ${feature.geometry.coordinates.join(',')}`), []);
});

test('after a restart the simulator takes over its open incidents instead of doubling them, and new source ids follow the old', () => {
  const store = new MemoryIncidentStore();
  const first = new IncidentService({ cameras: () => cameras, store });
  const before = new IncidentSimulator(first, { seed: 5, initialIncidents: 6 });
  before.start();
  before.stop();
  const [closing] = first.snapshot().incidents;
  assert.ok(closing);
  for (const status of ['verified', 'dispatched', 'handled', 'closed'] as const) first.updateIncident(closing.id, { status });

  const second = new IncidentService({ cameras: () => cameras, store });
  const after = new IncidentSimulator(second, { seed: 5, initialIncidents: 6 });
  after.start();
  after.stop();
  const incidents = second.snapshot().incidents;
  assert.equal(incidents.length, 7, 'five restored open, one new to make six open, and the closed one');
  assert.equal(new Set(incidents.map((incident) => incident.sourceId)).size, 7);
  assert.equal(incidents.at(-1)?.sourceId, 'sim-7', 'numbering continues after the restored sim-6');
  for (let step = 0; step < 2000; step++) after.step();
  assert.ok(second.incident(incidents[1]!.id)?.status !== 'new', 'a restored open incident moves on like the others');
});
