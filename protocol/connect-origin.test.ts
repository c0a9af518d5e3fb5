import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConnectOriginSchema } from './connect-origin.js';

test('an origin is kept lower-case, so the shell and the CSP match the host the page asks for', () => {
  assert.equal(ConnectOriginSchema.parse('WS://Media.Surakarta.go.id:8000'), 'ws://media.surakarta.go.id:8000');
});

test('a path, a wildcard or a port no socket can have is refused', () => {
  for (const bad of ['https://tiles.example/path', 'https://*.example', 'ws://10.0.0.5:99999', 'ftp://10.0.0.5']) {
    assert.equal(ConnectOriginSchema.safeParse(bad).success, false, bad);
  }
  assert.equal(ConnectOriginSchema.safeParse('ws://10.0.0.5:65535').success, true);
});
