import assert from 'node:assert/strict';
import test from 'node:test';
import { makeIncident } from '../../bench/support/map-incidents.js';
import { briefingIndex, briefingOrder, briefingStep } from './briefing-steps.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 8, minutes)).toISOString();
const incidents = [
  makeIncident({ id: 'low-new', longitude: 110.8, latitude: -7.56, severity: 'low', createdAt: at(5) }),
  makeIncident({ id: 'closed-critical', longitude: 110.8, latitude: -7.56, severity: 'critical', status: 'closed', createdAt: at(9) }),
  makeIncident({ id: 'critical-old', longitude: 110.8, latitude: -7.56, severity: 'critical', createdAt: at(1) }),
  makeIncident({ id: 'critical-new', longitude: 110.8, latitude: -7.56, severity: 'critical', createdAt: at(7) }),
];

test('a briefing presents open incidents, most severe and newest first, closed ones last', () => {
  assert.deepEqual(briefingOrder(incidents).map((incident) => incident.id), ['critical-new', 'critical-old', 'low-new', 'closed-critical']);
});

test('next and previous step through and stop at the ends', () => {
  const order = briefingOrder(incidents);
  assert.equal(briefingStep(order, null, 1), 'critical-old', 'no position is the first');
  assert.equal(briefingStep(order, 'critical-old', 1), 'low-new');
  assert.equal(briefingStep(order, 'low-new', -1), 'critical-old');
  assert.equal(briefingStep(order, 'critical-new', -1), 'critical-new', 'no wrap at the start');
  assert.equal(briefingStep(order, 'closed-critical', 1), 'closed-critical', 'no wrap at the end');
  assert.equal(briefingIndex(order, 'gone'), 0, 'a removed incident falls back to the first');
  assert.equal(briefingStep([], null, 1), null);
});
