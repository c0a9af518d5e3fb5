import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Server as SocketServer } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { IncidentIngestSchema } from '../../protocol/incidents.js';
import { setIdentity } from '../../server/auth/principal.js';
import { attachIncidentChannel } from '../../server/incidents/incident-channel.js';
import { IncidentService } from '../../server/incidents/incident-service.js';
import { IncidentFeed, type FeedState } from './incident-feed.js';

const service = new IncidentService({ cameras: () => [] });
const httpServer = createServer();
const io = new SocketServer(httpServer, { transports: ['websocket'] });
const sockets: Socket[] = [];
let url = '';

before(async () => {
  attachIncidentChannel(io, service, { audit: () => undefined });
  io.on('connection', (socket) => {
    if ((socket.handshake.auth as { hello?: boolean }).hello) {
      setIdentity(socket, { principal: { userId: 'budi', name: 'Budi', role: 'operator', walls: '*' }, wallId: 'solo', screenId: '1', workstationId: null });
    }
  });
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

after(async () => {
  for (const socket of sockets) socket.disconnect();
  await io.close();
});

async function screen(hello: boolean): Promise<IncidentFeed> {
  const socket = connect(url, { transports: ['websocket'], auth: { hello }, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return new IncidentFeed(socket);
}

/** Resolves once the feed's state satisfies `until`; fails after 5 s. */
function reach(feed: IncidentFeed, until: (state: FeedState) => boolean): Promise<FeedState> {
  if (until(feed.state)) return Promise.resolve(feed.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`state not reached within 5 s: ${JSON.stringify(feed.state.status)}`)), 5000);
    const stop = feed.onState((state) => {
      if (!until(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    });
  });
}

function ingest(sourceId: string) {
  const outcome = service.ingestIncident(
    IncidentIngestSchema.parse({
      source: 'e-lapor',
      sourceId,
      category: 'citizen-complaint',
      severity: 'critical',
      title: 'Pohon tumbang',
      location: { latitude: -7.5693, longitude: 110.8312 },
      address: 'Jl. Urip Sumoharjo',
      reportedVia: 'e-lapor',
    }),
  );
  assert.ok(outcome.ok);
  return outcome.incident;
}

test('a screen whose hello was not accepted is refused, and says so', async () => {
  const feed = await screen(false);
  await feed.subscribe();
  assert.equal(feed.state.status, 'refused');
  assert.equal(feed.state.error?.code, 'unauthorized');
});

test('an acknowledgement on one screen clears the alert on the other', async () => {
  const [first, second] = [await screen(true), await screen(true)];
  await Promise.all([first.subscribe(), second.subscribe()]);
  const incident = ingest('L-1');
  const hasAlert = (state: FeedState) => state.snapshot?.alerts.some((alert) => alert.incidentId === incident.id) ?? false;
  await Promise.all([reach(first, hasAlert), reach(second, hasAlert)]);
  const alertId = first.state.snapshot!.alerts.find((alert) => alert.incidentId === incident.id)!.id;
  const reply = await first.acknowledge(alertId);
  assert.ok(reply.ok);
  const state = await reach(second, (candidate) => candidate.snapshot?.alerts.find((alert) => alert.id === alertId)?.acknowledgedBy?.name === 'Budi');
  assert.equal(state.status, 'live');
});

test('a lost connection keeps the last alerts, marked offline', async () => {
  const feed = await screen(true);
  await feed.subscribe();
  ingest('L-2');
  await reach(feed, (state) => state.snapshot?.incidents.some((incident) => incident.sourceId === 'L-2') ?? false);
  sockets[sockets.length - 1]!.disconnect();
  const state = await reach(feed, (candidate) => candidate.status === 'offline');
  assert.ok(state.snapshot?.incidents.some((incident) => incident.sourceId === 'L-2'));
  const refused = await feed.acknowledge('alr-1');
  assert.equal(refused.ok, false);
});
