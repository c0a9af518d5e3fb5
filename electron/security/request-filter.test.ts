import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedConnectOrigins, wallPageCsp } from './connect-origins.js';
import { navigationAllowed, permissionAllowed, requestAllowed, urlForLog } from './request-filter.js';

const allowed = allowedConnectOrigins('http://10.0.0.2:8080', ['ws://10.9.9.9:8000']);

test('a wall window reaches its server, the media ports of the server host and provisioned camera origins', () => {
  assert.ok(requestAllowed('http://10.0.0.2:8080/socket.io/?EIO=4', allowed));
  assert.ok(requestAllowed('ws://10.0.0.2:8000/live/cam.flv', allowed));
  assert.ok(requestAllowed('ws://10.9.9.9:8000/live/x.flv', allowed));
  assert.ok(requestAllowed('app://pantau/assets/index.js', allowed));
  assert.ok(requestAllowed('blob:app://pantau/1234', allowed));
});

test('anything else is blocked: other hosts, other camera ports, other schemes, another app:// host', () => {
  assert.ok(!requestAllowed('https://evil.example/beacon', allowed));
  assert.ok(!requestAllowed('ws://10.9.9.9:9000/x', allowed), 'camera origins are exact');
  assert.ok(!requestAllowed('file:///etc/passwd', allowed));
  assert.ok(!requestAllowed('app://other/index.html', allowed));
  assert.ok(!requestAllowed('not a url', allowed));
  assert.ok(!requestAllowed('http://10.0.0.2.evil.example:8080/', allowed));
});

test('default ports count as the same origin', () => {
  assert.ok(requestAllowed('https://cc.solo.go.id/api', allowedConnectOrigins('https://cc.solo.go.id', [])));
  assert.ok(!requestAllowed('http://cc.solo.go.id/api', allowedConnectOrigins('https://cc.solo.go.id', [])));
});

test('the CSP names the same origins in connect-src', () => {
  const csp = wallPageCsp('http://10.0.0.2:8080', ['ws://10.9.9.9:8000']);
  assert.match(csp, /connect-src 'self' http:\/\/10\.0\.0\.2:8080 ws:\/\/10\.0\.0\.2:\* http:\/\/10\.0\.0\.2:\* ws:\/\/10\.9\.9\.9:8000;/);
  assert.match(csp, /script-src 'self';/);
});

test('navigation stays inside the app; no permission is granted', () => {
  assert.ok(navigationAllowed('app://pantau/index.html#x'));
  assert.ok(!navigationAllowed('https://example.com/'));
  assert.ok(!navigationAllowed('javascript:alert(1)'));
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) assert.ok(!permissionAllowed(permission), permission);
});

test('a blocked URL is logged without its query: mapbox-gl sends its access token there', () => {
  assert.equal(urlForLog('https://api.mapbox.com/styles/v1/x?access_token=pk.abc.def&sku=1'), 'https://api.mapbox.com/styles/v1/x');
  assert.equal(urlForLog('https://a.example/p#token=1'), 'https://a.example/p');
  assert.equal(urlForLog(`https://a.example/${'x'.repeat(500)}`).length, 200);
});
