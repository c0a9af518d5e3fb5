import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { EVENTS, HelloReplySchema, PROTOCOL_VERSION, type HelloReply } from '../protocol/index.js';
import { startServer, type RunningServer } from './app.js';
import { defaultServerOptions } from './config/server-options.js';
import { TEST_CATALOGUE, TEST_WALLS } from '../e2e/support/test-server.js';
import { findFreePort } from './net/port-check.js';

// The real server (socket.io hub, node-media-server, static web wall) on free loopback
// ports, without the simulator: these tests are about the protocol, not the video.
let server: RunningServer;
let mediaHttpPort: number;
const sockets: Socket[] = [];

before(async () => {
  mediaHttpPort = await findFreePort();
  server = await startServer({
    ...defaultServerOptions(),
    port: await findFreePort(),
    rtmpPort: await findFreePort(),
    mediaHttpPort,
    simulate: false, wallsPath: TEST_WALLS, cataloguePath: TEST_CATALOGUE,
    cacheDir: mkdtempSync(join(tmpdir(), 'pantau-test-')),
    dataDir: mkdtempSync(join(tmpdir(), 'pantau-store-')),
  });
});
after(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
});

async function connect(extraHeaders: Record<string, string> = {}): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false, extraHeaders });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

async function hello(socket: Socket, payload: unknown): Promise<HelloReply> {
  return HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, payload));
}

const goodHello = { protocolVersion: PROTOCOL_VERSION, clientKind: 'wall-screen', wallId: 'demo', screenId: '1', token: null };

test('a screen says hello over socket.io and receives the wall with its 2x2 screen and WS-FLV URLs', async () => {
  const reply = await hello(await connect(), goodHello);
  assert.ok(reply.ok && reply.catchUp.kind === 'snapshot', JSON.stringify(reply));
  const { snapshot } = reply.catchUp;
  assert.equal(snapshot.wall.screens[0]?.tiles.length, 4);
  assert.equal(snapshot.cameras[0]?.name, 'Bundaran Gladak');
  assert.equal(snapshot.cameras[0]?.streams.main, `ws://127.0.0.1:${mediaHttpPort}/live/solo-gladak-main.flv`);
});

test('a refused hello changes nothing for the screens already connected', async () => {
  const first = await connect();
  assert.ok((await hello(first, goodHello)).ok);
  const bad = await hello(await connect(), { ...goodHello, protocolVersion: 99 });
  assert.ok(!bad.ok);
  assert.equal(bad.error.code, 'protocol-version');
  assert.equal(bad.error.issues[0]?.field, 'protocolVersion');
  const garbage = await hello(await connect(), 'not an object');
  assert.ok(!garbage.ok);
  assert.equal(garbage.error.code, 'bad-request');
  // The first screen is still served, and so is a newcomer.
  assert.ok(first.connected);
  assert.ok((await hello(first, goodHello)).ok);
  assert.ok((await hello(await connect(), { ...goodHello, screenId: '2' })).ok);
});

test('a page from a foreign origin cannot open a socket', async () => {
  await assert.rejects(connect({ origin: 'http://evil.example' }));
});

test('the web wall is served with a CSP that names the media server', async () => {
  const response = await fetch(`${server.url}/?wall=demo&screen=1`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /<div id="root">/);
  assert.match(response.headers.get('content-security-policy') ?? '', new RegExp(`connect-src 'self' ws://127\\.0\\.0\\.1:${mediaHttpPort}`));
  const health = await (await fetch(`${server.url}/healthz`)).json();
  assert.deepEqual(health, { ok: true, protocolVersion: 2 });
});

test('npm run server refuses a malformed catalogue naming the field, and exits non-zero', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bad-'));
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify({ cameras: [{ id: 'x', name: 'X', agency: 'city', ptz: false, location: { latitude: 200, longitude: 0 }, streams: { main: '/live/x.flv' } }] }));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--catalogue', file, '--no-simulator'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /configuration refused: .*catalogue\.json: cameras\.0\.location\.latitude: /);
});
