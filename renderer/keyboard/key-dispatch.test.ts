import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateLayout, type SessionInfo, type WallState } from '../../protocol/index.js';
import { EMPTY_ENTRY } from './entry-grammar.js';
import { dispatchKey, type DispatchContext, type KeyEffect } from './key-dispatch.js';

const screen = (id: string, template: '2x2' | '3x3') => ({
  id, name: `Layar ${id}`, version: 0, layout: templateLayout(template), maximisedTile: null, paging: { groupId: null, page: 0 },
  tiles: templateLayout(template).cells.map(() => ({ content: { kind: 'blank' as const }, back: [], forward: [] })),
});
const wall: WallState = {
  id: 'demo', name: 'Demo', sequence: 3, screens: [screen('a', '2x2'), screen('b', '3x3')], presets: [], pins: [], groups: [],
  briefing: { incidentIds: [], index: 0 }, alarmScreenId: null,
};
const operator: SessionInfo = { userId: 'budi', name: 'Budi', role: 'operator', mayOperate: true, workstationId: null };
const viewer: SessionInfo = { ...operator, role: 'viewer', mayOperate: false };

function press(actions: string[], session: SessionInfo = operator): { effects: KeyEffect[]; context: DispatchContext } {
  let context: DispatchContext = { wall, session, selection: { screenId: 'a', tileIndex: 1 }, entry: EMPTY_ENTRY };
  let effects: KeyEffect[] = [];
  for (const action of actions) {
    effects = dispatchKey(action as Parameters<typeof dispatchKey>[0], context);
    for (const effect of effects) {
      if (effect.type === 'entry') context = { ...context, entry: effect.entry };
      if (effect.type === 'select') context = { ...context, selection: effect.selection };
    }
  }
  return { effects, context };
}

test('keypad "2 * 5 / 17 Enter" selects monitor 2, tile 5 and puts camera 17 there', () => {
  const { effects, context } = press(['entry-digit-2', 'entry-monitor', 'entry-digit-5', 'entry-tile', 'entry-digit-1', 'entry-digit-7', 'entry-enter']);
  assert.deepEqual(context.selection, { screenId: 'b', tileIndex: 4 });
  assert.deepEqual(effects.find((effect) => effect.type === 'intent'), { type: 'intent', intent: { type: 'put-camera', screenId: 'b', tileIndex: 4, camera: { number: 17 } } });
});

test('a camera number alone goes to the selected tile; a tile beyond the layout is refused with a hint', () => {
  const { effects } = press(['entry-digit-3', 'entry-enter']);
  assert.deepEqual(effects.at(-1), { type: 'intent', intent: { type: 'put-camera', screenId: 'a', tileIndex: 1, camera: { number: 3 } } });
  assert.deepEqual(press(['entry-digit-9', 'entry-tile', 'entry-digit-3', 'entry-enter']).effects.at(-1), { type: 'hint', text: 'monitor has 4 tiles' });
});

test('layout, maximise and paging keys act on the selected screen and tile', () => {
  assert.deepEqual(press(['layout-1+5']).effects, [{ type: 'intent', intent: { type: 'set-layout', screenId: 'a', layout: '1+5' } }]);
  assert.deepEqual(press(['maximise-toggle']).effects, [{ type: 'intent', intent: { type: 'maximise-tile', screenId: 'a', tileIndex: 1 } }]);
  assert.deepEqual(press(['select-tile-previous', 'select-tile-previous']).context.selection, { screenId: 'a', tileIndex: 3 });
  assert.deepEqual(press(['page-next']).effects, [{ type: 'intent', intent: { type: 'page', screenId: 'a', direction: 'next' } }]);
});

test('a viewer is offered no change: the key gives a hint instead of an intent', () => {
  const { effects } = press(['entry-digit-3', 'entry-enter'], viewer);
  assert.equal(effects.some((effect) => effect.type === 'intent'), false);
  assert.deepEqual(effects.at(-1), { type: 'hint', text: 'view only: your role cannot change the wall' });
});
