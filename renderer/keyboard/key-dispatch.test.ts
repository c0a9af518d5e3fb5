import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateLayout, type Incident, type SessionInfo, type WallState } from '../../protocol/index.js';
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

const incident = (id: string, severity: Incident['severity'], status: Incident['status'], createdAt: string): Incident => ({
  id, source: 'test', sourceId: id, category: 'crime', severity, status, title: id, location: { latitude: -7.57, longitude: 110.82 },
  address: 'Solo', reportedVia: '112', timeline: [], relatedCameraIds: [], assignedAgency: null, createdAt, updatedAt: createdAt,
});
const incidents = [
  incident('inc-1', 'critical', 'new', '2026-11-23T01:00:00.000Z'),
  incident('inc-2', 'high', 'verified', '2026-11-23T02:00:00.000Z'),
  incident('inc-3', 'medium', 'new', '2026-11-23T03:00:00.000Z'),
  incident('inc-4', 'critical', 'closed', '2026-11-23T04:00:00.000Z'),
];

function pushWith(actions: string[], briefing: string[] = [], known: readonly Incident[] = incidents, session: SessionInfo = operator): KeyEffect[] {
  let context: DispatchContext = { wall: { ...wall, briefing: { incidentIds: briefing, index: 0 } }, session, selection: { screenId: 'a', tileIndex: 0 }, entry: EMPTY_ENTRY, incidents: known };
  let effects: KeyEffect[] = [];
  for (const action of actions) {
    effects = dispatchKey(action as Parameters<typeof dispatchKey>[0], context);
    for (const effect of effects) if (effect.type === 'entry') context = { ...context, entry: effect.entry };
  }
  return effects;
}
const pushIntent = (effects: KeyEffect[]) => effects.find((effect) => effect.type === 'intent');

test('the push key sends the newest open critical or high incident to the selected screen, reverting when it closes', () => {
  assert.deepEqual(pushIntent(pushWith(['push-incident'])), { type: 'intent', intent: { type: 'push-incident', screenId: 'a', incidentId: 'inc-2', revertAfterSeconds: null } });
});

test('"2 M 30 B" pushes to monitor 2 for 30 seconds; the briefing\'s open incident goes before the newest', () => {
  const effects = pushWith(['entry-digit-2', 'entry-monitor', 'entry-digit-3', 'entry-digit-0', 'push-incident'], ['inc-1']);
  assert.deepEqual(pushIntent(effects), { type: 'intent', intent: { type: 'push-incident', screenId: 'b', incidentId: 'inc-1', revertAfterSeconds: 30 } });
  assert.deepEqual(effects.find((effect) => effect.type === 'entry'), { type: 'entry', entry: EMPTY_ENTRY }, 'the typed entry is used up');
  // A closed briefing incident is not pushed.
  assert.equal((pushIntent(pushWith(['push-incident'], ['inc-4'])) as { intent: { incidentId: string } }).intent.incidentId, 'inc-2');
});

test('the push key explains itself when there is nothing to push, the time is too short, or the role is a viewer', () => {
  assert.deepEqual(pushWith(['push-incident'], [], [incidents[2] as Incident]), [{ type: 'hint', text: 'no open critical or high incident to push' }]);
  assert.deepEqual(pushWith(['entry-digit-3', 'push-incident']), [{ type: 'hint', text: 'a push stays at least 5 seconds' }]);
  assert.deepEqual(pushWith(['entry-digit-9', 'entry-monitor', 'push-incident']), [{ type: 'hint', text: 'no monitor 9' }]);
  assert.equal(pushIntent(pushWith(['push-incident'], [], incidents, viewer)), undefined);
});
