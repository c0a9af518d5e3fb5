import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileForAppUrl, serverConnectOrigins } from './app-scheme.js';

test('app:// URLs map to files inside the renderer folder, the bare origin to index.html', () => {
  assert.equal(fileForAppUrl('/opt/pantau/renderer', 'app://pantau/assets/index.js'), '/opt/pantau/renderer/assets/index.js');
  assert.equal(fileForAppUrl('/opt/pantau/renderer', 'app://pantau/'), '/opt/pantau/renderer/index.html');
});

test('paths that climb out of the renderer folder, or another host, are refused', () => {
  // The URL parser folds %2e%2e segments away before we see them: the file stays inside the folder.
  assert.equal(fileForAppUrl('/opt/pantau/renderer', 'app://pantau/%2e%2e/%2e%2e/etc/passwd'), '/opt/pantau/renderer/etc/passwd');
  assert.equal(fileForAppUrl('/opt/pantau/renderer', 'app://pantau/..%2f..%2fetc/passwd'), null);
  assert.equal(fileForAppUrl('/opt/pantau/renderer', 'app://elsewhere/index.html'), null);
});

test('the app may connect to its server and to media ports on the same host only', () => {
  assert.deepEqual(serverConnectOrigins('http://10.0.0.2:8080'), ['http://10.0.0.2:8080', 'ws://10.0.0.2:*', 'http://10.0.0.2:*']);
  assert.deepEqual(serverConnectOrigins('https://cc.solo.go.id'), ['https://cc.solo.go.id', 'wss://cc.solo.go.id:*', 'https://cc.solo.go.id:*']);
});
