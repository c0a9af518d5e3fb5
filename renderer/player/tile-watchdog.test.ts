import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_WATCHDOG, formatElapsed, initialHealth, stepWatchdog, type TileHealth, type WatchdogEvent } from './tile-watchdog.js';

const config = DEFAULT_WATCHDOG;

/** Runs events through the watchdog; returns the final health and every restart delay asked for. */
function run(events: WatchdogEvent[], start: TileHealth = initialHealth(0)) {
  let health = start;
  const restarts: number[] = [];
  for (const event of events) {
    const step = stepWatchdog(health, event, config, 0.5);
    health = step.health;
    if (step.action.kind === 'restart') restarts.push(step.action.delayMs);
  }
  return { health, restarts };
}

const ticks = (from: number, to: number, every = 250): WatchdogEvent[] =>
  Array.from({ length: Math.floor((to - from) / every) + 1 }, (_, i) => ({ type: 'tick', at: from + i * every }));

test('connecting until the first frame, then live', () => {
  const { health } = run([{ type: 'started', at: 0 }, ...ticks(0, 2000), { type: 'frame', at: 2100 }]);
  assert.equal(health.status, 'live');
  assert.equal(health.since, 2100);
});

test('a frozen picture is called stale within 2 s of its last frame, counted from that frame', () => {
  const frames: WatchdogEvent[] = Array.from({ length: 25 }, (_, i) => ({ type: 'frame', at: i * 40 }));
  const { health, restarts } = run([{ type: 'started', at: 0 }, ...frames, ...ticks(1000, 2960, 40)]);
  assert.equal(health.status, 'stalled');
  assert.equal(health.since, 960);
  assert.deepEqual(restarts, []);
});

test('a picture that stays frozen gets a new player, with back-off', () => {
  const { health, restarts } = run([{ type: 'started', at: 0 }, { type: 'frame', at: 0 }, ...ticks(0, 4500)]);
  assert.equal(health.status, 'reconnecting');
  assert.match(health.lastError ?? '', /no picture for 4 s/);
  assert.deepEqual(restarts, [1000]);
});

test('repeated failures go offline, keep retrying with growing delays, and a frame brings it back live', () => {
  const failures: WatchdogEvent[] = [];
  for (let i = 0; i < 5; i++) failures.push({ type: 'started', at: i * 100_000 }, { type: 'error', at: i * 100_000 + 10, message: 'HTTP 404' });
  const offline = run(failures);
  assert.equal(offline.health.status, 'offline');
  assert.equal(offline.health.since, 200_010, 'offline since the third failure');
  assert.equal(offline.health.lastError, 'HTTP 404');
  assert.deepEqual(offline.restarts, [1000, 2000, 4000, 8000, 16_000]);
  const back = run([{ type: 'started', at: 600_000 }, { type: 'frame', at: 600_500 }], offline.health);
  assert.equal(back.health.status, 'live');
  assert.equal(back.health.failures, 0);
  assert.equal(back.health.lastError, null);
});

test('a player that never shows a picture fails after the connect timeout', () => {
  const { health, restarts } = run([{ type: 'started', at: 0 }, ...ticks(0, 8000)]);
  assert.equal(health.status, 'reconnecting');
  assert.match(health.lastError ?? '', /no picture within 8 s/);
  assert.equal(restarts.length, 1);
});

test('while waiting to restart, errors and ticks from the old player change nothing', () => {
  const failed = run([{ type: 'started', at: 0 }, { type: 'error', at: 5, message: 'socket closed' }]);
  const after = run([{ type: 'error', at: 6, message: 'late' }, ...ticks(10, 20_000)], failed.health);
  assert.deepEqual(after.health, failed.health);
  assert.deepEqual(after.restarts, []);
});

test('elapsed times read as mm:ss, hours when needed', () => {
  assert.equal(formatElapsed(12_400), '00:12');
  assert.equal(formatElapsed(61_000), '01:01');
  assert.equal(formatElapsed(3_723_000), '1:02:03');
});

test('a paused tile is watched by nobody, and starts afresh as connecting when seen again', () => {
  const paused = run([{ type: 'started', at: 0 }, { type: 'frame', at: 100 }, { type: 'paused', at: 200 }, ...ticks(200, 60_000)]);
  assert.equal(paused.health.status, 'paused');
  assert.deepEqual(paused.restarts, []);
  const resumed = run([{ type: 'started', at: 70_000 }], paused.health);
  assert.equal(resumed.health.status, 'connecting');
  assert.equal(resumed.health.lastFrameAt, null);
});
