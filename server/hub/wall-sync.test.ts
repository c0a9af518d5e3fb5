import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import {
  EVENTS,
  HelloReplySchema,
  IntentReplySchema,
  PROTOCOL_VERSION,
  QueryReplySchema,
  SyncReplySchema,
  WallChangeSchema,
  type IntentReply,
  type WallState,
} from '../../protocol/index.js';
import { WallReplica } from '../../renderer/sync/wall-replica.js';
import { startServer, type RunningServer } from '../app.js';
import { tokenSha256 } from '../auth/user-directory.js';
import { defaultServerOptions, type ServerOptions } from '../config/server-options.js';
import { TEST_CATALOGUE, TEST_WALLS } from '../../e2e/support/test-server.js';
import { findFreePort } from '../net/port-check.js';

// The real server (socket.io hub, SQLite store) with a users file, without the simulator:
// these tests are about shared wall state, not video.
const TOKENS = { budi: 'token-budi-operator-0001', ani: 'token-ani-operator-00002', sari: 'token-sari-supervisor-01', vina: 'token-vina-viewer-000001', tono: 'token-tono-other-wall-01' };
let options: ServerOptions;
let server: RunningServer;
const sockets: Socket[] = [];

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-sync-'));
  const usersPath = join(dir, 'users.json');
  writeFileSync(usersPath, JSON.stringify({
    users: [
      { id: 'budi', name: 'Budi', role: 'operator', walls: ['demo'], tokenSha256: [tokenSha256(TOKENS.budi)] },
      { id: 'ani', name: 'Ani', role: 'operator', walls: '*', tokenSha256: [tokenSha256(TOKENS.ani)] },
      { id: 'sari', name: 'Sari', role: 'supervisor', tokenSha256: [tokenSha256(TOKENS.sari)] },
      { id: 'vina', name: 'Vina', role: 'viewer', tokenSha256: [tokenSha256(TOKENS.vina)] },
      { id: 'tono', name: 'Tono', role: 'operator', walls: ['tangerang'], tokenSha256: [tokenSha256(TOKENS.tono)] },
    ],
  }));
  options = {
    ...defaultServerOptions(),
    port: await findFreePort(), rtmpPort: await findFreePort(), mediaHttpPort: await findFreePort(),
    simulate: false, wallsPath: TEST_WALLS, cataloguePath: TEST_CATALOGUE, usersPath, dataDir: join(dir, 'data'), cacheDir: join(dir, 'cache'),
  };
  server = await startServer(options);
});
after(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
});

/** A wall client as the renderer is one: a socket and a replica kept by changes. */
interface Client { socket: Socket; replica: WallReplica; gaps: number }

async function connect(token: string | null, screenId = '1', resume?: { epoch: string; sequence: number }): Promise<Client> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
  const reply = HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, {
    protocolVersion: PROTOCOL_VERSION, clientKind: 'workstation', wallId: 'demo', screenId, token, workstation: 'ws-test', ...(resume ? { resume } : {}),
  }));
  assert.ok(reply.ok, reply.ok ? '' : reply.error.message);
  assert.equal(reply.catchUp.kind, 'snapshot', 'a new client starts from a snapshot');
  const client: Client = { socket, replica: new WallReplica(reply.catchUp.snapshot), gaps: 0 };
  socket.on(EVENTS.change, (payload: unknown) => {
    if (client.replica.applyChange(WallChangeSchema.parse(payload)) === 'gap') client.gaps += 1;
  });
  return client;
}

async function act(client: Client, intent: unknown): Promise<IntentReply> {
  return IntentReplySchema.parse(await client.socket.timeout(5000).emitWithAck(EVENTS.intent, intent));
}

async function settle(clients: Client[], sequence: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (clients.some((client) => client.replica.sequence < sequence) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

const put = (tileIndex: number, number: number) => ({ type: 'put-camera', screenId: '1', tileIndex, camera: { number } });
const serverWall = (): WallState => server.wallService.wall('demo')!;

test('roles: a viewer and an operator of another wall are refused; an operator changes the wall; only a supervisor pins and reads the audit', async () => {
  const [viewer, stranger, budi, sari] = [await connect(TOKENS.vina), await connect(TOKENS.tono), await connect(TOKENS.budi), await connect(TOKENS.sari)];
  const before = JSON.stringify(serverWall());
  const refusedViewer = await act(viewer, put(0, 5));
  assert.ok(!refusedViewer.ok && refusedViewer.error.code === 'forbidden');
  assert.match(refusedViewer.ok ? '' : refusedViewer.error.message, /viewers watch/);
  const refusedStranger = await act(stranger, put(0, 5));
  assert.ok(!refusedStranger.ok && /not assigned to wall "demo"/.test(refusedStranger.error.message));
  assert.equal(JSON.stringify(serverWall()), before, 'refusals change nothing');

  const applied = await act(budi, put(0, 5));
  assert.ok(applied.ok);
  const pinByOperator = await act(budi, { type: 'pin', screenId: '1', cameraId: 'solo-jurug', tileIndex: 1 });
  assert.ok(!pinByOperator.ok && pinByOperator.error.code === 'forbidden');
  const pinned = await act(sari, { type: 'pin', screenId: '1', cameraId: 'solo-jurug', tileIndex: 1 });
  assert.ok(pinned.ok);
  await settle([viewer, budi, sari], pinned.sequence);
  assert.deepEqual(viewer.replica.wall.pins.map((pin) => [pin.cameraId, pin.tileIndex, pin.by]), [['solo-jurug', 1, 'Sari']], 'the viewer sees the pin');

  const auditByOperator = QueryReplySchema.parse(await budi.socket.timeout(5000).emitWithAck(EVENTS.query, { type: 'audit' }));
  assert.ok(!auditByOperator.ok && auditByOperator.error.code === 'forbidden');
  const audit = QueryReplySchema.parse(await sari.socket.timeout(5000).emitWithAck(EVENTS.query, { type: 'audit', limit: 10 }));
  assert.ok(audit.ok && audit.result.type === 'audit');
  const lines = audit.result.entries.map((entry) => `${entry.userName}@${entry.workstationId} ${entry.action} ${entry.outcome}`);
  assert.deepEqual(lines.slice(0, 5), ['Sari@ws-test pin applied', 'Budi@ws-test pin refused', 'Budi@ws-test put-camera applied', 'Tono@ws-test put-camera refused', 'Vina@ws-test put-camera refused']);
  await act(sari, { type: 'unpin', screenId: '1', cameraId: 'solo-jurug' });
});

test('two operators acting at once: every screen ends in the same state, in the server order, with no gap', async () => {
  const clients = [await connect(TOKENS.budi), await connect(TOKENS.ani), await connect(TOKENS.vina, '2'), await connect(TOKENS.sari, '2')];
  const [budi, ani] = clients as [Client, Client];
  const replies = await Promise.all(Array.from({ length: 15 }, (_, index) => [act(budi, put(index % 4, 1 + (index % 8))), act(ani, put(index % 4, 8 - (index % 8)))]).flat());
  assert.ok(replies.every((reply) => reply.ok), JSON.stringify(replies.find((reply) => !reply.ok)));
  const last = Math.max(...replies.map((reply) => (reply.ok ? reply.sequence : 0)));
  await settle(clients, last);
  const expected = JSON.stringify(serverWall());
  for (const client of clients) {
    assert.equal(client.gaps, 0);
    assert.equal(JSON.stringify(client.replica.wall), expected);
  }
});

test('a client that reconnects catches up from its last sequence; one from another store takes a snapshot', async () => {
  const watcher = await connect(TOKENS.vina);
  const left = watcher.replica.sequence;
  watcher.socket.disconnect();
  const budi = await connect(TOKENS.budi);
  let sequence = 0;
  for (let tile = 0; tile < 4; tile += 1) {
    const reply = await act(budi, put(tile, 4 - tile));
    assert.ok(reply.ok);
    sequence = reply.sequence;
  }
  const socket = io(server.url, { transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const hello = { protocolVersion: PROTOCOL_VERSION, clientKind: 'wall-screen', wallId: 'demo', screenId: '1', token: TOKENS.vina };
  const resumed = HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, { ...hello, resume: { epoch: watcher.replica.snapshot.epoch, sequence: left } }));
  assert.ok(resumed.ok && resumed.catchUp.kind === 'changes');
  assert.equal(resumed.catchUp.changes.length, sequence - left);
  assert.ok(watcher.replica.applyCatchUp(resumed.catchUp));
  assert.equal(JSON.stringify(watcher.replica.wall), JSON.stringify(serverWall()));

  const foreign = HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, { ...hello, resume: { epoch: 'another', sequence: left } }));
  assert.ok(foreign.ok && foreign.catchUp.kind === 'snapshot');
  const synced = SyncReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.sync, { sequence: sequence - 1 }));
  assert.ok(synced.ok && synced.catchUp.kind === 'changes' && synced.catchUp.changes.length === 1);
});

test('bad input is answered with a clear error and changes nothing', async () => {
  const budi = await connect(TOKENS.budi);
  const before = JSON.stringify(serverWall());
  const cases: [unknown, string, RegExp][] = [
    [{ type: 'put-camera', screenId: '1', tileIndex: 0, camera: { id: 'solo-nowhere' } }, 'not-found', /no camera "solo-nowhere"/],
    [{ type: 'put-camera', screenId: '1', tileIndex: 30, camera: { number: 1 } }, 'bad-request', /there is no tile 31/],
    [{ type: 'put-camera', screenId: '1', tileIndex: 'one', camera: { number: 1 } }, 'bad-request', /tileIndex/],
    [{ type: 'launch-missiles' }, 'bad-request', /type/],
    ['not even an object', 'bad-request', /intent refused/],
    [{ type: 'save-preset', number: 4, name: 'x'.repeat(20_000), scope: 'screen', screenId: '1' }, 'too-large', /limit is 16384/],
    [{ type: 'set-layout', screenId: '1', layout: { template: 'custom', columns: 2, rows: 1, cells: [{ row: 0, column: 0, rowSpan: 1, columnSpan: 2 }, { row: 0, column: 1, rowSpan: 1, columnSpan: 1 }] } }, 'bad-request', /overlaps/],
  ];
  for (const [intent, code, message] of cases) {
    const reply = await act(budi, intent);
    assert.ok(!reply.ok, `${JSON.stringify(intent).slice(0, 80)} was accepted`);
    assert.equal(reply.error.code, code);
    assert.match(reply.error.message, message);
  }
  assert.equal(JSON.stringify(serverWall()), before);
  assert.ok(budi.socket.connected, 'the client is still connected after an oversized intent');
});

test('a flood of actions is cut off by the rate limit; only accepted actions change the wall', async () => {
  const ani = await connect(TOKENS.ani);
  const start = serverWall().sequence;
  const replies = await Promise.all(Array.from({ length: 150 }, (_, index) => act(ani, put(index % 4, 1 + (index % 8)))));
  const accepted = replies.filter((reply) => reply.ok).length;
  const limited = replies.filter((reply) => !reply.ok && reply.error.code === 'rate-limited').length;
  assert.equal(accepted + limited, 150);
  assert.ok(limited > 0, 'some actions were refused');
  assert.ok(serverWall().sequence - start <= accepted);
});

test('a server restart loses nothing: layout, presets, pins, history and the audit come back', async () => {
  const sari = await connect(TOKENS.sari);
  for (const intent of [
    { type: 'set-layout', screenId: '2', layout: '1+5' },
    { type: 'pin', screenId: '2', cameraId: 'solo-gladak', tileIndex: 0 },
    { type: 'save-preset', number: 9, name: 'Malam', scope: 'wall', screenId: '1' },
  ]) assert.ok((await act(sari, intent)).ok);
  const before = JSON.stringify(serverWall());
  const epoch = sari.replica.snapshot.epoch;
  sari.socket.disconnect();
  await server.close();
  server = await startServer(options);
  const again = await connect(TOKENS.sari);
  assert.equal(JSON.stringify(again.replica.wall), before);
  assert.equal(again.replica.snapshot.epoch, epoch);
  const history = QueryReplySchema.parse(await again.socket.timeout(5000).emitWithAck(EVENTS.query, { type: 'screen-history', screenId: '2' }));
  assert.ok(history.ok && history.result.type === 'screen-history');
  assert.equal(history.result.entries[0]?.by, 'Sari');
  const restore = await act(again, { type: 'restore-screen-version', screenId: '2', version: 0 });
  assert.ok(!restore.ok && restore.error.code === 'not-found', 'version 0 was never a change');
  const version = history.result.entries.at(-1)!.version;
  assert.ok((await act(again, { type: 'restore-screen-version', screenId: '2', version })).ok);
  const exported = QueryReplySchema.parse(await again.socket.timeout(5000).emitWithAck(EVENTS.query, { type: 'export-presets' }));
  assert.ok(exported.ok && exported.result.type === 'export-presets');
  assert.deepEqual(exported.result.file.presets.map((preset) => [preset.number, preset.name, preset.scope]), [[9, 'Malam', 'wall']]);
  const imported = await act(again, { type: 'import-presets', presets: exported.result.file.presets.map(({ number, name, scope, screens }) => ({ number: number - 1, name, scope, screens })) });
  assert.ok(imported.ok);
  assert.deepEqual(serverWall().presets.map((preset) => preset.number), [8, 9]);
});
