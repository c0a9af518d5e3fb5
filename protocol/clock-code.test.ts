import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLOCK_CODE, clockLatencyMs, drawClockFrame } from './index.js';

function blockLevels(frame: Uint8Array): number[] {
  const blockWidth = CLOCK_CODE.width / CLOCK_CODE.bits;
  const y = Math.floor(CLOCK_CODE.rowHeight / 2);
  return Array.from({ length: CLOCK_CODE.bits }, (_, bit) => frame[y * CLOCK_CODE.width + Math.floor((bit + 0.5) * blockWidth)] ?? 0);
}

test('a drawn time code reads back as the time between its making and its display', () => {
  const frame = new Uint8Array(CLOCK_CODE.width * CLOCK_CODE.height);
  const made = 1_795_000_123_456;
  drawClockFrame(frame, made, 7);
  assert.equal(clockLatencyMs(blockLevels(frame), made + 137), 137);
});

test('the code survives the 32-bit wrap of the millisecond clock', () => {
  const frame = new Uint8Array(CLOCK_CODE.width * CLOCK_CODE.height);
  const made = 2 ** 32 * 418 - 20;
  drawClockFrame(frame, made, 0);
  assert.equal(clockLatencyMs(blockLevels(frame), made + 50), 50);
});

test('compression noise below mid-grey does not flip a bit', () => {
  const levels = Array.from({ length: 32 }, (_, i) => (i % 3 === 0 ? 231 : 19));
  const clean = levels.map((level) => (level > 128 ? 255 : 0));
  assert.equal(clockLatencyMs(levels, 5_000_000), clockLatencyMs(clean, 5_000_000));
});
