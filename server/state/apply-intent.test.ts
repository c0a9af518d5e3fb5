import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEMPLATE_NAMES, templateLayout, LayoutSchema, type Intent, type Role, type WallState } from '../../protocol/index.js';
import { applyIntent, initialScreen, type AppliedIntent, type IntentContext } from './apply-intent.js';

const cameras = Array.from({ length: 30 }, (_, index) => `cam-${index + 1}`);
const camera = (id: string) => ({ kind: 'camera' as const, cameraId: id });

function wall(): WallState {
  return {
    id: 'w', name: 'W', sequence: 0,
    screens: [initialScreen('1', 'Layar 1', templateLayout('2x2'), cameras.slice(0, 4).map(camera)), initialScreen('2', 'Layar 2', templateLayout('1'), [])],
    presets: [], pins: [],
    groups: [{ id: 'dishub', name: 'Dishub', cameraIds: cameras.slice(0, 10) }],
    briefing: { incidentIds: [], index: 0 }, alarmScreenId: null,
  };
}

function context(role: Role = 'operator'): IntentContext {
  return {
    now: new Date('2026-11-23T01:00:00Z'), actorName: role === 'supervisor' ? 'Sari' : 'Budi', role,
    hasCamera: (id) => cameras.includes(id), cameraIdByNumber: (n) => cameras[n - 1], allCameraIds: () => cameras,
    screenAtVersion: () => undefined, presetAtVersion: () => undefined, incident: () => undefined,
  };
}

function apply(state: WallState, intent: Intent, role: Role = 'operator'): WallState {
  const outcome = applyIntent(state, intent, context(role));
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  return (outcome as AppliedIntent).state;
}

function refused(state: WallState, intent: Intent, role: Role = 'operator') {
  const outcome = applyIntent(state, intent, context(role));
  assert.ok(!outcome.ok, 'expected a refusal');
  return outcome.error;
}

const shown = (state: WallState, screen = 0) => state.screens[screen]?.tiles.map((tile) => (tile.content.kind === 'camera' ? tile.content.cameraId : tile.content.kind));

test('every template is a valid layout with the tile count its name promises', () => {
  const expected: Record<string, number> = { '1': 1, '2x2': 4, '3x3': 9, '4x4': 16, '5x5': 25, '6x6': 36, '1+5': 6, '1+7': 8, '1+12': 13, '2+8': 10 };
  for (const name of TEMPLATE_NAMES) {
    const layout = templateLayout(name);
    assert.ok(LayoutSchema.safeParse(layout).success, name);
    assert.equal(layout.cells.length, expected[name], name);
  }
  assert.deepEqual(templateLayout('1+12').cells[0], { row: 1, column: 1, rowSpan: 2, columnSpan: 2 });
});

test('a camera put by its keypad number lands in the tile, and the tile remembers the one before', () => {
  const next = apply(wall(), { type: 'put-camera', screenId: '1', tileIndex: 2, camera: { number: 17 } });
  assert.deepEqual(shown(next), ['cam-1', 'cam-2', 'cam-17', 'cam-4']);
  assert.deepEqual(next.screens[0]?.tiles[2]?.back, ['cam-3']);
  const back = apply(next, { type: 'tile-history', screenId: '1', tileIndex: 2, direction: 'back' });
  assert.deepEqual(shown(back), ['cam-1', 'cam-2', 'cam-3', 'cam-4']);
  const forward = apply(back, { type: 'tile-history', screenId: '1', tileIndex: 2, direction: 'forward' });
  assert.deepEqual(shown(forward), ['cam-1', 'cam-2', 'cam-17', 'cam-4']);
});

test('tile history keeps the last 8 cameras', () => {
  let state = wall();
  for (let n = 5; n <= 16; n += 1) state = apply(state, { type: 'put-camera', screenId: '1', tileIndex: 0, camera: { number: n } });
  assert.deepEqual(state.screens[0]?.tiles[0]?.back, ['cam-8', 'cam-9', 'cam-10', 'cam-11', 'cam-12', 'cam-13', 'cam-14', 'cam-15']);
});

test('unknown cameras, tiles out of range and unknown screens are refused, naming what is wrong', () => {
  assert.match(refused(wall(), { type: 'put-camera', screenId: '1', tileIndex: 0, camera: { id: 'cam-99' } }).message, /no camera "cam-99"/);
  const tile = refused(wall(), { type: 'put-camera', screenId: '1', tileIndex: 4, camera: { number: 1 } });
  assert.equal(tile.code, 'bad-request');
  assert.match(tile.message, /has 4 tiles; there is no tile 5/);
  assert.equal(refused(wall(), { type: 'clear-tile', screenId: '7', tileIndex: 0 }).code, 'not-found');
});

test('a layout change keeps tile contents in order and a maximised tile is restored', () => {
  let state = apply(wall(), { type: 'maximise-tile', screenId: '1', tileIndex: 1 });
  assert.equal(state.screens[0]?.maximisedTile, 1);
  state = apply(state, { type: 'set-layout', screenId: '1', layout: '1+5' });
  assert.deepEqual(shown(state), ['cam-1', 'cam-2', 'cam-3', 'cam-4', 'blank', 'blank']);
  assert.equal(state.screens[0]?.maximisedTile, null);
  assert.deepEqual(shown(apply(state, { type: 'set-layout', screenId: '1', layout: '1' })), ['cam-1']);
});

test('a pinned tile survives layout changes, presets and paging; only a supervisor pins, and operators cannot overwrite it', () => {
  assert.equal(refused(wall(), { type: 'pin', screenId: '1', cameraId: 'cam-20', tileIndex: 3 }).code, 'forbidden');
  let state = apply(wall(), { type: 'pin', screenId: '1', cameraId: 'cam-20', tileIndex: 3 }, 'supervisor');
  assert.deepEqual(shown(state), ['cam-1', 'cam-2', 'cam-3', 'cam-20']);
  assert.equal(refused(state, { type: 'put-camera', screenId: '1', tileIndex: 3, camera: { number: 5 } }).code, 'pinned');
  assert.equal(refused(state, { type: 'swap-tiles', screenId: '1', tileIndex: 3, otherTileIndex: 0 }).code, 'pinned');
  state = apply(state, { type: 'set-layout', screenId: '1', layout: '3x3' });
  assert.equal(shown(state)?.[3], 'cam-20');
  state = apply(state, { type: 'show-group', screenId: '1', groupId: 'dishub' });
  assert.deepEqual(shown(state), ['cam-1', 'cam-2', 'cam-3', 'cam-20', 'cam-4', 'cam-5', 'cam-6', 'cam-7', 'cam-8']);
  state = apply(state, { type: 'page', screenId: '1', direction: 'next' });
  assert.deepEqual(shown(state), ['cam-9', 'cam-10', 'blank', 'cam-20', 'blank', 'blank', 'blank', 'blank', 'blank']);
  state = apply(state, { type: 'page', screenId: '1', direction: 'next' });
  assert.equal(state.screens[0]?.paging.page, 0, 'paging wraps around');
  state = apply(state, { type: 'set-layout', screenId: '1', layout: '1' });
  assert.deepEqual(shown(state), ['cam-20'], 'a tile pin beyond a smaller layout takes the last tile');
  state = apply(state, { type: 'unpin', screenId: '1', cameraId: 'cam-20' }, 'supervisor');
  assert.deepEqual(apply(state, { type: 'put-camera', screenId: '1', tileIndex: 0, camera: { number: 2 } }).pins, []);
});

test('a screen pin keeps its camera somewhere on the screen through a preset that lacks it', () => {
  let state = apply(wall(), { type: 'save-preset', number: 1, name: 'Pagi', scope: 'screen', screenId: '1' });
  state = apply(state, { type: 'pin', screenId: '1', cameraId: 'cam-30', tileIndex: null }, 'supervisor');
  assert.ok(shown(state)?.includes('cam-30'));
  state = apply(state, { type: 'apply-preset', number: 1, screenId: '1' });
  assert.deepEqual(shown(state), ['cam-1', 'cam-2', 'cam-3', 'cam-30']);
});

test('screen presets apply to the chosen screen; wall presets belong to supervisors', () => {
  let state = apply(wall(), { type: 'save-preset', number: 2, name: 'Satu', scope: 'screen', screenId: '1' });
  state = apply(state, { type: 'apply-preset', number: 2, screenId: '2' });
  assert.deepEqual(shown(state, 1), ['cam-1', 'cam-2', 'cam-3', 'cam-4']);
  assert.equal(refused(state, { type: 'save-preset', number: 3, name: 'Dinding', scope: 'wall', screenId: '1' }).code, 'forbidden');
  state = apply(state, { type: 'save-preset', number: 3, name: 'Dinding', scope: 'wall', screenId: '1' }, 'supervisor');
  assert.deepEqual(Object.keys(state.presets.find((preset) => preset.number === 3)?.screens ?? {}), ['1', '2']);
  assert.equal(refused(state, { type: 'delete-preset', number: 3 }).code, 'forbidden');
  state = apply(state, { type: 'delete-preset', number: 2 });
  assert.deepEqual(state.presets.map((preset) => preset.number), [3]);
  assert.equal(refused(state, { type: 'apply-preset', number: 2, screenId: '1' }).code, 'not-found');
});

test('a tour tile cycles its cameras from its start time', async () => {
  const { cameraShownAt } = await import('../../protocol/index.js');
  const tour = { kind: 'tour' as const, cameraIds: ['cam-1', 'cam-2', 'cam-3'], dwellSeconds: 10, startedAt: '2026-11-23T00:00:00.000Z' };
  const start = Date.parse(tour.startedAt);
  assert.deepEqual([0, 9_999, 10_000, 25_000, 30_000].map((offset) => cameraShownAt(tour, start + offset)), ['cam-1', 'cam-1', 'cam-2', 'cam-3', 'cam-1']);
  assert.equal(refused(wall(), { type: 'set-tile', screenId: '1', tileIndex: 0, content: { ...tour, cameraIds: ['cam-1', 'nope'] } }).code, 'not-found');
});
