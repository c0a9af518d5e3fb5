import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAPBOX_CONNECT_ORIGINS, mapConnectOrigins } from '../../protocol/index.js';
import { allowedConnectOrigins, wallPageCsp } from './connect-origins.js';
import { requestAllowed } from './request-filter.js';
import {
  ServerOriginsLearner,
  fetchServerConnectOrigins,
  interpretConnectOriginsReply,
  mergeConnectOrigins,
  readBoundedText,
  serverOriginsPlan,
  type OriginsFetch,
  type ServerOriginsOutcome,
} from './server-origins.js';

const SERVER = 'http://10.10.1.5:8080';
const DEVICE_TOKEN = 'pantau_dt_secret-device-token-0123456789abcdef';
const reply = (origins: unknown, wallId = 'tmc'): string => JSON.stringify({ wallId, origins });
const originsOf = (outcome: ServerOriginsOutcome): string[] => {
  assert.equal(outcome.kind, 'origins', JSON.stringify(outcome));
  return outcome.kind === 'origins' ? outcome.origins : [];
};
const streamOf = (text: string, chunk = 1024): ReadableStream<Uint8Array<ArrayBuffer>> => {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
};

test('a good answer gives its origins, lower-cased for the request filter', () => {
  const outcome = interpretConnectOriginsReply(SERVER, 'tmc', 200, reply(['https://Tiles.Surakarta.go.id', 'https://api.mapbox.com', 'wss://pmtiles.example:8443']));
  assert.deepEqual(originsOf(outcome), ['https://tiles.surakarta.go.id', 'https://api.mapbox.com', 'wss://pmtiles.example:8443']);
});

test('the server computes the origins with the web wall CSP\'s own function: the shell allows what the web wall allows', () => {
  const settings = { styleUrl: 'https://tiles.surakarta.go.id/styles/dark/style.json', connectOrigins: ['https://pmtiles.surakarta.go.id'], mapboxAccessToken: 'pk.abc.def' };
  const fromServer = originsOf(interpretConnectOriginsReply(SERVER, 'tmc', 200, reply(mapConnectOrigins(settings))));
  assert.deepEqual(fromServer, ['https://tiles.surakarta.go.id', 'https://pmtiles.surakarta.go.id', ...MAPBOX_CONNECT_ORIGINS]);
  const allowed = allowedConnectOrigins(SERVER, mergeConnectOrigins(['ws://10.10.2.20:8000'], fromServer));
  assert.ok(requestAllowed('https://tiles.surakarta.go.id/data/solo/12/3340/2160.pbf', allowed));
  assert.ok(requestAllowed('https://api.mapbox.com/map-sessions/v1?sku=x', allowed));
  assert.ok(requestAllowed('ws://10.10.2.20:8000/live/x.flv', allowed), 'the provisioned origins stay');
  assert.ok(!requestAllowed('https://tiles.surakarta.go.id/data/solo/12/3340/2160.pbf', allowedConnectOrigins(SERVER, ['ws://10.10.2.20:8000'])), 'without the server\'s origins the tiles are blocked');
  assert.match(wallPageCsp(SERVER, mergeConnectOrigins([], fromServer)), /connect-src [^;]*https:\/\/tiles\.surakarta\.go\.id[^;]*https:\/\/api\.mapbox\.com/);
});

test('refused whole, nothing widened: paths, wildcards, other schemes, too many, another wall, not JSON, an error', () => {
  const refused = (status: number, body: string | null): string => {
    const outcome = interpretConnectOriginsReply(SERVER, 'tmc', status, body);
    assert.equal(outcome.kind, 'refused', `${body}: ${JSON.stringify(outcome)}`);
    return outcome.kind === 'refused' ? outcome.detail : '';
  };
  for (const bad of ['https://tiles.example/styles', 'https://*.example', '*', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/plain,x', "https://a.example 'unsafe-eval'", 'https://a.example;script-src *']) {
    assert.match(refused(200, reply(['https://ok.example', bad])), /answer not understood: origins\.1: must be an origin/);
  }
  assert.match(refused(200, reply(Array.from({ length: 33 }, (_, i) => `https://t${i}.example`))), /origins/);
  assert.match(refused(200, JSON.stringify({ wallId: 'tmc', origins: [], extra: true })), /answer not understood/);
  assert.match(refused(200, reply(['https://ok.example'], 'other')), /for wall "other", not "tmc"/);
  assert.match(refused(200, '<!doctype html><title>Pantau</title>'), /not JSON/);
  assert.match(refused(403, JSON.stringify({ error: { code: 'forbidden', message: 'this token is not for wall "tmc"\nFAKE LOG LINE' } })), /^HTTP 403: this token is not for wall "tmc"\?FAKE LOG LINE$/);
  assert.match(refused(401, '{}'), /^HTTP 401$/);
  assert.match(refused(200, null), /answer over 8192 bytes/);
});

test('a 5xx or 429 is the server not being ready: worth asking again', () => {
  assert.equal(interpretConnectOriginsReply(SERVER, 'tmc', 503, 'busy').kind, 'unreachable');
  assert.equal(interpretConnectOriginsReply(SERVER, 'tmc', 429, '{}').kind, 'unreachable');
});

test('a remote server cannot open the wall pages to the workstation\'s own loopback; a server on loopback can', () => {
  const local = ['http://localhost:9222', 'ws://127.0.0.1:9229', 'http://0.0.0.0:80', 'https://tiles.example'];
  const outcome = interpretConnectOriginsReply(SERVER, 'tmc', 200, reply(local));
  assert.deepEqual(originsOf(outcome), ['https://tiles.example']);
  assert.deepEqual(outcome.kind === 'origins' ? outcome.dropped : [], local.slice(0, 3));
  assert.deepEqual(originsOf(interpretConnectOriginsReply('http://127.0.0.1:8080', 'tmc', 200, reply(local))), local);
});

test('a body is read only up to its limit', async () => {
  assert.equal(await readBoundedText(streamOf('{"a":1}'), 100), '{"a":1}');
  assert.equal(await readBoundedText(streamOf('x'.repeat(10_000)), 8192), null);
  assert.equal(await readBoundedText(null, 10), '');
});

test('the request carries the device token to the wall\'s path; failures are named, never thrown', async () => {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const answering = (status: number, body: string): OriginsFetch => async (url, init) => {
    calls.push({ url, headers: init.headers });
    return { status, body: streamOf(body) };
  };
  assert.deepEqual(originsOf(await fetchServerConnectOrigins(SERVER, 'tmc', DEVICE_TOKEN, answering(200, reply(['https://tiles.example'])))), ['https://tiles.example']);
  assert.equal(calls[0]?.url, 'http://10.10.1.5:8080/api/walls/tmc/connect-origins');
  assert.equal(calls[0]?.headers.authorization, `Bearer ${DEVICE_TOKEN}`);
  await fetchServerConnectOrigins(SERVER, 'tmc', null, answering(200, reply([])));
  assert.equal(calls[1]?.headers.authorization, undefined, 'no token, no header (the open demo server)');

  const huge = await fetchServerConnectOrigins(SERVER, 'tmc', DEVICE_TOKEN, answering(200, reply(['https://a.example']) + ' '.repeat(100_000)));
  assert.equal(huge.kind, 'refused');
  const refusedConnection = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  const down = await fetchServerConnectOrigins(SERVER, 'tmc', DEVICE_TOKEN, () => Promise.reject(refusedConnection));
  assert.deepEqual(down, { kind: 'unreachable', detail: 'ECONNREFUSED' });
});

test('merge: the provisioning file\'s origins and the server\'s, each once', () => {
  assert.deepEqual(mergeConnectOrigins(['ws://10.0.0.9:8000', 'https://tiles.example'], ['https://tiles.example', 'https://api.mapbox.com']), ['ws://10.0.0.9:8000', 'https://tiles.example', 'https://api.mapbox.com']);
  assert.deepEqual(mergeConnectOrigins([], []), []);
});

test('plan: add only what is new; reload the windows only when they are open and something was added', () => {
  const allowed = ['http://10.10.1.5:8080', 'https://tiles.example'];
  assert.deepEqual(serverOriginsPlan(allowed, ['https://tiles.example'], true), { add: [], reloadWindows: false });
  assert.deepEqual(serverOriginsPlan(allowed, ['https://api.mapbox.com'], false), { add: ['https://api.mapbox.com'], reloadWindows: false });
  assert.deepEqual(serverOriginsPlan(allowed, ['https://api.mapbox.com', 'https://tiles.example'], true), { add: ['https://api.mapbox.com'], reloadWindows: true });
});

function learnerWith(outcomes: ServerOriginsOutcome[]): { learner: ServerOriginsLearner; learned: (readonly string[])[]; lines: string[]; delays: number[]; fire(): void } {
  const learned: (readonly string[])[] = [];
  const lines: string[] = [];
  const delays: number[] = [];
  let pending: (() => void) | null = null;
  const learner = new ServerOriginsLearner({
    attempt: async () => outcomes.shift() ?? { kind: 'unreachable', detail: 'no more' },
    onLearned: (origins) => learned.push(origins),
    log: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
    schedule: (run, ms) => {
      delays.push(ms);
      pending = run;
      return { cancel: () => (pending = null) };
    },
    random: () => 0.5,
  });
  return { learner, learned, lines, delays, fire: () => pending?.() };
}

test('server up at start: the origins arrive before the windows open, asked once', async () => {
  const { learner, learned, delays } = learnerWith([{ kind: 'origins', origins: ['https://tiles.example'], dropped: [] }]);
  assert.equal((await learner.start()).kind, 'origins');
  assert.deepEqual(learned, [['https://tiles.example']]);
  assert.deepEqual(delays, [], 'no retry');
});

test('server down at start: the wall opens with the provisioned origins and learns the server\'s when it answers', async () => {
  const { learner, learned, lines, delays, fire } = learnerWith([
    { kind: 'unreachable', detail: 'ECONNREFUSED' },
    { kind: 'unreachable', detail: 'no answer within 5 s' },
    { kind: 'origins', origins: ['https://tiles.example'], dropped: [] },
  ]);
  assert.equal((await learner.start()).kind, 'unreachable');
  assert.deepEqual(learned, [], 'nothing widened yet: today\'s behaviour');
  assert.match(lines[0] ?? '', /server not reached \(ECONNREFUSED\); the wall uses the provisioning file's origins for now; asking again in 5 s/);
  fire();
  await new Promise((resolve) => setImmediate(resolve));
  fire();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(delays, [5000, 10_000], 'back-off');
  assert.deepEqual(learned, [['https://tiles.example']]);
  fire();
  assert.equal(delays.length, 2, 'done once learnt');
});

test('a garbage answer: one clear line, nothing widened, not asked again; the token never in a line', async () => {
  const { learner, learned, lines, delays } = learnerWith([{ kind: 'refused', detail: 'answer not understood: origins.0: must be an origin' }]);
  await learner.start();
  assert.deepEqual(learned, []);
  assert.deepEqual(delays, []);
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /the server's answer is refused \(answer not understood: origins\.0: must be an origin\); the wall keeps the provisioning file's origins only/);
  assert.ok(!lines.join('\n').includes(DEVICE_TOKEN));
});

test('stop ends the retries (at quit)', async () => {
  const { learner, delays, fire, learned } = learnerWith([{ kind: 'unreachable', detail: 'x' }, { kind: 'origins', origins: ['https://a.example'], dropped: [] }]);
  await learner.start();
  learner.stop();
  fire();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(learned, []);
  assert.equal(delays.length, 1);
});
