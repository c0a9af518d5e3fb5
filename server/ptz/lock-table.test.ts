import assert from 'node:assert/strict';
import test from 'node:test';
import { PtzLockTable } from './lock-table.js';

const ani = { userId: 'ani', name: 'Ani', role: 'operator' } as const;
const budi = { userId: 'budi', name: 'Budi', role: 'operator' } as const;
const sari = { userId: 'sari', name: 'Sari', role: 'supervisor' } as const;

test('the first operator holds the camera; a second is refused and told who holds it', () => {
  const locks = new PtzLockTable(30_000);
  assert.deepEqual(locks.claim('cam', ani, 0), { ok: true, changed: true });
  assert.deepEqual(locks.claim('cam', budi, 10), { ok: false, holder: ani });
  assert.deepEqual(locks.claim('cam', ani, 20), { ok: true, changed: false });
  assert.equal(locks.get('cam')?.since, 0);
});

test('an idle lock is released, a lock in use or on a moving camera is kept', () => {
  const locks = new PtzLockTable(30_000);
  locks.claim('a', ani, 0);
  locks.claim('b', budi, 0);
  locks.claim('b', budi, 20_000);
  locks.claim('c', ani, 0);
  assert.deepEqual(locks.expire(30_000, new Set(['c'])), ['a']);
  assert.deepEqual(locks.cameras().sort(), ['b', 'c']);
  assert.equal(locks.claim('a', budi, 30_001).ok, true, 'the released camera is free for another operator');
});

test('a supervisor takes over from whoever holds the camera', () => {
  const locks = new PtzLockTable(30_000);
  locks.claim('cam', ani, 0);
  assert.deepEqual(locks.takeOver('cam', sari, 5), ani);
  assert.equal(locks.get('cam')?.holder.userId, 'sari');
  assert.deepEqual(locks.claim('cam', ani, 6), { ok: false, holder: sari });
});

test('only the holder releases a lock', () => {
  const locks = new PtzLockTable(30_000);
  locks.claim('cam', ani, 0);
  assert.equal(locks.release('cam', 'budi'), false);
  assert.equal(locks.release('cam', 'ani'), true);
  assert.equal(locks.get('cam'), undefined);
});
