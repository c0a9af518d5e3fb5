import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntentSchema, templateLayout, type Intent, type Pin, type ScreenState, type WallState } from '../../protocol/index.js';
import { applyIntent, initialScreen, revertPush, type IntentContext } from './apply-intent.js';
import { manualTimers } from './manual-timers.test-support.js';
import { PushReverts, type PendingPush } from './push-reverts.js';

const cameras = Array.from({ length: 12 }, (_, index) => `cam-${index + 1}`);
const camera = (id: string) => ({ kind: 'camera' as const, cameraId: id });
const INCIDENTS: Record<string, { cameraIds: string[] }> = {
  // Nearest first, with one camera the catalogue no longer has.
  'inc-7': { cameraIds: ['cam-9', 'cam-3', 'cam-gone', 'cam-11'] },
  'inc-8': { cameraIds: cameras.slice(0, 8) },
};

function wall(pins: Pin[] = []): WallState {
  return {
    id: 'w', name: 'W', sequence: 0,
    screens: [initialScreen('1', 'Layar 1', templateLayout('2x2'), cameras.slice(0, 4).map(camera)), initialScreen('2', 'Layar 2', templateLayout('3x3'), cameras.slice(4, 13).map(camera))],
    presets: [], pins, groups: [],
    briefing: { incidentIds: ['inc-1'], index: 0 }, alarmScreenId: null,
  };
}

const context: IntentContext = {
  now: new Date('2026-11-23T01:00:00Z'), actorName: 'Budi', role: 'operator',
  hasCamera: (id) => cameras.includes(id), cameraIdByNumber: (n) => cameras[n - 1], allCameraIds: () => cameras,
  screenAtVersion: () => undefined, presetAtVersion: () => undefined,
  incident: (id) => INCIDENTS[id],
};

const shown = (screen: ScreenState | undefined) => screen?.tiles.map((tile) => (tile.content.kind === 'camera' ? tile.content.cameraId : tile.content.kind));
const push = (incidentId: string, screenId = '1'): Intent => ({ type: 'push-incident', screenId, incidentId, revertAfterSeconds: 60 });

test('a pushed incident fills the screen: the briefing of it in the big tile, its cameras nearest first, the briefing moved to it', () => {
  const outcome = applyIntent(wall(), push('inc-7'), context);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
  const screen = outcome.state.screens[0];
  assert.equal(screen?.layout.template, '1+5');
  assert.deepEqual(shown(screen), ['briefing', 'cam-9', 'cam-3', 'cam-11', 'blank', 'blank']);
  assert.deepEqual(outcome.state.briefing, { incidentIds: ['inc-7'], index: 0 });
  assert.deepEqual(outcome.change.briefing, { incidentIds: ['inc-7'], index: 0 });
  assert.equal(outcome.change.intentType, 'push-incident');
  assert.match(outcome.summary, /push incident inc-7 \(3 cameras\) to Layar 1, for 60 s or until it closes/);
  assert.deepEqual(shown(outcome.state.screens[1]), shown(wall().screens[1]), 'the other screen is untouched');
  // More cameras than tiles: the nearest five.
  const many = applyIntent(wall(), push('inc-8'), context);
  assert.ok(many.ok);
  assert.deepEqual(shown(many.state.screens[0]), ['briefing', 'cam-1', 'cam-2', 'cam-3', 'cam-4', 'cam-5']);
});

test('a push respects supervisor pins: a pinned tile keeps its camera and the briefing takes the next free tile', () => {
  const pins: Pin[] = [{ screenId: '1', cameraId: 'cam-1', tileIndex: 0, by: 'Sari', at: '2026-11-23T00:00:00.000Z' }];
  const outcome = applyIntent(wall(pins), push('inc-8'), context);
  assert.ok(outcome.ok);
  assert.deepEqual(shown(outcome.state.screens[0]), ['cam-1', 'briefing', 'cam-2', 'cam-3', 'cam-4', 'cam-5']);
});

test('an unknown incident or screen is refused, naming the field, and changes nothing', () => {
  const state = wall();
  const before = JSON.stringify(state);
  const noIncident = applyIntent(state, push('inc-404'), context);
  assert.ok(!noIncident.ok);
  assert.equal(noIncident.error.code, 'not-found');
  assert.deepEqual(noIncident.error.issues.map((issue) => issue.field), ['incidentId']);
  const noScreen = applyIntent(state, push('inc-7', '9'), context);
  assert.ok(!noScreen.ok);
  assert.deepEqual(noScreen.error.issues.map((issue) => issue.field), ['screenId']);
  assert.equal(JSON.stringify(state), before);
  const tooShort = IntentSchema.safeParse({ type: 'push-incident', screenId: '1', incidentId: 'inc-7', revertAfterSeconds: 1 });
  assert.ok(!tooShort.success, 'a revert time under 5 s is refused by the schema');
});

test('revertPush puts back the layout, contents and tile histories the screen had before the push, at a new version', () => {
  const state = wall();
  const pushed = applyIntent(state, push('inc-7'), context);
  assert.ok(pushed.ok);
  const before = state.screens[0];
  assert.ok(before);
  const reverted = revertPush(pushed.state, before, 'incident inc-7 closed');
  assert.ok(reverted.ok);
  const screen = reverted.state.screens[0];
  assert.equal(screen?.layout.template, '2x2');
  assert.deepEqual(shown(screen), ['cam-1', 'cam-2', 'cam-3', 'cam-4']);
  assert.equal(screen?.version, 2, 'the revert is a change of its own, after the push');
  assert.equal(reverted.change.intentType, 'revert-push');
  assert.match(reverted.summary, /Layar 1 back to its layout before the push: incident inc-7 closed/);
});

function reverts(versions: Map<string, number>) {
  const clock = manualTimers();
  const done: { push: PendingPush; reason: string }[] = [];
  const service = new PushReverts({ currentVersion: (_wallId, screenId) => versions.get(screenId), revert: (push, reason) => done.push({ push, reason }), startTimer: clock.startTimer });
  return { service, clock, done };
}

const screenAt = (version: number, template: '2x2' | '1+5' = '2x2'): ScreenState => ({ ...initialScreen('1', 'Layar 1', templateLayout(template), []), version });

test('a push reverts once when its time is up, not before; the incident closing later does nothing more', () => {
  const versions = new Map([['1', 4]]);
  const { service, clock, done } = reverts(versions);
  service.pushed({ wallId: 'w', screenId: '1', incidentId: 'inc-7', before: screenAt(3), pushedVersion: 4 }, 30);
  clock.advance(29_000);
  assert.equal(done.length, 0);
  clock.advance(1_000);
  assert.equal(done.length, 1);
  assert.equal(done[0]?.push.before.version, 3);
  assert.equal(done[0]?.reason, '30 s are up');
  service.incidentClosed('inc-7');
  assert.equal(done.length, 1);
  assert.deepEqual(service.pending(), []);
});

test('the incident closing reverts every screen still showing it and cancels their timers', () => {
  const versions = new Map([['1', 4], ['2', 9]]);
  const { service, clock, done } = reverts(versions);
  service.pushed({ wallId: 'w', screenId: '1', incidentId: 'inc-7', before: screenAt(3), pushedVersion: 4 }, 300);
  service.pushed({ wallId: 'w', screenId: '2', incidentId: 'inc-7', before: screenAt(8), pushedVersion: 9 }, null);
  service.pushed({ wallId: 'w', screenId: '3', incidentId: 'inc-8', before: screenAt(1), pushedVersion: 2 }, null);
  service.incidentClosed('inc-7');
  assert.deepEqual(done.map((entry) => entry.push.screenId), ['1', '2']);
  assert.equal(clock.live(), 0, 'no timer is left running');
  assert.deepEqual(service.pending().map((entry) => entry.incidentId), ['inc-8']);
});

test('a screen someone changed after the push is left as they made it', () => {
  const versions = new Map([['1', 4]]);
  const { service, clock, done } = reverts(versions);
  service.pushed({ wallId: 'w', screenId: '1', incidentId: 'inc-7', before: screenAt(3), pushedVersion: 4 }, 30);
  versions.set('1', 5);
  clock.advance(30_000);
  assert.equal(done.length, 0);
  assert.deepEqual(service.pending(), []);
});

test('a second push onto a pushed screen goes back, in the end, to the layout before the first', () => {
  const versions = new Map([['1', 5]]);
  const { service, clock, done } = reverts(versions);
  service.pushed({ wallId: 'w', screenId: '1', incidentId: 'inc-7', before: screenAt(3), pushedVersion: 4 }, 30);
  service.pushed({ wallId: 'w', screenId: '1', incidentId: 'inc-8', before: screenAt(4, '1+5'), pushedVersion: 5 }, 60);
  clock.advance(30_000);
  assert.equal(done.length, 0, 'the first push\'s timer was replaced');
  service.incidentClosed('inc-7');
  assert.equal(done.length, 0, 'the screen shows the second incident now');
  clock.advance(30_000);
  assert.equal(done.length, 1);
  assert.equal(done[0]?.push.before.version, 3);
  assert.equal(done[0]?.push.before.layout.template, '2x2');
});

test('close() cancels every pending revert', () => {
  const { service, clock, done } = reverts(new Map([['1', 4]]));
  service.pushed({ wallId: 'w', screenId: '1', incidentId: 'inc-7', before: screenAt(3), pushedVersion: 4 }, 30);
  service.close();
  clock.advance(60_000);
  service.incidentClosed('inc-7');
  assert.equal(done.length, 0);
  assert.equal(clock.live(), 0);
});
