import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOOSE, RELAXED, TIGHT, playbackRateFor, seekTargetFor, tilePolicy } from './latency-control.js';

test('a tile behind the live edge speeds up, and returns to normal speed at the target', () => {
  assert.equal(playbackRateFor(0.35, 1, TIGHT), TIGHT.catchUpRate);
  assert.equal(playbackRateFor(0.2, TIGHT.catchUpRate, TIGHT), TIGHT.catchUpRate, 'keeps catching up between target and maximum');
  assert.equal(playbackRateFor(0.09, TIGHT.catchUpRate, TIGHT), 1);
  assert.equal(playbackRateFor(0.2, 1, TIGHT), 1, 'does not start catching up below the maximum');
});

test('the relaxed policy lets a loaded window sit further back before it spends decode time catching up', () => {
  assert.equal(playbackRateFor(0.5, 1, RELAXED), 1);
  assert.equal(playbackRateFor(0.5, 1, TIGHT), TIGHT.catchUpRate);
});

test('far behind, a tile jumps to just short of the live edge; a loaded window tolerates more before it jumps', () => {
  assert.equal(seekTargetFor(2.5, 100, TIGHT), 100 - TIGHT.targetSeconds);
  assert.equal(seekTargetFor(0.5, 100, TIGHT), null);
  assert.equal(seekTargetFor(2.5, 100, RELAXED), null);
});

test('far behind the live edge, a tile catches up twice as fast, then eases off', () => {
  assert.equal(playbackRateFor(0.6, 1, TIGHT), 1 + (TIGHT.catchUpRate - 1) * 2);
  assert.equal(playbackRateFor(0.4, 1 + (TIGHT.catchUpRate - 1) * 2, TIGHT), TIGHT.catchUpRate);
  assert.equal(playbackRateFor(0.2, TIGHT.catchUpRate, TIGHT), TIGHT.catchUpRate);
});

test('a new player a GOP behind jumps to the live edge at once instead of playing fast for seconds', () => {
  assert.equal(seekTargetFor(0.8, 100, TIGHT, false), 100 - TIGHT.targetSeconds);
  assert.equal(seekTargetFor(0.8, 100, TIGHT, true), null, 'once at the live edge, a small lag is caught up by speed');
  assert.equal(seekTargetFor(0.2, 100, TIGHT, false), null, 'within the band it stays put');
});

test('a tile that batches its network input never holds the tight band', () => {
  assert.equal(tilePolicy(TIGHT, true), RELAXED);
  assert.equal(tilePolicy(TIGHT, false), TIGHT);
  assert.equal(tilePolicy(LOOSE, true), LOOSE, 'a looser window policy stays');
});
