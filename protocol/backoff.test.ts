import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './index.js';

const policy = { initialMs: 500, maxMs: 10_000, jitter: 0.2 };

test('delays double from the initial delay and stop at the cap', () => {
  const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(policy, attempt, 0.5));
  assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
});

test('jitter spreads a delay by at most the configured fraction either way', () => {
  assert.equal(backoffDelay(policy, 1, 0), 800);
  assert.equal(backoffDelay(policy, 1, 0.999_999), 1200);
});
