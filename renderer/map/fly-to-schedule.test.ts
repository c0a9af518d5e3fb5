import assert from 'node:assert/strict';
import test from 'node:test';
import { makeIncident } from '../../bench/support/map-incidents.js';
import { initialFlyToState, onIncidentsChanged, onOperatorMoved, onTick } from './fly-to-schedule.js';

const options = { flyToCritical: true, returnHomeAfterMs: 60_000 };
const old = makeIncident({ id: 'old', longitude: 110.8, latitude: -7.56, severity: 'critical' });
const fresh = makeIncident({ id: 'fresh', longitude: 110.84, latitude: -7.55, severity: 'critical' });
const minor = makeIncident({ id: 'minor', longitude: 110.81, latitude: -7.57, severity: 'low' });

test('what was critical when the map started does not fly; a new critical incident does', () => {
  const start = initialFlyToState([old, minor]);
  const unchanged = onIncidentsChanged(start, [old, minor], 0, options);
  assert.equal(unchanged.move.kind, 'none');
  const next = onIncidentsChanged(unchanged.state, [old, minor, fresh], 1000, options);
  assert.equal(next.move.kind, 'fly-to');
  assert.equal(next.move.kind === 'fly-to' && next.move.incident.id, 'fresh');
  assert.equal(next.state.returnAt, 61_000);
  assert.equal(onIncidentsChanged(next.state, [old, minor, fresh], 2000, options).move.kind, 'none', 'only once');
});

test('an escalation to critical flies; the map returns home after the stay', () => {
  const start = initialFlyToState([minor]);
  const escalated = onIncidentsChanged(start, [{ ...minor, severity: 'critical' }], 0, options);
  assert.equal(escalated.move.kind, 'fly-to');
  assert.equal(onTick(escalated.state, 59_999).move.kind, 'none');
  const back = onTick(escalated.state, 60_000);
  assert.equal(back.move.kind, 'return-home');
  assert.equal(onTick(back.state, 120_000).move.kind, 'none', 'once');
});

test('switched off, or taken over by an operator, the map stays put', () => {
  const start = initialFlyToState([]);
  assert.equal(onIncidentsChanged(start, [fresh], 0, { ...options, flyToCritical: false }).move.kind, 'none');
  const flown = onIncidentsChanged(start, [fresh], 0, options);
  assert.equal(onTick(onOperatorMoved(flown.state), 100_000).move.kind, 'none');
  const stay = onIncidentsChanged(start, [fresh], 0, { ...options, returnHomeAfterMs: 0 });
  assert.equal(onTick(stay.state, 10 ** 9).move.kind, 'none', '0 stays until the next one');
});
