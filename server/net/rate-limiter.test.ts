import assert from 'node:assert/strict';
import test from 'node:test';
import { RateLimiter } from './rate-limiter.js';

test('a client gets its burst, then only the sustained rate; other clients are not affected', () => {
  const limiter = new RateLimiter({ burst: 3, perSecond: 2 });
  assert.deepEqual([0, 0, 0, 0].map(() => limiter.allow('a', 0)), [true, true, true, false]);
  assert.equal(limiter.allow('b', 0), true);
  assert.equal(limiter.allow('a', 499), false);
  assert.equal(limiter.allow('a', 500), true, 'one token back after half a second at 2 a second');
  assert.equal(limiter.allow('a', 500), false);
});

test('a quiet client is back to its full burst, never more', () => {
  const limiter = new RateLimiter({ burst: 2, perSecond: 10 });
  limiter.allow('a', 0);
  limiter.allow('a', 0);
  assert.deepEqual([1, 2, 3].map(() => limiter.allow('a', 60_000)), [true, true, false]);
});
