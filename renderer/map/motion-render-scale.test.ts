import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextMotionScale, type MotionScaleState } from './motion-render-scale.js';

const still: MotionScaleState = { moving: false, ratio: 1 };

test('a moving map is drawn at the moving scale of its full ratio', () => {
  assert.deepEqual(nextMotionScale(still, { kind: 'move-start' }, 2, 0.5), { moving: true, ratio: 1 });
});

test('the map stays coarse at move-end and turns sharp only once settled', () => {
  const moving = nextMotionScale(still, { kind: 'move-start' }, 1, 0.5);
  const ended = nextMotionScale(moving, { kind: 'move-end' }, 1, 0.5);
  assert.equal(ended.ratio, 0.5);
  assert.deepEqual(nextMotionScale(ended, { kind: 'settled' }, 1, 0.5), { moving: false, ratio: 1 });
});

test('a move that starts again before the map settles keeps it coarse', () => {
  const ended = nextMotionScale(nextMotionScale(still, { kind: 'move-start' }, 1, 0.5), { kind: 'move-end' }, 1, 0.5);
  const again = nextMotionScale(ended, { kind: 'move-start' }, 1, 0.5);
  assert.deepEqual(nextMotionScale(again, { kind: 'settled' }, 1, 0.5), { moving: true, ratio: 0.5 });
});
