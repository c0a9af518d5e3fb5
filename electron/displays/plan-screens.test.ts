import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planScreensOnDisplays, type DisplayInfo } from './plan-screens.js';

const display = (id: number, x: number, y: number, label = `Monitor ${id}`): DisplayInfo => ({ id, label, bounds: { x, y, width: 1920, height: 1080 } });
// Deliberately listed out of position order, as operating systems do.
const threeInARow = [display(30, 3840, 0), display(10, 0, 0), display(20, 1920, 0)];

test('screens without a preference fill the displays left to right', () => {
  const plan = planScreensOnDisplays([{ screenId: '1' }, { screenId: '2' }, { screenId: '3' }], threeInARow);
  assert.deepEqual(plan.placements.map((p) => [p.screenId, p.displayId]), [['1', 10], ['2', 20], ['3', 30]]);
  assert.deepEqual(plan.placements[1]?.bounds, { x: 1920, y: 0, width: 1920, height: 1080 });
  assert.deepEqual(plan.unassigned, []);
});

test('a screen asking for a display by label gets it, the others take what is left', () => {
  const displays = [display(1, 0, 0, 'LG 43UN'), display(2, 1920, 0, 'DELL U2720Q')];
  const plan = planScreensOnDisplays([{ screenId: '1' }, { screenId: '2', display: { label: 'LG 43UN' } }], displays);
  assert.deepEqual(plan.placements.map((p) => [p.screenId, p.displayId]), [['1', 2], ['2', 1]]);
});

test('a screen asking for a position gets that display; a stale label falls back to the position', () => {
  const plan = planScreensOnDisplays([{ screenId: 'map', display: { label: 'Gone', position: 3 } }, { screenId: 'grid' }], threeInARow);
  assert.deepEqual(plan.placements.map((p) => [p.screenId, p.displayId]), [['map', 30], ['grid', 10]]);
});

test('more screens than displays: never two on one display, the extra is reported', () => {
  const plan = planScreensOnDisplays([{ screenId: '1' }, { screenId: '2' }], [display(5, 0, 0)]);
  assert.deepEqual(plan.placements.map((p) => p.screenId), ['1']);
  assert.equal(plan.unassigned.length, 1);
  assert.equal(plan.unassigned[0]?.screenId, '2');
  assert.match(plan.unassigned[0]?.reason ?? '', /no free display/);
});

test('two screens asking for the same display: the first keeps it, the second moves to a free one', () => {
  const plan = planScreensOnDisplays([{ screenId: '1', display: { position: 1 } }, { screenId: '2', display: { position: 1 } }], threeInARow);
  assert.deepEqual(plan.placements.map((p) => [p.screenId, p.displayId]), [['1', 10], ['2', 20]]);
});

test('displays stacked vertically are ordered top to bottom', () => {
  const plan = planScreensOnDisplays([{ screenId: 'top' }, { screenId: 'bottom' }], [display(2, 0, 1080), display(1, 0, 0)]);
  assert.deepEqual(plan.placements.map((p) => [p.screenId, p.displayId]), [['top', 1], ['bottom', 2]]);
});
