import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HealthReportSchema, type HealthReport } from '../../protocol/index.js';
import { CameraOutageTracker } from './camera-outages.js';

function report(screenId: string, tiles: [string, string][]): HealthReport {
  return HealthReportSchema.parse({
    wallId: 'demo', screenId, workstationName: 'ws', client: 'browser', appVersion: '0.1.0', framesPerSecond: 0, droppedFrames: 0, memoryMb: null,
    restarts: 0, lastCrash: null, unassignedScreens: [], warnings: [], uptimeSeconds: 1,
    tiles: tiles.map(([cameraId, state], tile) => ({ tile, cameraId, state, framesPerSecond: 0, droppedFrames: 0, totalFrames: 0 })),
  });
}

test('a camera is reported out once when every screen showing it says offline, and back once when one shows it live', () => {
  const tracker = new CameraOutageTracker();
  assert.deepEqual(tracker.observe([report('1', [['gladak', 'live'], ['jurug', 'offline']]), report('2', [['jurug', 'reconnecting']])]), { offline: [], restored: [] });
  assert.deepEqual(tracker.observe([report('1', [['gladak', 'live'], ['jurug', 'offline']]), report('2', [['jurug', 'offline']])]), { offline: ['jurug'], restored: [] });
  assert.deepEqual(tracker.observe([report('1', [['jurug', 'offline']])]), { offline: [], restored: [] }, 'no second alert while it stays out');
  assert.deepEqual(tracker.observe([report('1', [['jurug', 'connecting']])]), { offline: [], restored: [] });
  assert.deepEqual(tracker.observe([report('1', [['jurug', 'live']])]), { offline: [], restored: ['jurug'] });
});
