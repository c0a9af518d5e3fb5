import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { AccidentHistorySchema, IngestReplySchema, type IncidentIngest } from '../../protocol/incidents.js';
import { IncidentService } from '../incidents/incident-service.js';
import { INGEST_BODY_LIMIT, createIncidentApi } from './incident-api.js';

const TOKEN = 'test-token-112';
const service = new IncidentService({ cameras: () => [{ id: 'gladak', location: { latitude: -7.5745, longitude: 110.8272 } }] });
let server: Server;
let base: string;

before(async () => {
  const api = createIncidentApi(service, { ingestTokens: [TOKEN, 'second-token'] });
  server = createServer((request, response) => {
    if (!api(request, response)) {
      response.writeHead(404);
      response.end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const incident: IncidentIngest = {
  source: 'call-112',
  sourceId: 'C-2026-77',
  category: 'fire',
  severity: 'high',
  title: 'Kebakaran kios',
  location: { latitude: -7.5762, longitude: 110.825 },
  address: 'Pasar Klewer',
  reportedVia: '112',
};

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, reply: IngestReplySchema.parse(await response.json()) };
}

test('a good incident is created (201), its repeat updates it (200) instead of doubling', async () => {
  const first = await post('/api/ingest/incidents', incident);
  assert.equal(first.status, 201);
  assert.ok(first.reply.ok && first.reply.created);
  const repeat = await post('/api/ingest/incidents', { ...incident, status: 'verified', note: 'Api terlihat dari kamera' });
  assert.equal(repeat.status, 200);
  assert.ok(repeat.reply.ok);
  assert.equal(repeat.reply.id, first.reply.ok ? first.reply.id : '');
  const stored = service.snapshot().incidents.filter((entry) => entry.sourceId === 'C-2026-77');
  assert.equal(stored.length, 1);
  assert.equal(stored[0]!.status, 'verified');
});

test('an alert linked to the sender incident is accepted; one naming an unknown incident is refused', async () => {
  await post('/api/ingest/incidents', incident);
  const linked = await post('/api/ingest/alerts', { source: 'call-112', sourceId: 'A-1', priority: 'critical', kind: 'call-112', text: 'Penelepon: api membesar', incidentSourceId: 'C-2026-77' });
  assert.equal(linked.status, 201);
  const unknown = await post('/api/ingest/alerts', { source: 'call-112', sourceId: 'A-2', priority: 'low', kind: 'call-112', text: 'x', incidentSourceId: 'C-none' });
  assert.equal(unknown.status, 422);
  assert.ok(!unknown.reply.ok);
  assert.equal(unknown.reply.error.code, 'not-found');
});

test('a bad payload gets a 400 naming the fields, and changes nothing', async () => {
  const sequence = service.snapshot().sequence;
  const bad = await post('/api/ingest/incidents', { ...incident, sourceId: 'C-bad', severity: 'apocalyptic', location: { latitude: -7.5 } });
  assert.equal(bad.status, 400);
  assert.ok(!bad.reply.ok);
  assert.deepEqual(bad.reply.error.issues.map((issue) => issue.field).sort(), ['location.longitude', 'severity']);
  assert.match(bad.reply.error.message, /severity/);
  const notJson = await post('/api/ingest/incidents', '{"source": ');
  assert.equal(notJson.status, 400);
  assert.equal(service.snapshot().sequence, sequence);
});

test('without a token, or with a wrong one, ingest is 401', async () => {
  const sequence = service.snapshot().sequence;
  const none = await fetch(base + '/api/ingest/incidents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(incident) });
  assert.equal(none.status, 401);
  assert.equal((await post('/api/ingest/incidents', { ...incident, sourceId: 'C-x' }, { authorization: 'Bearer wrong' })).status, 401);
  assert.equal((await post('/api/ingest/alerts', { ...incident, sourceId: 'C-x' }, { authorization: TOKEN })).status, 401, 'the Bearer scheme is required');
  assert.equal(service.snapshot().sequence, sequence);
});

test('a body that is not JSON by type is 415; one over 64 KiB is 413', async () => {
  assert.equal((await post('/api/ingest/incidents', incident, { 'content-type': 'text/plain' })).status, 415);
  const huge = { ...incident, note: 'x'.repeat(INGEST_BODY_LIMIT) };
  assert.equal((await post('/api/ingest/incidents', huge)).status, 413);
});

test('an oversized chunked body (no content-length) is cut off with 413', async () => {
  const { port } = server.address() as AddressInfo;
  const status = await new Promise<number>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: '/api/ingest/alerts', method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    // 20 chunks of 8 KiB: 160 KiB, well past the limit.
    for (let index = 0; index < 20; index++) request.write('x'.repeat(8192));
    request.end();
  });
  assert.equal(status, 413);
});

test('GET on an ingest path is 405; the accident history is GeoJSON; other paths are not ours', async () => {
  const wrongMethod = await fetch(base + '/api/ingest/incidents');
  assert.equal(wrongMethod.status, 405);
  const history = await fetch(base + '/api/accident-history');
  assert.equal(history.status, 200);
  assert.match(history.headers.get('content-type') ?? '', /geo\+json/);
  const parsed = AccidentHistorySchema.parse(await history.json());
  assert.ok(parsed.features.length >= 1000);
  assert.equal((await fetch(base + '/somewhere-else')).status, 404);
});
