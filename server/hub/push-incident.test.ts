import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import {
  EVENTS,
  HelloReplySchema,
  IncidentIngestSchema,
  IntentReplySchema,
  PROTOCOL_VERSION,
  QueryReplySchema,
  WallChangeSchema,
  type IntentReply,
  type ScreenState,
} from '../../protocol/index.js';
import { WallReplica } from '../../renderer/sync/wall-replica.js';
import { startServer, type RunningServer } from '../app.js';
import { defaultServerOptions } from '../config/server-options.js';
import { TEST_CATALOGUE, TEST_WALLS } from '../../e2e/support/test-server.js';
import { findFreePort } from '../net/port-check.js';

// Push an incident through the real server: socket.io hub, SQLite store, incident service,
// without the simulator. Open server (every client the supervisor "Demo").
let server: RunningServer;
const sockets: Socket[] = [];

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-push-'));
  server = await startServer({
    ...defaultServerOptions(),
    port: await findFreePort(), rtmpPort: await findFreePort(), mediaHttpPort: await findFreePort(),
    simulate: false, wallsPath: TEST_WALLS, cataloguePath: TEST_CATALOGUE, dataDir: join(dir, 'data'), cacheDir: join(dir, 'cache'),
  });
});
after(async () => {
  for (const socket of sockets) socket.disconnect();
  await server.close();
});

interface Client { socket: Socket; replica: WallReplica }

async function connect(screenId: string): Promise<Client> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
  const reply = HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, {
    protocolVersion: PROTOCOL_VERSION, clientKind: 'workstation', wallId: 'demo', screenId, token: null, workstation: 'ws-test',
  }));
  assert.ok(reply.ok && reply.catchUp.kind === 'snapshot');
  const client: Client = { socket, replica: new WallReplica(reply.catchUp.snapshot) };
  socket.on(EVENTS.change, (payload: unknown) => client.replica.applyChange(WallChangeSchema.parse(payload)));
  return client;
}

const act = async (client: Client, intent: unknown): Promise<IntentReply> => IntentReplySchema.parse(await client.socket.timeout(5000).emitWithAck(EVENTS.intent, intent));

async function settle(client: Client, sequence: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (client.replica.sequence < sequence && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(client.replica.sequence >= sequence, `the client reached change ${sequence}`);
}

const screenOf = (client: Client, screenId: string): ScreenState | undefined => client.replica.wall.screens.find((screen) => screen.id === screenId);
const shown = (screen: ScreenState | undefined) => screen?.tiles.map((tile) => (tile.content.kind === 'camera' ? tile.content.cameraId : tile.content.kind));

function ingestPanic(sourceId: string): string {
  const outcome = server.incidents.ingestIncident(IncidentIngestSchema.parse({
    source: 'solo-destination', sourceId, category: 'panic-button', severity: 'high', title: 'Tombol panik ditekan',
    reportedVia: 'panic-button', location: { latitude: -7.5691, longitude: 110.8316 }, address: 'Pasar Gede',
  }));
  assert.ok(outcome.ok);
  return outcome.incident.id;
}

async function audit(client: Client, action: string) {
  const reply = QueryReplySchema.parse(await client.socket.timeout(5000).emitWithAck(EVENTS.query, { type: 'audit', action }));
  assert.ok(reply.ok && reply.result.type === 'audit');
  return reply.result.entries;
}

test('an incident pushed from one client shows on the other screen with its cameras, is audited, and goes back when the incident closes', async () => {
  const [operator, screen2] = [await connect('1'), await connect('2')];
  const before = screenOf(screen2, '2');
  const incidentId = ingestPanic('PB-PUSH-0001');
  const related = server.incidents.incident(incidentId)?.relatedCameraIds ?? [];
  assert.ok(related.length > 0, 'the incident has cameras near it');

  const pushed = await act(operator, { type: 'push-incident', screenId: '2', incidentId, revertAfterSeconds: null });
  assert.ok(pushed.ok, pushed.ok ? '' : pushed.error.message);
  await settle(screen2, pushed.sequence);
  assert.equal(screenOf(screen2, '2')?.layout.template, '1+5');
  assert.deepEqual(shown(screenOf(screen2, '2')), ['briefing', ...related.slice(0, 5), ...Array(Math.max(0, 5 - related.length)).fill('blank')]);
  assert.deepEqual(screen2.replica.wall.briefing, { incidentIds: [incidentId], index: 0 });
  assert.match((await audit(operator, 'push-incident'))[0]?.detail ?? '', new RegExp(`push incident ${incidentId} .* to Layar 2, until it closes`));

  const closed = server.incidents.updateIncident(incidentId, { status: 'closed' });
  assert.ok(closed.ok);
  await settle(screen2, pushed.sequence + 1);
  const after = screenOf(screen2, '2');
  assert.equal(after?.layout.template, before?.layout.template);
  assert.deepEqual(shown(after), shown(before));
  const revert = (await audit(operator, 'revert-push'))[0];
  assert.equal(revert?.userName, 'Sistem (kembali otomatis)');
  assert.match(revert?.detail ?? '', new RegExp(`incident ${incidentId} closed`));
  assert.deepEqual(server.wallService.pendingPushes(), []);
});

test('pushing an incident the server does not have is refused, naming the field, and changes nothing', async () => {
  const client = await connect('1');
  const sequence = server.wallService.wall('demo')?.sequence;
  const reply = await act(client, { type: 'push-incident', screenId: '1', incidentId: 'inc-999', revertAfterSeconds: 30 });
  assert.ok(!reply.ok);
  assert.equal(reply.error.code, 'not-found');
  assert.deepEqual(reply.error.issues.map((issue) => issue.field), ['incidentId']);
  const short = await act(client, { type: 'push-incident', screenId: '1', incidentId: 'inc-1', revertAfterSeconds: 2 });
  assert.ok(!short.ok);
  assert.equal(short.error.code, 'bad-request');
  assert.deepEqual(short.error.issues.map((issue) => issue.field), ['revertAfterSeconds']);
  assert.equal(server.wallService.wall('demo')?.sequence, sequence);
  assert.deepEqual(server.wallService.pendingPushes(), []);
});
