import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changesBetween, planScreensOnDisplays, type DisplayInfo } from './plan-screens.js';

const display = (id: number, x: number, y: number, label = `Monitor ${id}`): DisplayInfo => ({ id, label, bounds: { x, y, width: 1920, height: 1080 } });
// Deliberately listed out of position order, as operating systems do.
const threeInARow = [display(30, 3840, 0), display(10, 0, 0), display(20, 1920, 0)];
const where = (plan: ReturnType<typeof planScreensOnDisplays>): [string, number][] => plan.placements.map((p) => [p.screenId, p.displayId]);

test('screens without a preference fill the displays left to right', () => {
  const plan = planScreensOnDisplays([{ screenId: '1' }, { screenId: '2' }, { screenId: '3' }], threeInARow);
  assert.deepEqual(where(plan), [['1', 10], ['2', 20], ['3', 30]]);
  assert.deepEqual(plan.placements[1]?.bounds, { x: 1920, y: 0, width: 1920, height: 1080 });
  assert.deepEqual(plan.unassigned, []);
});

test('a screen asking for a display by label gets it, the others take what is left', () => {
  const displays = [display(1, 0, 0, 'LG 43UN'), display(2, 1920, 0, 'DELL U2720Q')];
  const plan = planScreensOnDisplays([{ screenId: '1' }, { screenId: '2', display: { label: 'LG 43UN' } }], displays);
  assert.deepEqual(where(plan), [['1', 2], ['2', 1]]);
  assert.equal(plan.placements[1]?.matchedBy, 'label');
});

test('a screen asking for a position gets that display; a stale label falls back to the position', () => {
  const plan = planScreensOnDisplays([{ screenId: 'map', display: { label: 'Gone', position: 3 } }, { screenId: 'grid' }], threeInARow);
  assert.deepEqual(where(plan), [['map', 30], ['grid', 10]]);
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
  assert.deepEqual(where(plan), [['1', 10], ['2', 20]]);
});

test('displays stacked vertically are ordered top to bottom', () => {
  const plan = planScreensOnDisplays([{ screenId: 'top' }, { screenId: 'bottom' }], [display(2, 0, 1080), display(1, 0, 0)]);
  assert.deepEqual(where(plan), [['top', 1], ['bottom', 2]]);
});

test('after a reboot that renumbers the displays, each screen returns to the monitor it was on', () => {
  const screens = [{ screenId: 'a' }, { screenId: 'b' }];
  // IT moved screen b to the left monitor by hand; the plan remembers that.
  const first = planScreensOnDisplays(screens, [display(1, 0, 0, 'DELL'), display(2, 1920, 0, 'LG')], { b: { id: 1, label: 'DELL', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0 } });
  assert.deepEqual(where(first), [['a', 2], ['b', 1]]);
  // Windows hashes device names into ids: after the reboot both ids are new.
  const rebooted = planScreensOnDisplays(screens, [display(907, 0, 0, 'DELL'), display(908, 1920, 0, 'LG')], first.bindings);
  assert.deepEqual(where(rebooted), [['a', 908], ['b', 907]]);
  assert.equal(rebooted.placements[1]?.matchedBy, 'remembered-label-and-bounds');
});

test('a monitor unplugged: its screen is reported, the other screens stay put; plugged back, the screen returns to it', () => {
  const screens = [{ screenId: 'a' }, { screenId: 'b' }, { screenId: 'c' }];
  const all = [display(1, 0, 0, 'A'), display(2, 1920, 0, 'B'), display(3, 3840, 0, 'C')];
  const start = planScreensOnDisplays(screens, all);
  const unplugged = planScreensOnDisplays(screens, [all[0]!, all[2]!], start.bindings);
  assert.deepEqual(where(unplugged), [['a', 1], ['c', 3]], 'c does not slide onto the middle position');
  assert.deepEqual(unplugged.unassigned.map((u) => u.screenId), ['b']);
  const back = planScreensOnDisplays(screens, [all[0]!, { ...all[1]!, id: 77 }, all[2]!], unplugged.bindings);
  assert.deepEqual(where(back), [['a', 1], ['b', 77], ['c', 3]]);
});

test('identical monitors (same label) are told apart by where they stand', () => {
  const twins = [display(1, 1920, 0, 'DELL U2720Q'), display(1, 0, 0, 'DELL U2720Q')];
  const memory = { right: { id: 1, label: 'DELL U2720Q', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, rotation: 0 } };
  const plan = planScreensOnDisplays([{ screenId: 'left' }, { screenId: 'right' }], twins, memory);
  assert.deepEqual(plan.placements.map((p) => [p.screenId, p.bounds.x]), [['left', 0], ['right', 1920]]);
  const byLabel = planScreensOnDisplays([{ screenId: 'right', display: { label: 'DELL U2720Q' } }], twins, memory);
  assert.equal(byLabel.placements[0]?.bounds.x, 1920, 'the remembered one of two same-label displays');
});

test('re-planning yields the windows to open, move and close', () => {
  const screens = [{ screenId: 'a' }, { screenId: 'b' }];
  const before = planScreensOnDisplays(screens, [display(1, 0, 0), display(2, 1920, 0)]);
  const after = planScreensOnDisplays(screens, [display(1, 0, 0)], before.bindings);
  assert.deepEqual(changesBetween(before.placements, after), { open: [], move: [], close: ['b'] });
  const resized = planScreensOnDisplays(screens, [{ ...display(1, 0, 0), bounds: { x: 0, y: 0, width: 3840, height: 2160 } }, display(2, 3840, 0)], before.bindings);
  const changes = changesBetween(before.placements, resized);
  assert.deepEqual(changes.move.map((p) => p.screenId).sort(), ['a', 'b']);
  assert.deepEqual(changesBetween(after.placements, before), { open: [before.placements[1]!], move: [], close: [] });
});
