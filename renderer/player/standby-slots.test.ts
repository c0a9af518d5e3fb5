import assert from 'node:assert/strict';
import { test } from 'node:test';
import { slotsAfterStandbyLive, slotsForUrl } from './standby-slots.js';

test('a new address plays in the standby slot while the old one stays on screen', () => {
  const start = { urls: ['sub', null] as [string | null, string | null], active: 0 as const };
  const switching = slotsForUrl(start, 'main');
  assert.deepEqual(switching, { urls: ['sub', 'main'], active: 0 });
  assert.deepEqual(slotsAfterStandbyLive(switching), { urls: [null, 'main'], active: 1 });
});

test('going back before the standby has a picture cancels the standby', () => {
  const switching = { urls: ['sub', 'main'] as [string | null, string | null], active: 0 as const };
  assert.deepEqual(slotsForUrl(switching, 'sub'), { urls: ['sub', null], active: 0 });
});

test('an unchanged address changes nothing', () => {
  const slots = { urls: ['sub', null] as [string | null, string | null], active: 0 as const };
  assert.equal(slotsForUrl(slots, 'sub'), slots);
  assert.equal(slotsAfterStandbyLive(slots), slots);
});
