import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileForTile } from './stream-profile.js';

test('a 2x2 tile on a 1080p monitor plays the main stream', () => {
  assert.equal(profileForTile(1920 / 2, 1080 / 2), 'main');
});

test('a 3x3 tile on a 1080p monitor plays the sub stream', () => {
  assert.equal(profileForTile(1920 / 3, 1080 / 3), 'sub');
});

test('a tall but narrow tile stays on the sub stream', () => {
  assert.equal(profileForTile(400, 1080), 'sub');
});
