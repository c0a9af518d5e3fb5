import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidateUrls, protocolOf } from './stream-source.js';

test('the protocol follows from the URL scheme and container', () => {
  assert.equal(protocolOf('ws://127.0.0.1:8000/live/a.flv'), 'ws-flv');
  assert.equal(protocolOf('https://cams.example/live/a.flv?token=1'), 'http-flv');
  assert.equal(protocolOf('wss://cams.example/live/a.ts'), 'ws-ts');
  assert.equal(protocolOf('http://10.0.0.5:8888/cam/index.m3u8'), 'hls');
  assert.equal(protocolOf('rtsp://10.0.0.1/stream'), null);
  assert.equal(protocolOf('not a url'), null);
});

test('HTTP-FLV is tried over WebSocket first (no 6-per-host cap), then over HTTP', () => {
  assert.deepEqual(candidateUrls('http://10.0.0.5:8000/live/a.flv?sign=x'), ['ws://10.0.0.5:8000/live/a.flv?sign=x', 'http://10.0.0.5:8000/live/a.flv?sign=x']);
  assert.deepEqual(candidateUrls('https://cams.example/live/a.flv'), ['wss://cams.example/live/a.flv', 'https://cams.example/live/a.flv']);
  assert.deepEqual(candidateUrls('ws://10.0.0.5:8000/live/a.flv'), ['ws://10.0.0.5:8000/live/a.flv']);
});
