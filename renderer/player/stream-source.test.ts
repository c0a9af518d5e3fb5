import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protocolOf } from './stream-source.js';

test('the protocol follows from the URL scheme and container', () => {
  assert.equal(protocolOf('ws://127.0.0.1:8000/live/a.flv'), 'ws-flv');
  assert.equal(protocolOf('https://cams.example/live/a.flv?token=1'), 'http-flv');
  assert.equal(protocolOf('wss://cams.example/live/a.ts'), 'ws-ts');
  assert.equal(protocolOf('rtsp://10.0.0.1/stream'), null);
  assert.equal(protocolOf('not a url'), null);
});
