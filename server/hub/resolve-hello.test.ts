import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROTOCOL_VERSION, type HelloReply, type WallConfig } from '../../protocol/index.js';
import { parseCatalogue } from '../catalogue/camera-catalogue.js';
import { resolveHello, type HelloContext } from './resolve-hello.js';

const catalogue = parseCatalogue('test', {
  cameras: ['a', 'b', 'c'].map((id) => ({
    id: `cam-${id}`,
    name: `Camera ${id.toUpperCase()}`,
    location: { latitude: -7.5, longitude: 110.8 },
    agency: 'city',
    ptz: false,
    streams: { main: `/live/cam-${id}-main.flv`, sub: `/live/cam-${id}-sub.flv` },
  })),
});
const walls: WallConfig[] = [
  { id: 'demo', name: 'Demo', screens: [{ id: '1', name: 'Layar 1', role: 'grid', layout: { columns: 2, rows: 2, cameras: ['cam-a', 'cam-b', null] } }] },
  { id: 'locked', name: 'Locked', tokens: ['0123456789abcdef0123'], screens: [{ id: '1', name: 'L', role: 'grid', layout: { columns: 1, rows: 1, cameras: ['cam-c'] } }] },
];
const context: HelloContext = { walls, catalogue, clientHostname: '192.168.5.20', mediaHttpPort: 8000, sequence: 0, now: new Date('2026-11-23T00:00:00Z') };
const hello = { protocolVersion: PROTOCOL_VERSION, clientKind: 'wall-screen', wallId: 'demo', screenId: '1', token: null };

function refusal(reply: HelloReply) {
  assert.equal(reply.ok, false, 'expected a refusal');
  return (reply as Extract<HelloReply, { ok: false }>).error;
}

test('a valid hello gets the screen layout, every tile, and playable URLs on the client-facing host', () => {
  const reply = resolveHello(hello, context);
  assert.ok(reply.ok);
  const { snapshot } = reply;
  assert.deepEqual(snapshot.layout, {
    columns: 2,
    rows: 2,
    tiles: [
      { index: 0, cameraId: 'cam-a' },
      { index: 1, cameraId: 'cam-b' },
      { index: 2, cameraId: null },
      { index: 3, cameraId: null },
    ],
  });
  assert.deepEqual(snapshot.cameras.map((camera) => camera.id), ['cam-a', 'cam-b']);
  assert.equal(snapshot.cameras[0]?.streams.main, 'ws://192.168.5.20:8000/live/cam-a-main.flv');
  assert.equal(snapshot.screen.name, 'Layar 1');
});

test('a wrong protocol version is refused naming protocolVersion', () => {
  const error = refusal(resolveHello({ ...hello, protocolVersion: 2 }, context));
  assert.equal(error.code, 'protocol-version');
  assert.deepEqual(error.issues.map((issue) => issue.field), ['protocolVersion']);
  assert.match(error.message, /server speaks protocol 1, client sent 2/);
});

test('an unknown screen is refused naming screenId and listing the screens that exist', () => {
  const error = refusal(resolveHello({ ...hello, screenId: '9' }, context));
  assert.equal(error.code, 'unknown-screen');
  assert.equal(error.issues[0]?.field, 'screenId');
  assert.match(error.message, /has no screen "9" \(it has: 1\)/);
});

test('an unknown wall is refused naming wallId', () => {
  const error = refusal(resolveHello({ ...hello, wallId: 'tangerang' }, context));
  assert.equal(error.code, 'unknown-wall');
  assert.equal(error.issues[0]?.field, 'wallId');
});

test('a malformed hello is refused with every bad field named', () => {
  const error = refusal(resolveHello({ protocolVersion: '1', clientKind: 'toaster', wallId: 'demo' }, context));
  assert.equal(error.code, 'bad-request');
  assert.deepEqual(error.issues.map((issue) => issue.field).sort(), ['clientKind', 'protocolVersion', 'screenId', 'token']);
});

test('a wall with tokens refuses a missing or wrong token and accepts the right one', () => {
  assert.equal(refusal(resolveHello({ ...hello, wallId: 'locked' }, context)).code, 'unauthorized');
  assert.equal(refusal(resolveHello({ ...hello, wallId: 'locked', token: 'nope-nope-nope-nope' }, context)).issues[0]?.field, 'token');
  assert.ok(resolveHello({ ...hello, wallId: 'locked', token: '0123456789abcdef0123' }, context).ok);
});
