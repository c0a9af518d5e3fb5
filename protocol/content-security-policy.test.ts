import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, originsOf } from './index.js';

test('the CSP allows connections only to our own origin and the named media origins', () => {
  const csp = contentSecurityPolicy(['ws://127.0.0.1:8000', 'ws://127.0.0.1:8000']);
  assert.match(csp, /connect-src 'self' ws:\/\/127\.0\.0\.1:8000;/);
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /object-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-eval/);
});

test('origins are taken from absolute stream URLs only', () => {
  assert.deepEqual(originsOf(['/live/a.flv', 'wss://cams.example:9443/live/b.flv', 'http://10.1.1.1/x.flv']), [
    'wss://cams.example:9443',
    'http://10.1.1.1',
    'ws://10.1.1.1',
  ]);
});
