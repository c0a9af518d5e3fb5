import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseScreenTarget, screenTargetFromUrl } from './wall-bridge.js';

test('a web-wall URL gives the wall, the screen, the page origin as server, Indonesian by default', () => {
  const result = screenTargetFromUrl('http://127.0.0.1:8080/?wall=demo&screen=1');
  assert.deepEqual(result, { ok: true, target: { serverUrl: 'http://127.0.0.1:8080', wallId: 'demo', screenId: '1', language: 'id', token: null } });
});

test('server, language and token can be given in the URL', () => {
  const result = screenTargetFromUrl('http://h/?wall=demo&screen=2&server=http://10.0.0.9:8080&lang=en&token=abc');
  assert.ok(result.ok);
  assert.equal(result.target.serverUrl, 'http://10.0.0.9:8080');
  assert.equal(result.target.language, 'en');
  assert.equal(result.target.token, 'abc');
});

test('a URL without a screen names the missing fields', () => {
  const result = screenTargetFromUrl('http://h/?lang=fr');
  assert.ok(!result.ok);
  assert.deepEqual(result.issues.map((issue) => issue.field).sort(), ['language', 'screenId', 'wallId']);
});

test('whatever the Electron preload hands over is validated like any other input', () => {
  assert.ok(!parseScreenTarget(null).ok);
  assert.ok(!parseScreenTarget({ serverUrl: 'file:///etc/passwd', wallId: 'demo', screenId: '1', language: 'id', token: null }).ok);
});
