import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELAXED, TIGHT, playbackRateFor } from './latency-control.js';

test('a tile behind the live edge speeds up, and returns to normal speed at the target', () => {
  assert.equal(playbackRateFor(0.35, 1, TIGHT), TIGHT.catchUpRate);
  assert.equal(playbackRateFor(0.12, TIGHT.catchUpRate, TIGHT), TIGHT.catchUpRate, 'keeps catching up between target and maximum');
  assert.equal(playbackRateFor(0.07, TIGHT.catchUpRate, TIGHT), 1);
  assert.equal(playbackRateFor(0.12, 1, TIGHT), 1, 'does not start catching up below the maximum');
});

test('the relaxed policy lets a loaded window sit further back before it spends decode time catching up', () => {
  assert.equal(playbackRateFor(0.5, 1, RELAXED), 1);
  assert.equal(playbackRateFor(0.5, 1, TIGHT), TIGHT.catchUpRate);
});
