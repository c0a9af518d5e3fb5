import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Server as SocketServer } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import type { Principal } from '../../protocol/auth.js';
import { HEALTH_EVENTS, HealthAckSchema, HealthListReplySchema, HealthListSchema, type HealthList, type HealthReport } from '../../protocol/health.js';
import { setIdentity } from '../auth/principal.js';
import { attachHealthChannel, type HealthChannel } from './health-channel.js';
import { HealthStore } from './health-store.js';

// A real socket.io server on loopback. The hub's hello is played by a tiny stand-in that sets
// the identity the way the real hub does after checking a token.
const principals: Record<string, Principal> = {
  'device-01': { userId: 'tmc-wall-01', name: 'workstation PC-01', role: 'operator', walls: ['tmc'], workstationId: 'tmc-wall-01' },
  viewer: { userId: 'vina', name: 'Vina', role: 'viewer', walls: [] },
  supervisor: { userId: 'sari', name: 'Sari', role: 'supervisor', walls: '*' },
};
let clock = Date.parse('2026-11-23T08:00:00Z');
const store = new HealthStore(() => clock);
let http: HttpServer;
let io: SocketServer;
let channel: HealthChannel;
let url: string;
const clients: ClientSocket[] = [];

before(async () => {
  http = createServer();
  io = new SocketServer(http, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.on('hello', (payload: { token: string; wallId: string; screenId: string }, ack: (ok: boolean) => void) => {
      const principal = principals[payload.token];
      if (principal) setIdentity(socket, { principal, wallId: payload.wallId, screenId: payload.screenId, workstationId: principal.workstationId ?? null });
      ack(principal !== undefined);
    });
  });
  channel = attachHealthChannel(io, store, () => clock);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
after(async () => {
  for (const client of clients) client.disconnect();
  channel.close();
  await io.close();
});

async function connect(token?: string, screen = { wallId: 'tmc', screenId: '1' }): Promise<ClientSocket> {
  const client = connectClient(url, { transports: ['websocket'], reconnection: false });
  clients.push(client);
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  if (token !== undefined) assert.ok(await client.timeout(5000).emitWithAck('hello', { token, ...screen }));
  return client;
}

const report = (overrides: Partial<HealthReport> = {}): HealthReport => ({
  wallId: 'tmc',
  screenId: '1',
  workstationName: 'PC-01',
  client: 'electron',
  appVersion: '0.1.0',
  tiles: [
    { tile: 0, cameraId: 'solo-gladak', state: 'live', framesPerSecond: 25, droppedFrames: 0, totalFrames: 1000 },
    { tile: 1, cameraId: 'solo-manahan', state: 'stalled', framesPerSecond: 0, droppedFrames: 3, totalFrames: 900 },
  ],
  framesPerSecond: 25,
  droppedFrames: 3,
  memoryMb: 180,
  restarts: 0,
  lastCrash: null,
  unassignedScreens: [],
  warnings: [],
  uptimeSeconds: 60,
  ...overrides,
});

const send = async (client: ClientSocket, payload: unknown) => HealthAckSchema.parse(await client.timeout(5000).emitWithAck(HEALTH_EVENTS.report, payload));

test('a screen reports its health; a supervisor sees it in the list and gets every later report pushed', async () => {
  const screen = await connect('device-01');
  assert.deepEqual(await send(screen, report()), { ok: true });

  const supervisor = await connect('supervisor', { wallId: 'tmc', screenId: 'console' });
  const subscribed = HealthListReplySchema.parse(await supervisor.timeout(5000).emitWithAck(HEALTH_EVENTS.subscribe, null));
  assert.ok(subscribed.ok);
  assert.deepEqual(subscribed.list.entries.map((e) => [e.workstationId, e.report.screenId, e.condition]), [['tmc-wall-01', '1', 'degraded']]);

  const pushed = new Promise<HealthList>((resolve) => supervisor.once(HEALTH_EVENTS.list, (list: unknown) => resolve(HealthListSchema.parse(list))));
  clock += 2000;
  await send(screen, report({ unassignedScreens: [{ screenId: '3', reason: 'no free display' }] }));
  const list = await pushed;
  assert.equal(list.entries[0]?.condition, 'failing', 'a screen without a display makes the workstation failing');
});

test('a screen that stops reporting turns silent', async () => {
  clock += 20_000;
  const supervisor = await connect('supervisor', { wallId: 'tmc', screenId: 'console' });
  const reply = HealthListReplySchema.parse(await supervisor.timeout(5000).emitWithAck(HEALTH_EVENTS.subscribe, null));
  assert.ok(reply.ok);
  assert.equal(reply.list.entries[0]?.condition, 'silent');
});

test('reports before hello, for another screen, malformed, or too fast are refused and change nothing', async () => {
  const before = store.list().entries.map((e) => e.receivedAt);
  const anonymous = await connect();
  assert.deepEqual(await send(anonymous, report()), { ok: false, error: { code: 'unauthorized', message: 'say hello first' } });
  const screen = await connect('device-01', { wallId: 'tmc', screenId: '2' });
  const other = await send(screen, report({ screenId: '1' }));
  assert.ok(!other.ok && other.error.code === 'forbidden');
  const malformed = await send(screen, { ...report({ screenId: '2' }), tiles: [{ tile: -1 }] });
  assert.ok(!malformed.ok && malformed.error.code === 'bad-request' && /tiles\.0/.test(malformed.error.message));
  assert.deepEqual(store.list().entries.map((e) => e.receivedAt), before);
  assert.deepEqual(await send(screen, report({ screenId: '2' })), { ok: true });
  const tooFast = await send(screen, report({ screenId: '2' }));
  assert.ok(!tooFast.ok && tooFast.error.code === 'rate-limited');
});

test('only supervisors may watch wall health', async () => {
  const viewer = await connect('viewer');
  const reply = HealthListReplySchema.parse(await viewer.timeout(5000).emitWithAck(HEALTH_EVENTS.subscribe, null));
  assert.ok(!reply.ok && reply.error.code === 'forbidden');
});
