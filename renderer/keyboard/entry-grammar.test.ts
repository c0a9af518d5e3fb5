import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY_ENTRY, stepEntry, type EntryKey, type EntryStep } from './entry-grammar.js';

function type(keys: string): EntryStep {
  const map: Record<string, EntryKey> = { '*': { key: 'monitor' }, '/': { key: 'tile' }, '\n': { key: 'enter' }, '<': { key: 'backspace' }, P: { key: 'preset' }, S: { key: 'swap' }, X: { key: 'cancel' } };
  let step: EntryStep = { state: EMPTY_ENTRY };
  for (const char of keys) step = stepEntry(step.state, map[char] ?? { key: 'digit', digit: Number(char) });
  return step;
}

test('monitor, tile and camera typed on the keypad put that camera there', () => {
  assert.deepEqual(type('2*5/117\n').command, { kind: 'put-camera', monitor: 2, tile: 5, camera: 117 });
});

test('each part is optional: a camera alone goes to the selected screen and tile', () => {
  assert.deepEqual(type('17\n').command, { kind: 'put-camera', monitor: null, tile: null, camera: 17 });
  assert.deepEqual(type('4/9\n').command, { kind: 'put-camera', monitor: null, tile: 4, camera: 9 });
  assert.deepEqual(type('2*\n').command, { kind: 'select', monitor: 2, tile: null });
  assert.deepEqual(type('3/\n').command, { kind: 'select', monitor: null, tile: 3 });
});

test('the typed sequence is kept as it is entered, and backspace walks it back part by part', () => {
  assert.deepEqual(type('2*5/11').state, { monitor: 2, tile: 5, digits: '11' });
  assert.deepEqual(type('2*5/<').state, { monitor: 2, tile: null, digits: '5' });
  assert.deepEqual(type('2*5/X').state, EMPTY_ENTRY);
});

test('presets and swaps end the same digits with their own key', () => {
  assert.deepEqual(type('7P').command, { kind: 'apply-preset', monitor: null, number: 7 });
  assert.deepEqual(type('2*7P').command, { kind: 'apply-preset', monitor: 2, number: 7 });
  assert.deepEqual(type('3S').command, { kind: 'swap', monitor: null, tile: null, otherTile: 3 });
  assert.match(type('120P').rejected ?? '', /1-99/);
});

test('nonsense is refused with a hint and keeps what was typed', () => {
  assert.equal(type('\n').rejected, 'nothing typed');
  assert.equal(type('*').rejected, 'type the monitor number first');
  assert.equal(type('0').rejected, 'numbers start from 1');
  const long = type('123456');
  assert.equal(long.state.digits, '12345');
  assert.equal(long.rejected, 'too many digits');
});
