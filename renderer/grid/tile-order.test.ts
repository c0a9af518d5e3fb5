import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateLayout } from '../../protocol/index.js';
import { placeTiles, type TileToPlace } from './tile-order.js';

function tiles(template: Parameters<typeof templateLayout>[0], cameras: (string | null)[]): TileToPlace[] {
  return templateLayout(template).cells.map((cell, index) => ({ index, cell, cameraId: cameras[index] ?? null, panel: null }));
}

test('each tile gets its grid area from its cell, spans included', () => {
  const placed = placeTiles(tiles('1+5', ['a', 'b']));
  assert.deepEqual(placed.find((p) => p.key === 'camera:a'), { key: 'camera:a', tile: tiles('1+5', ['a'])[0], gridRow: '1 / span 2', gridColumn: '1 / span 2' });
  assert.deepEqual([placed.find((p) => p.key === 'camera:b')?.gridRow, placed.find((p) => p.key === 'camera:b')?.gridColumn], ['1 / span 1', '3 / span 1']);
});

test('a camera that stays on screen keeps its key and its place in the order, wherever it moves', () => {
  const before = placeTiles(tiles('2x2', ['gladak', 'jurug', null]));
  const after = placeTiles(tiles('3x3', ['manahan', null, 'jurug', 'gladak']));
  const survivors = (list: ReturnType<typeof placeTiles>) => list.map((p) => p.key).filter((key) => key === 'camera:gladak' || key === 'camera:jurug');
  assert.deepEqual(survivors(before), survivors(after));
  assert.equal(after.find((p) => p.key === 'camera:gladak')?.tile.index, 3);
});

test('the same camera twice on one screen gets two distinct keys; a panel is keyed by its kind', () => {
  assert.deepEqual(placeTiles(tiles('2x2', ['a', 'a'])).slice(0, 2).map((p) => p.key), ['camera:a', 'camera:a#1']);
  const map = placeTiles([{ index: 3, cell: { row: 0, column: 0, rowSpan: 1, columnSpan: 1 }, cameraId: null, panel: 'map' }]);
  assert.equal(map[0]?.key, 'panel:map');
});
