import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLIP_PROFILES, clipCacheKey, clipEncodeArgs, escapeFilterValue, hueFor, publishArgs, rtmpUrlForStreamPath } from './clip-recipe.js';

const [main, sub] = CLIP_PROFILES;

test('two profiles: main 1280x720 and sub 640x360', () => {
  assert.deepEqual(CLIP_PROFILES.map((p) => `${p.name} ${p.width}x${p.height}`), ['main 1280x720', 'sub 640x360']);
});

test('clips are x264 zerolatency, 25 fps, a keyframe every second, no B-frames', () => {
  const args = clipEncodeArgs({ cameraId: 'a', profile: main!, fontFile: '/f.ttf', captionFile: '/c.txt', outputFile: '/o.mp4' }).join(' ');
  for (const part of ['-c:v libx264', '-tune zerolatency', '-r 25', '-g 25', '-keyint_min 25', '-sc_threshold 0', '-bf 0', 'size=1280x720']) {
    assert.ok(args.includes(part), `missing ${part}`);
  }
});

test('publishing loops the cached clip in real time with stream copy (no re-encode)', () => {
  assert.deepEqual(publishArgs('/c.mp4', 'rtmp://127.0.0.1:1935/live/a').slice(3), ['-re', '-stream_loop', '-1', '-i', '/c.mp4', '-c', 'copy', '-f', 'flv', 'rtmp://127.0.0.1:1935/live/a']);
});

test('the cache key changes with the caption and the profile, not between runs', () => {
  assert.equal(clipCacheKey('a', 'Gladak', main!), clipCacheKey('a', 'Gladak', main!));
  assert.notEqual(clipCacheKey('a', 'Gladak', main!), clipCacheKey('a', 'Gladak Baru', main!));
  assert.notEqual(clipCacheKey('a', 'Gladak', main!), clipCacheKey('a', 'Gladak', sub!));
});

test('simulated stream paths map to RTMP publish URLs; anything else is refused', () => {
  assert.equal(rtmpUrlForStreamPath('/live/solo-gladak-main.flv', 1935), 'rtmp://127.0.0.1:1935/live/solo-gladak-main');
  assert.throws(() => rtmpUrlForStreamPath('/live/a b.flv', 1935), /must look like/);
  assert.throws(() => rtmpUrlForStreamPath('/x.flv', 1935), /must look like/);
});

test('filter values are escaped so a path with a colon or quote stays one argument', () => {
  assert.equal(escapeFilterValue("C:/it's"), "C\\:/it'\\\\\\''s");
  assert.ok(hueFor('a') >= 0 && hueFor('a') < 360);
});
