import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameRateMeter } from './tile-stats.js';

test('frame rate is counted over the last two seconds', () => {
  const meter = new FrameRateMeter();
  for (let i = 0; i < 100; i++) meter.frame(i * 40);
  assert.equal(meter.rate(3960), 25);
  assert.equal(meter.rate(10_000), 0, 'a stream that stopped reads 0 fps');
});
