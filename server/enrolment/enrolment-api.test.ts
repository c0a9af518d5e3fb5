import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Principal } from '../../protocol/auth.js';
import { CreateEnrolmentCodeReplySchema, ExchangeEnrolmentCodeReplySchema } from '../../protocol/enrolment.js';
import { DeviceTokens, InMemoryDeviceTokenRepository } from './device-tokens.js';
import { createEnrolmentApi } from './enrolment-api.js';
import { EnrolmentCodes } from './enrolment-codes.js';

const supervisor: Principal = { userId: 'sari', name: 'Sari', role: 'supervisor', walls: '*' };
const operator: Principal = { userId: 'budi', name: 'Budi', role: 'operator', walls: ['tmc'] };
let clock = Date.parse('2026-11-23T08:00:00Z');
const repository = new InMemoryDeviceTokenRepository();
const tokens = new DeviceTokens(repository, () => new Date(clock));
const codes = new EnrolmentCodes(() => clock);
let server: Server;
let base: string;

before(async () => {
  const api = createEnrolmentApi({ codes, tokens, authenticate: (token) => ({ 'sup-token': supervisor, 'op-token': operator })[token], now: () => clock });
  server = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end('not ours');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(path: string, body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

test('a supervisor creates a code; the workstation exchanges it once for a device token that resolves to its principal', async () => {
  const created = await post('/api/enrolment/codes', { workstationId: 'tmc-wall-01', walls: ['tmc'] }, 'sup-token');
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { code, expiresAt } = CreateEnrolmentCodeReplySchema.parse(created.body);
  assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  assert.equal(expiresAt, '2026-11-23T08:15:00.000Z');

  const exchanged = await post('/api/enrolment/exchange', { code: code.toLowerCase(), machineName: 'WALL-PC-01' });
  assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
  const reply = ExchangeEnrolmentCodeReplySchema.parse(exchanged.body);
  assert.deepEqual(tokens.resolveDeviceToken(reply.deviceToken), { userId: 'tmc-wall-01', name: 'workstation WALL-PC-01', role: 'operator', walls: ['tmc'], workstationId: 'tmc-wall-01' });
  assert.ok(!JSON.stringify(repository.list()).includes(reply.deviceToken), 'only a hash of the token is stored');

  const again = await post('/api/enrolment/exchange', { code, machineName: 'WALL-PC-01' });
  assert.equal(again.status, 400);
  assert.match(JSON.stringify(again.body), /invalid-code/);
});

test('an expired code is refused; a revoked token resolves to nobody', async () => {
  const { code } = CreateEnrolmentCodeReplySchema.parse((await post('/api/enrolment/codes', { workstationId: 'tmc-wall-02', walls: '*', validMinutes: 5 }, 'sup-token')).body);
  clock += 6 * 60_000;
  assert.equal((await post('/api/enrolment/exchange', { code, machineName: 'PC' })).status, 400);
  const fresh = CreateEnrolmentCodeReplySchema.parse((await post('/api/enrolment/codes', { workstationId: 'tmc-wall-02', walls: '*' }, 'sup-token')).body);
  const { deviceToken } = ExchangeEnrolmentCodeReplySchema.parse((await post('/api/enrolment/exchange', { code: fresh.code, machineName: 'PC' })).body);
  assert.ok(tokens.resolveDeviceToken(deviceToken));
  assert.ok(tokens.revoke('tmc-wall-02'));
  assert.equal(tokens.resolveDeviceToken(deviceToken), undefined);
  assert.equal(tokens.resolveDeviceToken('pantau_dt_guess'), undefined);
});

test('only supervisors create codes; bad requests are answered clearly and change nothing', async () => {
  assert.equal((await post('/api/enrolment/codes', { workstationId: 'x', walls: '*' })).status, 401);
  assert.equal((await post('/api/enrolment/codes', { workstationId: 'x', walls: '*' }, 'op-token')).status, 403);
  const bad = await post('/api/enrolment/codes', { workstationId: 'X Y', walls: [], role: 'supervisor' }, 'sup-token');
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /workstationId/);
  assert.match(JSON.stringify(bad.body), /role/);
  const notJson = await fetch(`${base}/api/enrolment/exchange`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
  assert.equal(notJson.status, 415);
  assert.equal((await fetch(`${base}/api/enrolment/exchange`)).status, 405);
  assert.equal((await fetch(`${base}/elsewhere`)).status, 404, 'other paths are left to the next handler');
  assert.equal(repository.list().filter((r) => r.workstationId === 'x').length, 0);
});

test('guessing codes from one address is stopped after ten wrong tries', async () => {
  clock += 11 * 60_000; // earlier tests' wrong codes out of the window
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await post('/api/enrolment/exchange', { code: 'AAAA-AAAA', machineName: 'guesser' })).status);
  assert.deepEqual(statuses.slice(-2), [400, 429]);
  clock += 11 * 60_000;
  assert.equal((await post('/api/enrolment/exchange', { code: 'AAAA-AAAA', machineName: 'guesser' })).status, 400, 'allowed to try again later');
});
