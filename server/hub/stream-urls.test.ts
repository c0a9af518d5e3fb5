import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostnameFromHostHeader, resolveStreamUrl } from './stream-urls.js';

test('paths resolve to the media server on the host the client used', () => {
  assert.equal(resolveStreamUrl('/live/a.flv', '10.20.0.7', 8000), 'ws://10.20.0.7:8000/live/a.flv');
  assert.equal(resolveStreamUrl('/live/a.flv', '::1', 8000), 'ws://[::1]:8000/live/a.flv');
});

test('absolute URLs pass through untouched', () => {
  assert.equal(resolveStreamUrl('wss://cams.example/live/a.flv', '10.20.0.7', 8000), 'wss://cams.example/live/a.flv');
});

test('host headers give the host name without the port', () => {
  assert.equal(hostnameFromHostHeader('127.0.0.1:8080'), '127.0.0.1');
  assert.equal(hostnameFromHostHeader('[::1]:8080'), '::1');
  assert.equal(hostnameFromHostHeader(undefined), '127.0.0.1');
});
