import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameRateMeter } from './tile-stats.js';

test('frame rate is measured over the last two seconds of samples', () => {
  const meter = new FrameRateMeter();
  for (let t = 0; t <= 4000; t += 250) meter.sample(t, t / 40);
  assert.equal(meter.rate(), 25);
});

test('a stream that stopped reads 0 fps once its window has passed', () => {
  const meter = new FrameRateMeter();
  for (let t = 0; t <= 2000; t += 250) meter.sample(t, t / 40);
  for (let t = 2250; t <= 5000; t += 250) meter.sample(t, 50);
  assert.equal(meter.rate(), 0);
});
