import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Server as SocketServer } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { Principal } from '../../protocol/auth.js';
import { PTZ_EVENTS, PtzLockStateSchema, PtzReplySchema, type PtzCommand, type PtzLockState, type PtzReply } from '../../protocol/ptz.js';
import { setIdentity } from '../auth/principal.js';
import { attachPtzChannel } from './ptz-channel.js';
import { PtzService } from './ptz-service.js';
import { SimulatedPtzDriver } from './simulated-driver.js';

// A real socket.io server and real clients on loopback. The hub's hello is stood in for by a
// middleware that accepts the user named in the handshake, as an accepted hello would.
const USERS: Record<string, Principal> = {
  ani: { userId: 'ani', name: 'Ani', role: 'operator', walls: ['tmc'] },
  budi: { userId: 'budi', name: 'Budi', role: 'operator', walls: ['tmc'] },
  sari: { userId: 'sari', name: 'Sari', role: 'supervisor', walls: '*' },
  vina: { userId: 'vina', name: 'Vina', role: 'viewer', walls: [] },
  dewi: { userId: 'dewi', name: 'Dewi', role: 'operator', walls: ['tmc'] },
};

const head = new SimulatedPtzDriver();
const service = new PtzService({ drivers: new Map([['ptz', head]]), deadManMs: 300, sweepEveryMs: 50, rateLimit: { burst: 40, perSecond: 20 } });
const httpServer = createServer();
const io = new SocketServer(httpServer, { transports: ['websocket'] });
let url = '';
const clients: ClientSocket[] = [];

before(async () => {
  io.use((socket, next) => {
    const user = USERS[String(socket.handshake.auth.user)];
    if (user) setIdentity(socket, { principal: user, wallId: 'tmc', screenId: '1', workstationId: null });
    next();
  });
  attachPtzChannel(io, service);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
after(async () => {
  for (const client of clients) client.disconnect();
  await service.close();
  await io.close();
});

async function client(user: string | null): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, auth: user === null ? {} : { user } });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function send(socket: ClientSocket, command: PtzCommand | Record<string, unknown>): Promise<PtzReply> {
  return PtzReplySchema.parse(await socket.timeout(5000).emitWithAck(PTZ_EVENTS.command, command));
}

/** Resolves with the first broadcast state that matches, within 5 s. */
function nextState(socket: ClientSocket, match: (state: PtzLockState) => boolean): Promise<PtzLockState> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no matching PTZ state within 5 s')), 5000);
    const listener = (payload: unknown) => {
      const state = PtzLockStateSchema.parse(payload);
      if (!match(state)) return;
      clearTimeout(timer);
      socket.off(PTZ_EVENTS.state, listener);
      resolve(state);
    };
    socket.on(PTZ_EVENTS.state, listener);
  });
}

const code = (reply: PtzReply) => (reply.ok ? 'ok' : reply.error.code);
const move = (pan: number): PtzCommand => ({ type: 'move', cameraId: 'ptz', pan, tilt: 0, zoom: 0 });
const still = { pan: 0, tilt: 0, zoom: 0 };

test('two operators: the first holds the camera, the second is refused and everyone sees who holds it', async () => {
  const [ani, budi, watcher] = [await client('ani'), await client('budi'), await client('vina')];
  const seen = nextState(watcher, (state) => state.holder?.name === 'Ani' && state.moving !== null);
  assert.equal(code(await send(ani, move(0.5))), 'ok');
  assert.deepEqual((await seen).moving, { pan: 0.5, tilt: 0, zoom: 0 });
  const refused = await send(budi, move(-1));
  assert.equal(code(refused), 'locked');
  assert.match(refused.ok ? '' : refused.error.message, /Ani/);
  assert.equal(head.velocity().pan, 0.5);
  assert.equal(code(await send(ani, { type: 'release', cameraId: 'ptz' })), 'ok');
  assert.deepEqual(head.velocity(), still, 'releasing stops the camera');
  assert.equal(code(await send(budi, { type: 'acquire', cameraId: 'ptz' })), 'ok');
  const locks: unknown = await budi.timeout(5000).emitWithAck(PTZ_EVENTS.locks);
  assert.deepEqual(locks, { ok: true, states: [service.stateOf('ptz')] });
  assert.equal(service.stateOf('ptz').holder?.userId, 'budi');
  await send(budi, { type: 'release', cameraId: 'ptz' });
});

test('a supervisor takes over a moving camera: it stops and the operator is locked out', async () => {
  const [ani, sari] = [await client('ani'), await client('sari')];
  assert.equal(code(await send(ani, move(1))), 'ok');
  const taken = nextState(ani, (state) => state.holder?.userId === 'sari');
  assert.equal(code(await send(ani, { type: 'take-over', cameraId: 'ptz' })), 'forbidden');
  assert.equal(code(await send(sari, { type: 'take-over', cameraId: 'ptz' })), 'ok');
  assert.equal((await taken).moving, null);
  assert.deepEqual(head.velocity(), still);
  assert.equal(code(await send(ani, move(1))), 'locked');
  await send(sari, { type: 'release', cameraId: 'ptz' });
});

test('a viewer, an unidentified socket and a malformed command change nothing', async () => {
  const [vina, stranger, ani] = [await client('vina'), await client(null), await client('ani')];
  assert.equal(code(await send(vina, move(1))), 'forbidden');
  assert.equal(code(await send(stranger, move(1))), 'unauthorized');
  const bad = await send(ani, { type: 'move', cameraId: 'ptz', pan: 7, tilt: 0, zoom: 0 });
  assert.equal(code(bad), 'bad-request');
  assert.match(bad.ok ? '' : bad.error.message, /pan/);
  assert.deepEqual(head.velocity(), still);
  assert.equal(service.stateOf('ptz').holder, null);
});

test('a client that disconnects mid-move: the camera stops and the lock is free', async () => {
  // Dewi has this one connection: only its disconnect (not the dead-man, which keeps the lock) frees the camera.
  const [dewi, watcher] = [await client('dewi'), await client('vina')];
  assert.equal(code(await send(dewi, move(-0.5))), 'ok');
  const stopped = nextState(watcher, (state) => state.moving === null && state.holder === null);
  dewi.disconnect();
  await stopped;
  assert.deepEqual(head.velocity(), still);
});

test('a client that goes silent mid-move is stopped by the dead-man, its lock kept', async () => {
  const [ani, watcher] = [await client('ani'), await client('vina')];
  assert.equal(code(await send(ani, move(0.25))), 'ok');
  const stopped = await nextState(watcher, (state) => state.moving === null);
  assert.equal(stopped.holder?.userId, 'ani');
  assert.deepEqual(head.velocity(), still);
  const at = head.position().pan;
  assert.equal(head.position().pan, at);
  await send(ani, { type: 'release', cameraId: 'ptz' });
});

test('a client flooding commands is refused with rate-limited; its stop still stops the camera', async () => {
  const budi = await client('budi');
  const replies = await Promise.all(Array.from({ length: 60 }, (_, index) => send(budi, move(index % 2 === 0 ? 0.5 : 0.4))));
  assert.ok(replies.some((reply) => code(reply) === 'rate-limited'), 'some commands were refused');
  assert.equal(code(await send(budi, { type: 'stop', cameraId: 'ptz' })), 'ok');
  assert.deepEqual(head.velocity(), still);
});
