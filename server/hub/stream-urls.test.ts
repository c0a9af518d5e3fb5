import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CameraSchema, CatalogueCameraSchema } from '../../protocol/catalogue.js';
import { cameraForClient, hostnameFromHostHeader, resolveStreamUrl } from './stream-urls.js';

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

test('a camera sent to clients carries no ONVIF address or credentials from the catalogue', () => {
  const camera = CatalogueCameraSchema.parse({
    id: 'solo-ptz-gladak',
    name: 'PTZ Gladak',
    agency: 'police',
    ptz: true,
    location: { latitude: -7.57, longitude: 110.83 },
    streams: { main: '/live/ptz.flv' },
    onvif: { url: 'http://10.20.0.31/onvif/device_service', username: 'admin', password: 'rahasia-sekali', profileToken: 'Profile_1' },
  });
  const sent = JSON.stringify(cameraForClient(camera, 9, '10.20.0.7', 8000));
  assert.equal(sent.includes('onvif'), false, sent);
  assert.equal(sent.includes('rahasia-sekali'), false, sent);
  assert.equal(sent.includes('admin'), false, sent);
  assert.equal(sent.includes('10.20.0.31'), false, sent);
  assert.equal(CameraSchema.safeParse(JSON.parse(sent)).success, true, 'what is sent is a valid client camera');
});
