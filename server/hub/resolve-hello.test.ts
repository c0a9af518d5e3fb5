import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROTOCOL_VERSION, type HelloReply } from '../../protocol/index.js';
import { openDirectory, tokenSha256, usersDirectory } from '../auth/user-directory.js';
import { parseCatalogue } from '../catalogue/camera-catalogue.js';
import { initialWallState, parseWalls } from '../walls/wall-config.js';
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
const [wall] = parseWalls('walls.json', { walls: [{ id: 'demo', name: 'Demo', screens: [{ id: '1', name: 'Layar 1', layout: '2x2', cameras: ['cam-a', 'cam-b', null] }] }] }, catalogue);
const state = initialWallState(wall!);
const context: HelloContext = {
  wall: (id) => (id === 'demo' ? state : undefined),
  directory: openDirectory(),
  catalogue,
  epoch: 'e1',
  catchUp: () => null,
  clientHostname: '192.168.5.20',
  mediaHttpPort: 8000,
  now: new Date('2026-11-23T00:00:00Z'),
};
const hello = { protocolVersion: PROTOCOL_VERSION, clientKind: 'wall-screen', wallId: 'demo', screenId: '1', token: null };

function refusal(reply: HelloReply) {
  assert.equal(reply.ok, false, 'expected a refusal');
  return (reply as Extract<HelloReply, { ok: false }>).error;
}

test('a valid hello gets the whole wall, every camera numbered, and playable URLs on the client-facing host', () => {
  const { reply } = resolveHello(hello, context);
  assert.ok(reply.ok && reply.catchUp.kind === 'snapshot');
  const { snapshot } = reply.catchUp;
  assert.deepEqual(snapshot.wall.screens[0]?.tiles.map((tile) => tile.content), [
    { kind: 'camera', cameraId: 'cam-a' }, { kind: 'camera', cameraId: 'cam-b' }, { kind: 'blank' }, { kind: 'blank' },
  ]);
  assert.deepEqual(snapshot.cameras.map((camera) => [camera.id, camera.number]), [['cam-a', 1], ['cam-b', 2], ['cam-c', 3]]);
  assert.equal(snapshot.cameras[0]?.streams.main, 'ws://192.168.5.20:8000/live/cam-a-main.flv');
  assert.equal(reply.session.role, 'supervisor');
});

test('a wrong protocol version is refused naming protocolVersion', () => {
  const error = refusal(resolveHello({ ...hello, protocolVersion: 1 }, context).reply);
  assert.equal(error.code, 'protocol-version');
  assert.deepEqual(error.issues.map((issue) => issue.field), ['protocolVersion']);
  assert.match(error.message, /server speaks protocol 2, client sent 1/);
});

test('an unknown screen or wall is refused naming the field', () => {
  const screen = refusal(resolveHello({ ...hello, screenId: '9' }, context).reply);
  assert.equal(screen.code, 'unknown-screen');
  assert.match(screen.message, /has no screen "9" \(it has: 1\)/);
  assert.equal(refusal(resolveHello({ ...hello, wallId: 'tangerang' }, context).reply).issues[0]?.field, 'wallId');
});

test('a malformed hello is refused with every bad field named', () => {
  const error = refusal(resolveHello({ protocolVersion: '1', clientKind: 'toaster', wallId: 'demo' }, context).reply);
  assert.equal(error.code, 'bad-request');
  assert.deepEqual(error.issues.map((issue) => issue.field).sort(), ['clientKind', 'protocolVersion', 'screenId', 'token']);
});

test('with a users file a missing or wrong token is refused and the right one names its user and role', () => {
  const directory = usersDirectory([{ id: 'budi', name: 'Budi', role: 'operator', walls: ['demo'], tokenSha256: [tokenSha256('budi-secret-token-123')] }]);
  const locked = { ...context, directory };
  assert.equal(refusal(resolveHello(hello, locked).reply).code, 'unauthorized');
  assert.equal(refusal(resolveHello({ ...hello, token: 'nope-nope-nope-nope' }, locked).reply).issues[0]?.field, 'token');
  const accepted = resolveHello({ ...hello, token: 'budi-secret-token-123', workstation: 'ws-07' }, locked);
  assert.ok(accepted.reply.ok);
  assert.deepEqual([accepted.reply.session.name, accepted.reply.session.role, accepted.reply.session.mayOperate, accepted.identity?.workstationId], ['Budi', 'operator', true, 'ws-07']);
});

test('a client resuming from a sequence the server still has gets the changes, not a snapshot', () => {
  const changes = { kind: 'changes' as const, changes: [] };
  const { reply } = resolveHello({ ...hello, resume: { epoch: 'e1', sequence: 0 } }, { ...context, catchUp: () => changes });
  assert.ok(reply.ok);
  assert.equal(reply.catchUp.kind, 'changes');
});
