import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_KEYMAP } from '../../protocol/index.js';
import { currentKeymap } from './keymap-source.js';

test("the preload's keymap is used when valid; a bad one falls back to the default and says why", () => {
  assert.equal(currentKeymap(undefined).keymap, DEFAULT_KEYMAP);
  const custom = { version: 1, layers: { wall: { 'help-toggle': ['F1'], 'stats-toggle': ['KeyS'] } } };
  assert.deepEqual(currentKeymap({ keymap: custom }).keymap.layers.wall, custom.layers.wall);
  const clash = currentKeymap({ keymap: { version: 1, layers: { wall: { 'help-toggle': ['F1'], 'stats-toggle': ['F1'] } } } });
  assert.equal(clash.keymap, DEFAULT_KEYMAP);
  assert.match(clash.problem ?? '', /F1 is already bound to help-toggle/);
});
