import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_KEYMAP } from '../../protocol/index.js';
import { loadKeymap } from './keymap-file.js';

const files: Record<string, string> = {
  '/etc/pantau/keymap.json': JSON.stringify({ version: 1, layers: { wall: { 'layout-2x2': ['KeyQ'] } } }),
  '/etc/pantau/clash.json': JSON.stringify({ version: 1, layers: { wall: { 'layout-2x2': ['KeyQ'], 'layout-3x3': ['KeyQ'] } } }),
};
const read = (file: string): string | null => files[file] ?? null;

test('a valid keymap file replaces the default', () => {
  const loaded = loadKeymap('/etc/pantau/keymap.json', read);
  assert.equal(loaded.problem, null);
  assert.deepEqual(loaded.keymap.layers.wall['layout-2x2'], ['KeyQ']);
  assert.deepEqual(loaded.keymap.layers.ptz, {});
});

test('a keymap binding one chord twice, or a missing file, leaves the default keys working and names the problem', () => {
  const clash = loadKeymap('/etc/pantau/clash.json', read);
  assert.equal(clash.keymap, DEFAULT_KEYMAP);
  assert.match(clash.problem ?? '', /KeyQ is already bound to layout-2x2/);
  assert.match(loadKeymap('/nope.json', read).problem ?? '', /no such file/);
});
