import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { templateLayout, type ScreenState } from '../../protocol/index.js';
import type { Logger } from '../log.js';
import { initialScreen } from './apply-intent.js';
import { SqlitePendingPushStore } from './pending-push-store.js';
import { manualTimers } from './manual-timers.test-support.js';
import { PushReverts, type PendingPush } from './push-reverts.js';
import { WallStore } from './wall-store.js';

const START = Date.parse('2026-11-02T08:00:00.000Z');

const manualClock = () => manualTimers(START);

const screenAt = (screenId: string, version: number): ScreenState => ({ ...initialScreen(screenId, `Layar ${screenId}`, templateLayout('2x2'), []), version });

/** A "server" over the file: PushReverts on the SQLite store, with the screens' versions and the reverts it made. */
function open(file: string, clock: ReturnType<typeof manualClock>, versions: Map<string, number>, log?: Logger) {
  const store = new WallStore(file);
  const done: { push: PendingPush; reason: string }[] = [];
  const reverts = new PushReverts({
    currentVersion: (_wallId, screenId) => versions.get(screenId),
    revert: (push, reason) => done.push({ push, reason }),
    startTimer: clock.startTimer,
    now: clock.now,
    store: new SqlitePendingPushStore(store.database, log),
  });
  const rows = () => store.database.prepare('SELECT wall_id, screen_id, incident_id, pushed_version, revert_at FROM pending_pushes ORDER BY screen_id').all();
  const close = () => { reverts.close(); store.close(); };
  return { reverts, done, rows, close };
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'pantau-pushes-')), 'pantau.sqlite');

test('pending pushes survive a restart: past due reverts at start, time left reverts when it is up, an open incident keeps its screen', () => {
  const file = tempFile();
  const clock = manualClock();
  const versions = new Map([['1', 4], ['2', 7], ['3', 9]]);
  const first = open(file, clock, versions);
  first.reverts.pushed({ wallId: 'demo', screenId: '1', incidentId: 'inc-1', before: screenAt('1', 3), pushedVersion: 4 }, 30);
  first.reverts.pushed({ wallId: 'demo', screenId: '2', incidentId: 'inc-2', before: screenAt('2', 6), pushedVersion: 7 }, 300);
  first.reverts.pushed({ wallId: 'demo', screenId: '3', incidentId: 'inc-3', before: screenAt('3', 8), pushedVersion: 9 }, null);
  assert.deepEqual(first.rows(), [
    { wall_id: 'demo', screen_id: '1', incident_id: 'inc-1', pushed_version: 4, revert_at: '2026-11-02T08:00:30.000Z' },
    { wall_id: 'demo', screen_id: '2', incident_id: 'inc-2', pushed_version: 7, revert_at: '2026-11-02T08:05:00.000Z' },
    { wall_id: 'demo', screen_id: '3', incident_id: 'inc-3', pushed_version: 9, revert_at: null },
  ]);
  first.close();

  // The server is down for a minute: screen 1's 30 s pass, screen 2 has 4 minutes left.
  clock.advance(60_000);
  assert.equal(first.done.length, 0, 'the closed instance reverts nothing');
  const second = open(file, clock, versions);
  assert.equal(second.reverts.restore(() => true), 3);
  assert.deepEqual(second.done.map((entry) => entry.push.screenId), ['1'], 'past due: reverted at once');
  assert.equal(second.done[0]?.push.before.version, 3, 'to the screen as it was before the push');
  assert.match(second.done[0]?.reason ?? '', /time was up at 2026-11-02T08:00:30.000Z while the server was down/);
  clock.advance(4 * 60_000 - 1_000);
  assert.equal(second.done.length, 1, 'screen 2 not before its time');
  clock.advance(1_000);
  assert.deepEqual(second.done.map((entry) => entry.push.screenId), ['1', '2']);
  assert.deepEqual(second.reverts.pending().map((push) => push.screenId), ['3'], 'screen 3 waits for its incident');
  assert.deepEqual(second.rows().map((row) => (row as { screen_id: string }).screen_id), ['3'], 'reverted pushes leave the database');
  second.reverts.incidentClosed('inc-3');
  assert.deepEqual(second.done.map((entry) => entry.push.screenId), ['1', '2', '3']);
  assert.deepEqual(second.rows(), []);
  second.close();
});

test('after a restart a push whose incident is closed or unknown reverts at once; a screen changed since is left alone', () => {
  const file = tempFile();
  const clock = manualClock();
  const versions = new Map([['1', 4], ['2', 7], ['3', 9]]);
  const first = open(file, clock, versions);
  first.reverts.pushed({ wallId: 'demo', screenId: '1', incidentId: 'inc-closed', before: screenAt('1', 3), pushedVersion: 4 }, 600);
  first.reverts.pushed({ wallId: 'demo', screenId: '2', incidentId: 'inc-gone', before: screenAt('2', 6), pushedVersion: 7 }, null);
  first.reverts.pushed({ wallId: 'demo', screenId: '3', incidentId: 'inc-closed', before: screenAt('3', 8), pushedVersion: 9 }, null);
  first.close();

  versions.set('3', 10);
  const second = open(file, clock, versions);
  second.reverts.restore((incidentId) => incidentId === 'inc-open');
  assert.deepEqual(second.done.map((entry) => [entry.push.screenId, entry.reason]), [
    ['1', 'incident inc-closed closed or gone while the server was down'],
    ['2', 'incident inc-gone closed or gone while the server was down'],
  ], 'screen 3 changed since its push: not reverted');
  assert.deepEqual(second.reverts.pending(), []);
  assert.deepEqual(second.rows(), [], 'and nothing is left to revert at the next start');
  assert.equal(clock.live(), 0, 'no timer was started for them');
  second.close();
});

test('a stored push whose screen no longer parses is skipped with a log line', () => {
  const file = tempFile();
  const clock = manualClock();
  const versions = new Map([['1', 4], ['2', 7]]);
  const first = open(file, clock, versions);
  first.reverts.pushed({ wallId: 'demo', screenId: '1', incidentId: 'inc-1', before: screenAt('1', 3), pushedVersion: 4 }, null);
  first.reverts.pushed({ wallId: 'demo', screenId: '2', incidentId: 'inc-1', before: screenAt('2', 6), pushedVersion: 7 }, null);
  first.close();
  const store = new WallStore(file);
  store.database.prepare(`UPDATE pending_pushes SET before_json = '{"id":"2"}' WHERE screen_id = '2'`).run();
  store.close();

  const lines: string[] = [];
  const second = open(file, clock, versions, { info: () => undefined, warn: () => undefined, error: (line) => lines.push(line) });
  second.reverts.restore(() => false);
  assert.deepEqual(second.done.map((entry) => entry.push.screenId), ['1']);
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /stored pending push of demo\/2 skipped/);
  second.close();
});
