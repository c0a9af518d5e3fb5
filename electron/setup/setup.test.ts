import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PROTOCOL_VERSION, type Hello, type WorkstationConfigLayer } from '../../protocol/index.js';
import { SETUP_CHANNELS, SetupSaveRequestSchema, interpretHealthz, normaliseServerUrl } from '../../protocol/workstation-config-setup.js';
import { resolveConfig } from '../config/workstation-config.js';
import { guardMessage } from '../security/ipc-guard.js';
import { SetupSession, type SetupSessionDeps } from './setup-session.js';
import { startupMode } from './startup-mode.js';
import { listWallScreens } from './wall-screens.js';

const noFiles = (): string | null => null;
const provisioned = (file: string): string | null => (file === '/etc/pantau/config.json' ? JSON.stringify({ wallId: 'tmc', screens: [{ screenId: 'a' }] }) : null);

test('a fresh install (nothing names a server) opens the setup; any layer naming one opens the wall; --setup forces it', () => {
  const fresh = resolveConfig({ argv: [], env: {}, platform: 'linux', read: noFiles });
  assert.equal(startupMode(fresh.sources, []).mode, 'setup');
  assert.match((startupMode(fresh.sources, []) as { reason: string }).reason, /no server configured/);
  const saved = resolveConfig({ argv: [], env: {}, platform: 'linux', read: noFiles, local: { serverUrl: 'http://10.0.0.2:8080' } });
  assert.deepEqual(startupMode(saved.sources, []), { mode: 'wall' });
  const flag = resolveConfig({ argv: ['--server=http://10.0.0.3:8080'], env: {}, platform: 'linux', read: noFiles });
  assert.deepEqual(startupMode(flag.sources, []), { mode: 'wall' });
  const env = resolveConfig({ argv: [], env: { PANTAU_SERVER_URL: 'http://10.0.0.4:8080' }, platform: 'linux', read: noFiles });
  assert.deepEqual(startupMode(env.sources, []), { mode: 'wall' });
  assert.equal(startupMode(saved.sources, ['--setup']).mode, 'setup');
});

test('the health check says what is wrong: another program, another protocol, an HTTP error', () => {
  assert.deepEqual(interpretHealthz('http://s:8080', 200, { ok: true, protocolVersion: PROTOCOL_VERSION }), { ok: true, serverUrl: 'http://s:8080', protocolVersion: PROTOCOL_VERSION });
  const older = interpretHealthz('http://s:8080', 200, { ok: true, protocolVersion: PROTOCOL_VERSION - 1 });
  assert.ok(!older.ok && older.problem === 'protocol-mismatch' && older.serverProtocol === PROTOCOL_VERSION - 1);
  const nginx = interpretHealthz('http://s', 200, '<html>');
  assert.ok(!nginx.ok && nginx.problem === 'not-pantau');
  const missing = interpretHealthz('http://s', 404, null);
  assert.ok(!missing.ok && missing.problem === 'not-pantau');
  const broken = interpretHealthz('http://s', 502, null);
  assert.ok(!broken.ok && broken.problem === 'http-error' && broken.detail === 'HTTP 502');
});

test('what IT types becomes a server origin, or nothing', () => {
  assert.equal(normaliseServerUrl(' 10.10.1.5:8080 '), 'http://10.10.1.5:8080');
  assert.equal(normaliseServerUrl('https://pantau.polri.example/wall/'), 'https://pantau.polri.example');
  assert.equal(normaliseServerUrl('ftp://10.0.0.1'), null);
  assert.equal(normaliseServerUrl('javascript:alert(1)'), null);
  assert.equal(normaliseServerUrl('10.0.0.1 8080'), null);
  assert.equal(normaliseServerUrl(''), null);
});

test('the save payload is validated: no screen twice, no display twice, no unknown field, no bad URL', () => {
  assert.ok(SetupSaveRequestSchema.safeParse({ serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', screens: [{ screenId: '1', display: { position: 2 } }] }).success);
  const twice = SetupSaveRequestSchema.safeParse({ screens: [{ screenId: '1', display: { position: 1 } }, { screenId: '2', display: { position: 1 } }] });
  assert.ok(!twice.success);
  assert.match(twice.error.issues.map((i) => i.message).join(' '), /display 1 already shows screen 1/);
  assert.ok(!SetupSaveRequestSchema.safeParse({ screens: [{ screenId: '1', display: { position: 1 } }, { screenId: '1', display: { position: 2 } }] }).success);
  assert.ok(!SetupSaveRequestSchema.safeParse({ serverUrl: 'file:///etc/passwd' }).success);
  assert.ok(!SetupSaveRequestSchema.safeParse({ token: 'x' }).success, 'the page cannot set a token');
});

test('the setup channels are answered only for the setup window showing app://pantau', () => {
  const isSetup = (id: number): boolean => id === 7;
  const handle = (value: unknown): unknown => value;
  const fromSetup = { frameUrl: 'app://pantau/setup/index.html', isMainFrame: true, webContentsId: 7 };
  assert.ok(guardMessage(fromSetup, { serverUrl: 'http://10.0.0.2:8080' }, SetupSaveRequestSchema, isSetup, handle).ok);
  const fromWall = guardMessage({ ...fromSetup, webContentsId: 3 }, { serverUrl: 'http://10.0.0.2:8080' }, SetupSaveRequestSchema, isSetup, handle);
  assert.ok(!fromWall.ok && /did not create/.test(fromWall.error), 'a wall window cannot rewrite the settings');
  const bad = guardMessage(fromSetup, { wallId: 'Bad Wall' }, SetupSaveRequestSchema, isSetup, handle);
  assert.ok(!bad.ok && /wallId/.test(bad.error));
});

test('the preload names the same setup channels as the main process', () => {
  const preload = readFileSync(new URL('../preload.cts', import.meta.url), 'utf8');
  for (const channel of Object.values(SETUP_CHANNELS)) assert.ok(preload.includes(`'${channel}'`), channel);
});

/** A session with stand-ins for the shell's parts; records what it saved and stored. */
function session(overrides: Partial<SetupSessionDeps> & { read?: (file: string) => string | null; vaultUsable?: boolean } = {}) {
  let local: WorkstationConfigLayer = {};
  const stored: string[] = [];
  const saved: WorkstationConfigLayer[] = [];
  let openedWall = 0;
  const read = overrides.read ?? noFiles;
  const resolve = (layer: WorkstationConfigLayer) => resolveConfig({ argv: [], env: {}, platform: 'linux', read, local: layer, storedToken: stored.at(-1) ?? null });
  const deps: SetupSessionDeps = {
    machineName: 'wall-pc-01',
    displays: () => [
      { id: 22, label: 'RIGHT', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
      { id: 21, label: 'LEFT', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    ],
    resolved: () => resolve(local),
    localLayer: () => local,
    resolveWith: resolve,
    vault: {
      status: () => (overrides.vaultUsable === false ? { usable: false, reason: 'no keyring' } : { usable: true }),
      store: (token) => void stored.push(token),
    },
    fetchHealth: () => Promise.reject(new Error('no network')),
    fetchEnrol: async () => ({ status: 200, json: async () => ({ workstationId: 'tmc-wall-01', deviceToken: 'd'.repeat(40), role: 'operator', walls: ['tmc'] }) }),
    hello: () => Promise.reject(new Error('no network')),
    saveLayer: (layer) => {
      local = layer;
      saved.push(layer);
    },
    onSaved: () => void (openedWall += 1),
    ...overrides,
  };
  return { setup: new SetupSession(deps), stored, saved, opened: () => openedWall };
}

test('describe lists the displays left to right, nothing configured yet, nothing locked, in Indonesian', () => {
  const { setup } = session();
  const description = setup.describe();
  assert.deepEqual(description.displays.map((d) => [d.number, d.label]), [[1, 'LEFT'], [2, 'RIGHT']]);
  assert.deepEqual(description.current, { serverUrl: null, wallId: null, language: 'id', screens: null });
  assert.deepEqual(description.locked, []);
  assert.equal(description.language, 'id');
  assert.equal(description.enrolled, false);
});

test('keys from the provisioning file are locked: shown, and a save that changes them is refused', () => {
  const { setup, saved } = session({ read: provisioned });
  const description = setup.describe();
  assert.deepEqual(description.locked, ['wallId', 'screens']);
  assert.equal(description.current.wallId, 'tmc');
  const refusedSave = setup.save({ serverUrl: 'http://10.0.0.2:8080', wallId: 'other' });
  assert.ok(!refusedSave.saved && /wallId: set by the provisioning file/.test(refusedSave.error));
  assert.equal(saved.length, 0);
  assert.deepEqual(setup.save({ serverUrl: 'http://10.0.0.2:8080' }), { saved: true });
});

test('save writes the settings and opens the wall once; the enrolled token goes to the vault, never to the page or the file', async () => {
  const { setup, stored, saved, opened } = session();
  const enrolled = await setup.enrol('http://10.0.0.2:8080', '7kqm-r2xd');
  assert.deepEqual(enrolled, { ok: true, workstationId: 'tmc-wall-01', role: 'operator' });
  assert.equal(JSON.stringify(enrolled).includes('dddd'), false);
  assert.equal(stored.length, 0, 'nothing is kept until IT saves');
  const result = setup.save({ serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', language: 'en', screens: [{ screenId: '2', display: { position: 1 } }, { screenId: '1', display: { position: 2 } }] });
  assert.deepEqual(result, { saved: true });
  assert.deepEqual(saved, [{ serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', language: 'en', screens: [{ screenId: '2', display: { position: 1 } }, { screenId: '1', display: { position: 2 } }] }]);
  assert.deepEqual(stored, ['d'.repeat(40)]);
  assert.equal(opened(), 1);
  assert.ok(!setup.save({ serverUrl: 'http://10.0.0.2:8080' }).saved, 'a second save does not open a second wall');
});

test('a save without a server stays in the setup; enrolment is refused before spending the code where the token cannot be kept encrypted', async () => {
  const { setup, saved } = session({ vaultUsable: false });
  const noServer = setup.save({ wallId: 'tmc' });
  assert.ok(!noServer.saved && /server address is needed/.test(noServer.error));
  assert.equal(saved.length, 0);
  let exchanged = false;
  const guarded = session({ vaultUsable: false, fetchEnrol: async () => ((exchanged = true), { status: 200, json: async () => ({}) }) });
  const result = await guarded.setup.enrol('http://10.0.0.2:8080', '7KQMR2XD');
  assert.ok(!result.ok && result.problem === 'no-safe-storage');
  assert.equal(exchanged, false);
});

test('the wall screens come from a workstation hello; an unknown first guess is retried with a screen the server names', async () => {
  const hellos: Hello[] = [];
  const wallReply = (screenIds: string[]) => ({
    ok: true,
    session: { userId: 'open', name: 'open', role: 'operator', mayOperate: true, workstationId: null },
    catchUp: { kind: 'snapshot', snapshot: { wall: { id: 'tmc', name: 'TMC Solo', screens: screenIds.map((id) => ({ id, name: `Layar ${id}` })) } } },
  });
  // The snapshot above is partial: the real HelloReplySchema refuses it, which this test also shows.
  const partial = await listWallScreens('http://s', 'tmc', null, 'pc', async (_url, hello) => (hellos.push(hello), wallReply(['1'])));
  assert.ok(!partial.ok && partial.problem === 'bad-reply');
  assert.equal(hellos[0]?.clientKind, 'workstation');
  const retried: string[] = [];
  const unknown = await listWallScreens('http://s', 'tmc', null, 'pc', async (_url, hello) => {
    retried.push(hello.screenId);
    return { ok: false, error: { code: 'unknown-screen', message: 'hello refused', issues: [{ field: 'screenId', reason: 'wall "tmc" has no screen "1" (it has: left, right)' }] } };
  });
  assert.deepEqual(retried, ['1', 'left'], 'at most two hellos');
  assert.ok(!unknown.ok);
  const noWall = await listWallScreens('http://s', 'nope', null, 'pc', async () => ({ ok: false, error: { code: 'unknown-wall', message: 'hello refused', issues: [{ field: 'wallId', reason: 'no wall "nope" on this server' }] } }));
  assert.deepEqual(noWall, { ok: false, problem: 'unknown-wall', detail: 'no wall "nope" on this server' });
  const down = await listWallScreens('http://s', 'tmc', null, 'pc', async () => Promise.reject(new Error('cannot connect: xhr poll error')));
  assert.ok(!down.ok && down.problem === 'unreachable');
});
