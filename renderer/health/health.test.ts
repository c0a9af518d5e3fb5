import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthEntry, ShellStatus } from '../../protocol/health.js';
import { collectScreenHealth } from './collect-screen-health.js';
import { healthStringsFor } from './strings.js';
import { healthRows } from './wall-health-view.js';

const target = { serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', screenId: '1', language: 'id' as const, token: null };
const shell: ShellStatus = {
  workstationName: 'PC-01',
  appVersion: '0.2.0',
  restarts: 1,
  lastCrash: { reason: 'renderer-crashed', at: '2026-11-23T08:00:00.000Z', detail: 'crashed (exit code 11)' },
  unassignedScreens: [{ screenId: '3', reason: 'no free display' }],
  gpu: { crashes: 0, hardwareAcceleration: true },
  warnings: [],
  selected: true,
};

test('a screen report counts live tiles, never calls an unknown state live, and carries the shell facts', () => {
  const report = collectScreenHealth({
    target,
    shell,
    appVersion: '0.1.0',
    memoryMb: 123.4,
    uptimeSeconds: 61.9,
    tiles: [
      { cameraId: 'solo-gladak', status: 'live', framesPerSecond: 24.96, droppedFrames: 2, totalFrames: 1000 },
      { cameraId: 'solo-manahan', status: 'stalled', framesPerSecond: 0, droppedFrames: 0, totalFrames: 400 },
      { cameraId: 'solo-balaikota', status: 'weird', framesPerSecond: Number.NaN, droppedFrames: -1, totalFrames: 0 },
      { cameraId: null, status: null, framesPerSecond: 0, droppedFrames: 0, totalFrames: 0 },
    ],
  });
  assert.deepEqual(report.tiles.map((t) => t.state), ['live', 'stalled', 'offline', 'empty']);
  assert.equal(report.framesPerSecond, 25);
  assert.equal(report.droppedFrames, 2);
  assert.equal(report.client, 'electron');
  assert.equal(report.workstationName, 'PC-01');
  assert.equal(report.lastCrash?.reason, 'renderer-crashed');
  assert.deepEqual(report.unassignedScreens.map((u) => u.screenId), ['3']);
  assert.equal(report.memoryMb, 123);
  const browser = collectScreenHealth({ target, shell: null, appVersion: '0.1.0', memoryMb: null, uptimeSeconds: 1, tiles: [] });
  assert.equal(browser.client, 'browser');
  assert.equal(browser.workstationName, 'browser');
});

test('the wall-health table shows the worst screens first, with ages in the chosen language', () => {
  const report = collectScreenHealth({ target, shell: null, appVersion: '0.1.0', memoryMb: null, uptimeSeconds: 1, tiles: [{ cameraId: 'a', status: 'live', framesPerSecond: 25, droppedFrames: 0, totalFrames: 1 }] });
  const entry = (workstationId: string, condition: HealthEntry['condition']): HealthEntry => ({ workstationId, report, receivedAt: '2026-11-23T08:00:00.000Z', condition });
  const now = Date.parse('2026-11-23T08:03:05.000Z');
  const rows = healthRows([entry('a-pc', 'ok'), entry('b-pc', 'failing'), entry('c-pc', 'silent')], now, healthStringsFor('id'));
  assert.deepEqual(rows.map((r) => [r.workstation.split(' ')[0], r.conditionLabel]), [['b-pc', 'GAGAL'], ['c-pc', 'DIAM'], ['a-pc', 'BAIK']]);
  assert.equal(rows[0]?.age, '3 mnt lalu');
  assert.equal(rows[0]?.liveTiles, '1/1');
  assert.equal(healthRows([entry('a-pc', 'ok')], Date.parse('2026-11-23T08:00:09.000Z'), healthStringsFor('en'))[0]?.age, '9 s ago');
});
