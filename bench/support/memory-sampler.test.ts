import assert from 'node:assert/strict';
import { test } from 'node:test';
import { robustSlope } from './memory-sampler.js';

test('a soak trend ignores one sample taken mid-switch', () => {
  // Flat at about 2,250 DOM nodes, with one sample 930 nodes up: a fitted line would tilt by tens.
  const flat = [2251, 2247, 3184, 2251, 2247, 2243].map((y, x) => ({ x, y }));
  assert.ok(Math.abs(robustSlope(flat)) < 5, `slope ${robustSlope(flat)}`);
});

test('a steady growth is reported as it is', () => {
  assert.equal(robustSlope([0, 2, 4, 6].map((x) => ({ x, y: 7 + 0.5 * x }))), 0.5);
  assert.ok(Number.isNaN(robustSlope([{ x: 1, y: 1 }])));
});
