import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

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
  const dir = mkdtempSync(join(tmpdir(), 'pantau-wiring-'));
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
  writeFileSync(join(dir, 'scenario.mjs'), scenario);
  const provisioning = join(dir, 'config.json');
  writeFileSync(provisioning, JSON.stringify({ serverUrl: 'http://127.0.0.1:8080', wallId: 'demo', screens: [{ screenId: '1' }, { screenId: '2' }, { screenId: '3' }] }));
  const run = spawnSync(process.execPath, ['scenario.mjs', '--config', provisioning, '--global-hotkeys', '--always-on-top'], {
    cwd: dir,
    env: { ...process.env, PANTAU_FAKE_USER_DATA: join(dir, 'userdata'), PANTAU_CONFIG: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  assert.ok(line, `no result; stderr:\n${run.stderr}\nstdout:\n${run.stdout}`);
  const result = JSON.parse(line.slice('RESULT '.length));

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
