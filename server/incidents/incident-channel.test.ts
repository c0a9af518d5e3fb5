import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Server as SocketServer } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { Principal } from '../../protocol/auth.js';
import {
  AcknowledgeReplySchema,
  INCIDENT_EVENTS,
  IncidentChangeBatchSchema,
  IncidentIngestSchema,
  IncidentSubscribeReplySchema,
  applyIncidentChanges,
  type IncidentChangeBatch,
  type IncidentSnapshot,
} from '../../protocol/incidents.js';
import { setIdentity } from '../auth/principal.js';
import { attachIncidentChannel, type IncidentAuditEntry } from './incident-channel.js';
import { IncidentService } from './incident-service.js';

const PEOPLE: Record<string, Principal> = {
  operator: { userId: 'budi', name: 'Budi', role: 'operator', walls: ['solo'] },
  'other-operator': { userId: 'dewi', name: 'Dewi', role: 'operator', walls: ['klaten'] },
  viewer: { userId: 'ani', name: 'Ani', role: 'viewer', walls: '*' },
  supervisor: { userId: 'sari', name: 'Sari', role: 'supervisor', walls: '*' },
};

const service = new IncidentService({ cameras: () => [] });
const audited: IncidentAuditEntry[] = [];
let httpServer: HttpServer;
let io: SocketServer;
let url: string;
const clients: ClientSocket[] = [];

before(async () => {
  httpServer = createServer();
  io = new SocketServer(httpServer, { transports: ['websocket'] });
  attachIncidentChannel(io, service, { audit: (entry) => audited.push(entry) });
  // Stands in for the hub's accepted hello: the test says who each connection is.
  io.on('connection', (socket) => {
    const as = (socket.handshake.auth as { as?: string }).as;
    const principal = as ? PEOPLE[as] : undefined;
    if (principal) setIdentity(socket, { principal, wallId: 'solo', screenId: '1', workstationId: 'ws-1' });
  });
  httpServer.listen(0, '127.0.0.1');
  await once(httpServer, 'listening');
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

after(async () => {
  for (const client of clients) client.disconnect();
  await io.close();
});

async function client(as?: string): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], auth: as ? { as } : {}, reconnection: false });
  clients.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A subscriber that keeps its state up to date from the batches it receives. */
async function subscriber(as: string) {
  const socket = await client(as);
  const reply = IncidentSubscribeReplySchema.parse(await socket.timeout(5000).emitWithAck(INCIDENT_EVENTS.subscribe, {}));
  assert.ok(reply.ok, 'subscribe refused');
  let state: IncidentSnapshot = reply.snapshot;
  const batches: IncidentChangeBatch[] = [];
  const waiters: { until: (state: IncidentSnapshot) => boolean; resolve: () => void }[] = [];
  socket.on(INCIDENT_EVENTS.changes, (payload: unknown) => {
    const batch = IncidentChangeBatchSchema.parse(payload);
    batches.push(batch);
    const next = applyIncidentChanges(state, batch);
    assert.ok(next, 'a gap in the change sequence');
    state = next;
    for (const waiter of waiters.filter((entry) => entry.until(state))) waiter.resolve();
  });
  return {
    socket,
    batches,
    get state() {
      return state;
    },
    /** Resolves once the state satisfies `until`; fails after 5 s. */
    reach(until: (state: IncidentSnapshot) => boolean): Promise<void> {
      if (until(state)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('state not reached within 5 s')), 5000);
        waiters.push({ until, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

let counter = 0;
function ingest(severity: 'low' | 'critical' = 'critical') {
  const outcome = service.ingestIncident(
    IncidentIngestSchema.parse({
      source: 'call-112',
      sourceId: `C-${++counter}`,
      category: 'crime',
      severity,
      title: 'Penjambretan',
      location: { latitude: -7.5693, longitude: 110.8312 },
      address: 'Pasar Gede',
      reportedVia: '112',
    }),
  );
  assert.ok(outcome.ok);
  return outcome.incident;
}

test('a connection that has not said hello can neither subscribe nor acknowledge', async () => {
  const stranger = await client();
  const subscribed = IncidentSubscribeReplySchema.parse(await stranger.timeout(5000).emitWithAck(INCIDENT_EVENTS.subscribe, {}));
  assert.ok(!subscribed.ok);
  assert.equal(subscribed.error.code, 'unauthorized');
  ingest();
  const alertId = service.snapshot().alerts[0]!.id;
  const acknowledged = AcknowledgeReplySchema.parse(await stranger.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId }));
  assert.ok(!acknowledged.ok);
  assert.equal(service.alert(alertId)?.acknowledgedBy, undefined);
});

test('subscribers get the snapshot, then every new incident and alert in sequence', async () => {
  const wall = await subscriber('viewer');
  const before = wall.state.sequence;
  const incident = ingest();
  await wall.reach((state) => state.incidents.some((entry) => entry.id === incident.id) && state.alerts.some((alert) => alert.incidentId === incident.id));
  assert.ok(wall.state.sequence > before);
});

test('an operator acknowledges an alert: every screen sees it, the audit records it once', async () => {
  const first = await subscriber('operator');
  const second = await subscriber('viewer');
  const incident = ingest();
  await first.reach((state) => state.alerts.some((alert) => alert.incidentId === incident.id));
  const alertId = first.state.alerts.find((alert) => alert.incidentId === incident.id)!.id;
  const reply = AcknowledgeReplySchema.parse(await first.socket.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId }));
  assert.ok(reply.ok);
  assert.equal(reply.alert.acknowledgedBy?.name, 'Budi');
  await second.reach((state) => state.alerts.find((alert) => alert.id === alertId)?.acknowledgedBy?.userId === 'budi');
  const again = AcknowledgeReplySchema.parse(await first.socket.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId }));
  assert.ok(again.ok);
  const entries = audited.filter((entry) => entry.detail.includes(alertId));
  assert.equal(entries.length, 1);
  const { at, detail, ...rest } = entries[0]!;
  assert.equal(at, reply.alert.acknowledgedAt);
  assert.match(detail, new RegExp(`alert ${alertId} incident ${incident.id} \\[critical\\]`));
  assert.deepEqual(rest, { wallId: 'solo', userId: 'budi', userName: 'Budi', workstationId: 'ws-1', action: 'alert-acknowledge', outcome: 'applied' });
});

test('viewers and operators of another wall may not acknowledge; a supervisor may', async () => {
  const incident = ingest();
  const alertId = service.snapshot().alerts.find((alert) => alert.incidentId === incident.id)!.id;
  for (const as of ['viewer', 'other-operator']) {
    const socket = await client(as);
    const reply = AcknowledgeReplySchema.parse(await socket.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId }));
    assert.ok(!reply.ok);
    assert.equal(reply.error.code, 'forbidden', as);
  }
  assert.equal(service.alert(alertId)?.acknowledgedBy, undefined);
  assert.equal(audited.filter((entry) => entry.detail.includes(alertId) && entry.outcome === 'refused').length, 2, 'refusals are audited');
  const supervisor = await client('supervisor');
  const reply = AcknowledgeReplySchema.parse(await supervisor.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId }));
  assert.ok(reply.ok);
});

test('a malformed or unknown acknowledgement is refused naming the field', async () => {
  const socket = await client('operator');
  const bad = AcknowledgeReplySchema.parse(await socket.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId: 42 }));
  assert.ok(!bad.ok);
  assert.equal(bad.error.code, 'bad-request');
  assert.deepEqual(bad.error.issues.map((issue) => issue.field), ['alertId']);
  const unknown = AcknowledgeReplySchema.parse(await socket.timeout(5000).emitWithAck(INCIDENT_EVENTS.acknowledge, { alertId: 'alr-99999' }));
  assert.ok(!unknown.ok);
  assert.equal(unknown.error.code, 'not-found');
});

test('a burst of changes reaches a screen as one batch', async () => {
  const wall = await subscriber('viewer');
  const batchesBefore = wall.batches.length;
  const ids = Array.from({ length: 10 }, () => ingest('low').id);
  await wall.reach((state) => ids.every((id) => state.incidents.some((entry) => entry.id === id)));
  const carrying = wall.batches
    .slice(batchesBefore)
    .filter((batch) => batch.changes.some((change) => change.kind === 'incident' && ids.includes(change.incident.id)));
  assert.equal(carrying.length, 1, 'ten changes made together arrive together');
  const incidentsInBatch = carrying[0]!.changes.filter((change) => change.kind === 'incident' && ids.includes(change.incident.id));
  assert.equal(incidentsInBatch.length, 10);
});
