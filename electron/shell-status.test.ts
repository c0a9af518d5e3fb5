import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShellStatusSchema } from '../protocol/health.js';
import { shellStatusFor, type ShellFacts } from './shell-status.js';

const facts: ShellFacts = {
  workstationName: 'tmc-wall-01',
  appVersion: '0.1.0',
  unassigned: [{ screenId: '3', reason: 'no free display (2 connected, 3 screens configured)' }],
  gpu: { crashes: 1, hardwareAcceleration: true },
  warnings: ['Control+1 is held by another application'],
  selectedScreen: '2',
  screens: new Map([['1', { restarts: 2, lastCrash: { reason: 'renderer-crashed', at: '2026-11-23T10:00:00.000Z', detail: 'crashed (exit code 11)' } }]]),
  workstationCrash: { reason: 'gpu-crashed', at: '2026-11-23T09:00:00.000Z', detail: 'GPU process exit 139' },
};

test('each remaining screen learns of the screen that has no display, its own crashes and whether it is selected', () => {
  const one = shellStatusFor('1', facts);
  assert.ok(ShellStatusSchema.safeParse(one).success);
  assert.equal(one.restarts, 2);
  assert.equal(one.lastCrash?.reason, 'renderer-crashed', 'the later of its own and the workstation crash');
  assert.equal(one.selected, false);
  assert.deepEqual(one.unassignedScreens.map((u) => u.screenId), ['3']);
  const two = shellStatusFor('2', facts);
  assert.equal(two.selected, true);
  assert.equal(two.lastCrash?.reason, 'gpu-crashed');
});
