import assert from 'node:assert/strict';
import test from 'node:test';
import { makeIncident } from '../../bench/support/map-incidents.js';
import { diffIncidents, incidentFeature, isEmptyDiff } from './incident-features.js';
import { mapStringsFor } from './strings.js';

const id = mapStringsFor('id');
const en = mapStringsFor('en');
const a = makeIncident({ id: 'a', longitude: 110.82, latitude: -7.56, category: 'fire', severity: 'critical', status: 'new' });
const b = makeIncident({ id: 'b', longitude: 110.83, latitude: -7.57 });

test('a pin says severity, category and status in words, in the room language', () => {
  const feature = incidentFeature(a, id);
  assert.equal(feature.properties.label, 'KRITIS · Kebakaran\nBaru');
  assert.equal(incidentFeature(a, en).properties.label, 'CRITICAL · Fire\nNew');
  assert.equal(feature.properties.icon, 'incident-fire-critical');
  assert.deepEqual(feature.geometry.coordinates, [110.82, -7.56]);
  assert.equal(feature.properties.critical, 1);
});

test('the diff sends only what changed, and removes what is gone', () => {
  const first = diffIncidents(new Map(), [a, b], id);
  assert.deepEqual(first.diff.add.map((feature) => feature.id), ['a', 'b']);
  const same = diffIncidents(first.memory, [a, b], id);
  assert.ok(isEmptyDiff(same.diff), 'the same objects change nothing');
  const copy = diffIncidents(first.memory, [{ ...a }, b], id);
  assert.ok(isEmptyDiff(copy.diff), 'an equal copy changes nothing');
  const moved = { ...a, status: 'dispatched' as const, location: { longitude: 110.821, latitude: -7.56 } };
  const next = diffIncidents(first.memory, [moved], id);
  assert.deepEqual(next.diff.add.map((feature) => [feature.id, feature.properties.status, feature.geometry.coordinates[0]]), [['a', 'dispatched', 110.821]]);
  assert.deepEqual(next.diff.remove, ['b']);
});
