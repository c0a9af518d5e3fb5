import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import type { App, Session } from 'electron';
import { hardenApp } from './harden.js';

/** Fakes of app, session and a web contents, recording what the hardening installs. */
function fakes() {
  const app = new EventEmitter();
  let permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  let beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | undefined;
  let permissionCheck: ((contents: unknown, permission: string) => boolean) | undefined;
  const session = {
    setPermissionRequestHandler: (handler: typeof permissionRequest) => (permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof permissionCheck) => (permissionCheck = handler),
    webRequest: { onBeforeRequest: (handler: typeof beforeRequest) => (beforeRequest = handler) },
  };
  return { app, session, permissionRequest: () => permissionRequest!, beforeRequest: () => beforeRequest!, permissionCheck: () => permissionCheck! };
}

test('permissions are denied, foreign requests cancelled, new windows and navigation away blocked', () => {
  const f = fakes();
  const log: string[] = [];
  hardenApp(f.app as unknown as App, f.session as unknown as Session, ['http://10.0.0.2:8080'], (line) => log.push(line));

  let granted: boolean | undefined;
  f.permissionRequest()(null, 'media', (value) => (granted = value));
  assert.equal(granted, false);
  assert.equal(f.permissionCheck()(null, 'notifications'), false);

  const responses: boolean[] = [];
  f.beforeRequest()({ url: 'http://10.0.0.2:8080/socket.io/' }, (r) => responses.push(r.cancel));
  f.beforeRequest()({ url: 'https://tracker.example/x' }, (r) => responses.push(r.cancel));
  assert.deepEqual(responses, [false, true]);

  const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => void; openHandler?: (d: { url: string }) => { action: string } };
  contents.setWindowOpenHandler = (handler) => (contents.openHandler = handler);
  f.app.emit('web-contents-created', {}, contents);
  assert.deepEqual(contents.openHandler?.({ url: 'https://example.com' }), { action: 'deny' });
  let prevented = 0;
  contents.emit('will-navigate', { url: 'https://example.com', preventDefault: () => prevented++ });
  contents.emit('will-navigate', { url: 'app://pantau/index.html', preventDefault: () => prevented++ });
  contents.emit('will-attach-webview', { preventDefault: () => prevented++ });
  assert.equal(prevented, 2);
  assert.ok(log.some((line) => line.includes('tracker.example')));
});
