import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeTiles } from './tile-order.js';

test('each tile gets its row and column from its index', () => {
  const placed = placeTiles([{ index: 0, cameraId: 'a' }, { index: 3, cameraId: 'b' }], 2);
  assert.deepEqual(placed.map((p) => [p.key, p.row, p.column]), [['camera:a', 1, 1], ['camera:b', 2, 2]]);
});

test('a camera that stays on screen keeps its key and its place in the order, wherever it moves', () => {
  const before = placeTiles([{ index: 0, cameraId: 'gladak' }, { index: 1, cameraId: 'jurug' }, { index: 2, cameraId: null }], 2);
  const after = placeTiles([{ index: 0, cameraId: 'manahan' }, { index: 1, cameraId: null }, { index: 2, cameraId: 'jurug' }, { index: 3, cameraId: 'gladak' }], 2);
  const survivors = (list: ReturnType<typeof placeTiles>) => list.map((p) => p.key).filter((key) => key === 'camera:gladak' || key === 'camera:jurug');
  assert.deepEqual(survivors(before), survivors(after));
  assert.deepEqual(after.find((p) => p.key === 'camera:gladak')?.tile.index, 3);
});

test('the same camera twice on one screen gets two distinct keys', () => {
  const placed = placeTiles([{ index: 0, cameraId: 'a' }, { index: 1, cameraId: 'a' }], 2);
  assert.deepEqual(placed.map((p) => p.key), ['camera:a', 'camera:a#1']);
});
