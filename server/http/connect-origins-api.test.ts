import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { MAPBOX_CONNECT_ORIGINS, WallConnectOriginsErrorSchema, WallConnectOriginsReplySchema, wallConnectOriginsPath } from '../../protocol/index.js';
import { startServer, type RunningServer } from '../app.js';
import { tokenSha256 } from '../auth/user-directory.js';
import { defaultServerOptions } from '../config/server-options.js';
import { TEST_CATALOGUE, TEST_WALLS } from '../../e2e/support/test-server.js';
import { findFreePort } from '../net/port-check.js';

// The real server on loopback with a users file and a walls file whose map section names a city
// style, an extra tile origin and a Mapbox public token: what the Electron shell asks at start.
const TOKENS = { budi: 'token-budi-operator-0001', tono: 'token-tono-other-wall-01', vina: 'token-vina-viewer-000001', sari: 'token-sari-supervisor-01', kiosk: 'token-kiosk-viewer-demo-1' };
const PUBLIC_TOKEN = 'pk.eyJ1IjoicGFudGF1LXRlc3QiLCJhIjoidGVzdCJ9.dGVzdC1zaWduYXR1cmU';
let server: RunningServer;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-origins-'));
  const usersPath = join(dir, 'users.json');
  writeFileSync(usersPath, JSON.stringify({
    users: [
      { id: 'budi', name: 'Budi', role: 'operator', walls: ['demo'], tokenSha256: [tokenSha256(TOKENS.budi)] },
      { id: 'tono', name: 'Tono', role: 'operator', walls: ['tangerang'], tokenSha256: [tokenSha256(TOKENS.tono)] },
      { id: 'vina', name: 'Vina', role: 'viewer', walls: ['tangerang'], tokenSha256: [tokenSha256(TOKENS.vina)] },
      { id: 'kiosk', name: 'Kiosk', role: 'viewer', walls: ['demo'], tokenSha256: [tokenSha256(TOKENS.kiosk)] },
      { id: 'sari', name: 'Sari', role: 'supervisor', tokenSha256: [tokenSha256(TOKENS.sari)] },
    ],
  }));
  const walls = JSON.parse(readFileSync(TEST_WALLS, 'utf8')) as { walls: unknown[] };
  const wallsPath = join(dir, 'walls.json');
  writeFileSync(wallsPath, JSON.stringify({
    ...walls,
    map: { styleUrl: 'https://tiles.surakarta.go.id/styles/solo-dark/style.json?key=abc', connectOrigins: ['https://pmtiles.surakarta.go.id'], mapboxAccessToken: PUBLIC_TOKEN },
  }));
  server = await startServer({
    ...defaultServerOptions(),
    host: '127.0.0.1',
    port: await findFreePort(), rtmpPort: await findFreePort(), mediaHttpPort: await findFreePort(),
    simulate: false, wallsPath, cataloguePath: TEST_CATALOGUE, usersPath, dataDir: join(dir, 'data'), cacheDir: join(dir, 'cache'),
  });
});
after(async () => {
  await server.close();
});

async function get(path: string, token?: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const EXPECTED = ['https://tiles.surakarta.go.id', 'https://pmtiles.surakarta.go.id', ...MAPBOX_CONNECT_ORIGINS];

test('a token scoped to the wall gets its map origins: the style, the extra origins and Mapbox with a token; never the token itself', async () => {
  for (const token of [TOKENS.budi, TOKENS.kiosk, TOKENS.sari]) {
    const answer = await get(wallConnectOriginsPath('demo'), token);
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(WallConnectOriginsReplySchema.parse(JSON.parse(answer.text)), { wallId: 'demo', origins: EXPECTED });
    assert.ok(!answer.text.includes('pk.'), 'the Mapbox token is not in the answer');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
  }
});

test('the web wall CSP allows the very same origins (one computation for both kinds of wall)', async () => {
  const csp = (await get('/?wall=demo&screen=1')).headers.get('content-security-policy') ?? '';
  const connectSrc = /connect-src ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
  for (const origin of EXPECTED) assert.ok(connectSrc.includes(origin), `${origin} in ${csp}`);
});

test('no token is 401, an unknown token 401, a token of another wall 403, an unknown wall 404, a POST 405', async () => {
  const noToken = await get(wallConnectOriginsPath('demo'));
  assert.equal(noToken.status, 401);
  assert.equal(WallConnectOriginsErrorSchema.parse(JSON.parse(noToken.text)).error.code, 'unauthorized');
  assert.equal((await get(wallConnectOriginsPath('demo'), 'guessed-token')).status, 401);
  for (const token of [TOKENS.tono, TOKENS.vina]) {
    const other = await get(wallConnectOriginsPath('demo'), token);
    assert.equal(other.status, 403, `operator or viewer of another wall: ${other.text}`);
    assert.ok(!other.text.includes('tiles.surakarta'), 'a refusal names no origin');
  }
  assert.equal((await get(wallConnectOriginsPath('tangerang'), TOKENS.tono)).status, 404, 'scoped to it, but this server has no such wall');
  assert.equal((await get(wallConnectOriginsPath('nowhere'), TOKENS.tono)).status, 403, 'a token learns nothing about walls outside its scope');
  const post = await fetch(`${server.url}${wallConnectOriginsPath('demo')}`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.budi}` } });
  assert.equal(post.status, 405);
});
