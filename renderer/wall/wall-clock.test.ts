import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatWallClock } from './wall-clock.js';

test('the clock shows Western Indonesia Time by default and other zones when configured', () => {
  const at = new Date('2026-11-23T07:05:09Z');
  assert.deepEqual(formatWallClock(at, 'Asia/Jakarta', 'id'), { time: '14:05:09', date: 'Sen, 23 Nov 2026', zone: 'WIB' });
  assert.equal(formatWallClock(at, 'Asia/Makassar', 'en').time, '15:05:09');
  assert.equal(formatWallClock(at, 'Asia/Makassar', 'en').zone, 'WITA');
  assert.equal(formatWallClock(at, 'UTC', 'en').zone, 'UTC');
});
