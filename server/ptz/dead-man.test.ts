import assert from 'node:assert/strict';
import test from 'node:test';
import { DeadManTable } from './dead-man.js';

test('a move its client stops repeating comes due once the timeout has passed', () => {
  const deadMan = new DeadManTable(1000);
  deadMan.arm('cam', 'screen-1', 0);
  assert.deepEqual(deadMan.due(999), []);
  assert.deepEqual(deadMan.due(1000), ['cam']);
  assert.deepEqual(deadMan.due(5000), [], 'a camera comes due once');
  assert.equal(deadMan.clientOf('cam'), undefined);
});

test('repeats keep a move alive; a disarmed move never comes due', () => {
  const deadMan = new DeadManTable(1000);
  deadMan.arm('a', 'screen-1', 0);
  deadMan.arm('b', 'screen-2', 0);
  for (let t = 250; t <= 3000; t += 250) deadMan.arm('a', 'screen-1', t);
  deadMan.disarm('b');
  assert.deepEqual(deadMan.due(3500), []);
  assert.deepEqual(deadMan.camerasOf('screen-1'), ['a']);
});
