import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STALL_AFTER_MS, tileStateAt } from './tile-state.js';

test('a tile is connecting until its first frame, then live while frames keep coming', () => {
  assert.equal(tileStateAt(1000, 0, null, 0), 'connecting');
  assert.equal(tileStateAt(5000, 0, 4900, 0), 'live');
});

test('a live tile whose frames stop is no longer called live after the stall limit', () => {
  assert.equal(tileStateAt(10_000, 0, 10_000 - STALL_AFTER_MS + 1, 0), 'live');
  assert.equal(tileStateAt(10_000, 0, 10_000 - STALL_AFTER_MS, 0), 'reconnecting');
});

test('a tile that never got a frame, or is on a retry, says reconnecting', () => {
  assert.equal(tileStateAt(STALL_AFTER_MS * 2, 0, null, 0), 'reconnecting');
  assert.equal(tileStateAt(100, 0, null, 1), 'reconnecting');
});
