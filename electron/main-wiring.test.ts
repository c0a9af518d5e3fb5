import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

/** A fresh folder with main.ts bundled as main.js, the fake Electron as its `electron`, and a userdata folder. */
async function bundledMainIn(prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
  mkdirSync(join(dir, 'userdata'));
  copyFileSync(new URL('./testing/fake-electron.cjs', import.meta.url), join(dir, 'node_modules', 'electron', 'index.js'));
  await build({
    entryPoints: [new URL('./main.ts', import.meta.url).pathname],
    outfile: join(dir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['electron'],
    logLevel: 'error',
    banner: { js: "import { createRequire as __pantauCreateRequire } from 'node:module'; const require = __pantauCreateRequire(import.meta.url);" },
  });
  return dir;
}

/** Runs a scenario against the bundled main process in `dir`: what it printed after RESULT, and its output. */
function runScenario(dir: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, ['scenario.mjs', ...args], { cwd: dir, env: { ...env, PANTAU_FAKE_USER_DATA: join(dir, 'userdata') }, encoding: 'utf8', timeout: 60_000 });
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, `no result; stderr:\n${run.stderr}\nstdout:\n${run.stdout}`);
  return { result: JSON.parse(line.slice('RESULT '.length)), stdout: run.stdout, stderr: run.stderr };
}

// The bundled main process run under Node against a fake Electron (electron/testing/fake-electron.cjs):
// the wiring in main.ts, which the unit tests of the pure modules do not reach, runs for real.
// A scenario script plays a wall PC's day and prints what happened as one JSON line.
const scenario = `
import electron from 'electron';
const { __fake: fake, screen } = electron;
const until = async (check, what) => {
  for (let i = 0; i < 400; i++) { if (check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('timed out waiting for ' + what);
};
await import('./main.js');
const wall = () => fake.windows.filter((w) => !w.destroyed && w.options.title?.startsWith('Pantau'));
await until(() => wall().length === 2 && fake.sent.filter((m) => m.channel === 'pantau:shell-status').length >= 2, 'two windows with their status');
const result = { titles: wall().map((w) => w.options.title), onTop: wall().map((w) => w.options.alwaysOnTop) };
result.status = fake.sent.filter((m) => m.channel === 'pantau:shell-status').at(-1).payload;
const select = fake.ipcHandlers.get('pantau:select-screen');
const [one, two] = wall();
select({ senderFrame: { url: 'https://evil.example/' }, sender: { id: one.webContents.id, mainFrame: null } }, { screenId: '2' });
select({ senderFrame: one.webContents.mainFrame, sender: one.webContents }, { screenId: '2' });
result.selectedAfterForeign = fake.sent.filter((m) => m.channel === 'pantau:shell-status' && m.payload.selected).map((m) => m.to);
fake.webRequest.handler({ url: 'https://tracker.example/' }, (r) => (result.trackerCancelled = r.cancel));
fake.webRequest.handler({ url: 'ws://127.0.0.1:8000/live/x.flv' }, (r) => (result.mediaCancelled = r.cancel));
fake.shortcuts.get('Control+Alt+2')();
fake.shortcuts.get('Control+4')();
result.actions = fake.sent.filter((m) => m.channel === 'pantau:action').map((m) => [m.to === two.webContents.id ? '2' : '1', m.payload]);
one.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
await until(() => one.webContents.reloads === 1, 'the reload');
await until(() => fake.sent.some((m) => m.to === one.webContents.id && m.payload.restarts === 1), 'the status after the reload');
result.afterCrash = fake.sent.filter((m) => m.to === one.webContents.id).at(-1).payload;
fake.displays.pop();
screen.emit('display-removed');
await until(() => two.destroyed, 'the re-plan');
result.afterUnplug = { windows: wall().map((w) => w.options.title), status: fake.sent.at(-1).payload };
result.css = fake.events.some((e) => e[0] === 'insert-css' && String(e[2]).includes('cursor: none'));
result.sleepBlocked = fake.events.some((e) => e[0] === 'power-save-blocker' && e[1] === 'prevent-display-sleep');
console.log('RESULT ' + JSON.stringify(result));
process.exit(0);
`;

test('the main process wiring: windows per display, guarded IPC, request filter, hotkeys, crash reload, re-plan', async () => {
  const dir = await bundledMainIn('pantau-wiring-');
  writeFileSync(join(dir, 'scenario.mjs'), scenario);
  const provisioning = join(dir, 'config.json');
  writeFileSync(provisioning, JSON.stringify({ serverUrl: 'http://127.0.0.1:8080', wallId: 'demo', screens: [{ screenId: '1' }, { screenId: '2' }, { screenId: '3' }] }));
  const { result } = runScenario(dir, ['--config', provisioning, '--global-hotkeys', '--always-on-top'], { ...process.env, PANTAU_CONFIG: '' });

  assert.deepEqual(result.titles, ['Pantau demo/1', 'Pantau demo/2'], 'a window per display; the third screen has none');
  assert.deepEqual(result.onTop, [true, true]);
  assert.deepEqual(result.status.unassignedScreens.map((u: { screenId: string }) => u.screenId), ['3'], 'the remaining screens are told');
  assert.ok(result.status.warnings.some((w: string) => w.includes('Control+1') && w.includes('another application')), 'a held shortcut is reported');
  assert.deepEqual(result.selectedAfterForeign.length > 0 && result.selectedAfterForeign.every((to: number) => to === 1), true, 'neither a foreign frame nor another screen may move the selection');
  assert.equal(result.trackerCancelled, true);
  assert.equal(result.mediaCancelled, false);
  assert.deepEqual(result.actions, [['2', { action: 'layout-4x4' }]], 'the global layout key reached the selected screen 2');
  assert.equal(result.afterCrash.restarts, 1);
  assert.equal(result.afterCrash.lastCrash.reason, 'renderer-crashed');
  assert.deepEqual(result.afterUnplug.windows, ['Pantau demo/1'], 'an unplugged monitor closes its window; nothing is stacked');
  assert.deepEqual(result.afterUnplug.status.unassignedScreens.map((u: { screenId: string }) => u.screenId), ['2', '3']);
  assert.equal(result.css, true, 'the idle-cursor CSS is injected');
  assert.equal(result.sleepBlocked, true);
});

// First run: nothing names a server. The same bundle opens one setup window; a save from that
// window (and only from it) writes the settings, opens the wall windows and closes the setup.
const firstRun = `
import electron from 'electron';
const { __fake: fake } = electron;
const until = async (check, what) => {
  for (let i = 0; i < 400; i++) { if (check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('timed out waiting for ' + what);
};
await import('./main.js');
await until(() => fake.windows.length === 1 && fake.ipcHandlers.has('pantau:setup-save'), 'the setup window');
const [setup] = fake.windows;
setup.webContents.mainFrame = { url: 'app://pantau/setup/index.html' };
const from = (w) => ({ senderFrame: w.webContents.mainFrame, sender: w.webContents });
const result = { setupTitle: setup.options.title, setupUrl: setup.url };
result.described = await fake.ipcHandlers.get('pantau:setup-describe')(from(setup), undefined);
result.badSave = await fake.ipcHandlers.get('pantau:setup-save')(from(setup), { serverUrl: 'http://10.0.0.2:8080', screens: [{ screenId: '1', display: { position: 1 } }, { screenId: '2', display: { position: 1 } }] });
result.save = await fake.ipcHandlers.get('pantau:setup-save')(from(setup), { serverUrl: 'http://10.0.0.2:8080', wallId: 'demo', screens: [{ screenId: '2', display: { position: 1 } }, { screenId: '1', display: { position: 2 } }] });
await until(() => setup.destroyed, 'the setup window closing');
const wall = fake.windows.filter((w) => !w.destroyed);
result.wall = wall.map((w) => [w.options.title, w.bounds.x]);
result.wallFromSetup = await fake.ipcHandlers.get('pantau:setup-save')(from(wall[0]), { wallId: 'evil' });
console.log('RESULT ' + JSON.stringify(result));
process.exit(0);
`;

test('first run: no server configured opens one setup window; its save opens the wall and closes the setup', async () => {
  const dir = await bundledMainIn('pantau-first-run-');
  writeFileSync(join(dir, 'scenario.mjs'), firstRun);
  // An empty machine file (nothing provisioned), so that a real /etc/pantau/config.json cannot interfere.
  writeFileSync(join(dir, 'empty.json'), '{}');
  // No PANTAU_* variable may name a server here; a machine file in /etc would make this a configured machine.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PANTAU_')));
  const { result } = runScenario(dir, ['--config', join(dir, 'empty.json')], env);
  assert.equal(result.setupTitle, 'Pantau — Setup');
  assert.equal(result.setupUrl, 'app://pantau/setup/index.html');
  assert.equal(result.described.ok, true);
  assert.deepEqual(result.described.value.displays.map((d: { label: string }) => d.label), ['LEFT', 'RIGHT']);
  assert.equal(result.described.value.current.serverUrl, null);
  assert.ok(!result.badSave.ok && /display 1 already shows screen 1/.test(result.badSave.error), 'two screens on one display are refused');
  assert.deepEqual(result.save, { ok: true, value: { saved: true } });
  assert.deepEqual(result.wall, [['Pantau demo/2', 0], ['Pantau demo/1', 1920]], 'the wall opens with the chosen screens on the chosen displays');
  assert.ok(!result.wallFromSetup.ok && /did not create/.test(result.wallFromSetup.error), 'a wall window cannot use the setup channels');
  const saved = JSON.parse(readFileSync(join(dir, 'userdata', 'pantau-settings.json'), 'utf8'));
  assert.deepEqual(saved.config, { serverUrl: 'http://10.0.0.2:8080', wallId: 'demo', screens: [{ screenId: '2', display: { position: 1 } }, { screenId: '1', display: { position: 2 } }] });
});

// The server's map origins: down when the wall starts (the windows open with the provisioning
// file's origins, as before), then it answers: the request filter and the CSP widen by the
// server's origins and the wall windows reload once so their pages get the new header.
const DEVICE_TOKEN = 'pantau_dt_wiring-device-token-0123456789abcdef';
const serverOrigins = `
import electron from 'electron';
const { __fake: fake } = electron;
const until = async (check, what) => {
  for (let i = 0; i < 400; i++) { if (check()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('timed out waiting for ' + what);
};
const asked = [];
let serverUp = false;
fake.net.answer = async (url, init) => {
  if (url.startsWith('file:')) return new Response('<!doctype html>', { status: 200 });
  asked.push({ url, authorization: init.headers.authorization });
  if (!serverUp) throw Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
  return new Response(JSON.stringify({ wallId: 'demo', origins: ['https://tiles.surakarta.go.id', 'https://api.mapbox.com'] }), { status: 200 });
};
await import('./main.js');
const wall = () => fake.windows.filter((w) => !w.destroyed && w.options.title?.startsWith('Pantau'));
const page = async () => (await fake.protocolHandlers.get('app')({ url: 'app://pantau/index.html' })).headers.get('content-security-policy');
const tileAllowed = () => new Promise((resolve) => fake.webRequest.handler({ url: 'https://tiles.surakarta.go.id/solo/12/3340/2160.pbf' }, (r) => resolve(!r.cancel)));
await until(() => wall().length === 2, 'the wall windows');
const result = { before: { csp: await page(), tileAllowed: await tileAllowed(), reloads: wall().map((w) => w.webContents.reloads) } };
serverUp = true;
await until(() => wall().every((w) => w.webContents.reloads === 1), 'the reload after the server answered');
result.after = { csp: await page(), tileAllowed: await tileAllowed(), otherBlocked: !(await new Promise((resolve) => fake.webRequest.handler({ url: 'https://evil.example/' }, (r) => resolve(!r.cancel)))) };
result.asked = asked;
console.log('RESULT ' + JSON.stringify(result));
process.exit(0);
`;

test('map origins from the server: unreachable at start keeps the provisioned origins; when it answers, CSP and filter widen and the wall reloads once', async () => {
  const dir = await bundledMainIn('pantau-origins-');
  writeFileSync(join(dir, 'scenario.mjs'), serverOrigins);
  const provisioning = join(dir, 'config.json');
  writeFileSync(provisioning, JSON.stringify({ serverUrl: 'http://10.10.1.5:8080', wallId: 'demo', token: DEVICE_TOKEN, connectOrigins: ['ws://10.10.2.20:8000'], screens: [{ screenId: '1' }, { screenId: '2' }] }));
  const { result, stdout, stderr } = runScenario(dir, ['--config', provisioning], { ...process.env, PANTAU_CONFIG: '' });

  assert.match(result.before.csp, /connect-src 'self' http:\/\/10\.10\.1\.5:8080 ws:\/\/10\.10\.1\.5:\* http:\/\/10\.10\.1\.5:\* ws:\/\/10\.10\.2\.20:8000;/, 'the provisioned origins, as before');
  assert.equal(result.before.tileAllowed, false);
  assert.deepEqual(result.before.reloads, [0, 0]);
  assert.match(result.after.csp, /connect-src [^;]*ws:\/\/10\.10\.2\.20:8000 https:\/\/tiles\.surakarta\.go\.id https:\/\/api\.mapbox\.com;/);
  assert.equal(result.after.tileAllowed, true);
  assert.equal(result.after.otherBlocked, true);
  assert.ok(result.asked.length >= 2, 'asked at start, and again');
  for (const request of result.asked) {
    assert.equal(request.url, 'http://10.10.1.5:8080/api/walls/demo/connect-origins');
    assert.equal(request.authorization, `Bearer ${DEVICE_TOKEN}`);
  }
  const logged = `${stdout.split('\n').filter((l) => !l.startsWith('RESULT ')).join('\n')}${stderr}`;
  assert.ok(!logged.includes(DEVICE_TOKEN), 'the device token is never logged');
  assert.match(stderr, /connect origins: server not reached \(ECONNREFUSED\)/);
  assert.match(stdout, /connect origins widened after the wall opened: 2 wall windows reloaded/);
});
