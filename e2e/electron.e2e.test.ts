/**
 * The Electron shell end to end, through Playwright's `_electron`. Runs only where an Electron
 * binary exists (ELECTRON_OVERRIDE_DIST_PATH, or an `electron` install that downloaded it);
 * elsewhere every test reports "skipped: no Electron binary". Needs `npm run build` first.
 * Two displays: an X server with two monitors, e.g. Xvfb -screen 0 3840x1080x24 then
 *   xrandr --setmonitor L 1920/508x1080/286+0+0 default && xrandr --setmonitor R 1920/508x1080/286+1920+0 none
 * Global hotkeys are pressed with xdotool when it is installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { _electron, type ElectronApplication } from 'playwright-core';
import type { RunningServer } from '../server/app.js';
import { startTestServer } from './support/test-server.js';

const require = createRequire(import.meta.url);

/** The Electron executable when one exists here (ELECTRON_OVERRIDE_DIST_PATH or a normal install). */
function electronExecutable(): string | null {
  try {
    const path = require('electron') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executable = electronExecutable();
const skip = executable ? false : 'skipped: no Electron binary';
const hasXdotool = spawnSync('xdotool', ['version']).status === 0;

/** Starts the wall with its own profile and provisioning file, so nothing on this machine leaks in. */
async function launchWall(server: RunningServer, extraArgs: string[] = []): Promise<ElectronApplication> {
  const profile = mkdtempSync(join(tmpdir(), 'pantau-e2e-profile-'));
  const provisioning = join(profile, 'config.json');
  writeFileSync(provisioning, JSON.stringify({ serverUrl: server.url, wallId: 'demo', screens: [{ screenId: '1' }, { screenId: '2' }] }));
  return _electron.launch({
    executablePath: executable!,
    args: ['dist/electron/main.js', `--user-data-dir=${profile}`, '--config', provisioning, '--hide-cursor-after=0', ...extraArgs],
    env: { ...process.env, PANTAU_CONFIG: '' },
  });
}

/** Screen id -> { window bounds, display bounds } for every wall window, read in the main process. */
async function windowsByScreen(app: ElectronApplication): Promise<Record<string, { window: { x: number; y: number }; displayId: number }>> {
  return app.evaluate(({ BrowserWindow, screen }) => {
    const result: Record<string, { window: { x: number; y: number }; displayId: number }> = {};
    for (const window of BrowserWindow.getAllWindows()) {
      const match = /^Pantau demo\/(.+)$/.exec(window.getTitle());
      if (!match?.[1]) continue;
      const bounds = window.getBounds();
      result[match[1]] = { window: { x: bounds.x, y: bounds.y }, displayId: screen.getDisplayMatching(bounds).id };
    }
    return result;
  });
}

/** Waits (bounded) until `check` holds in the main process. */
async function waitInMain(app: ElectronApplication, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`timed out waiting for ${what}`);
}

test('the Electron wall opens a window per screen and plays its tiles', { skip }, async () => {
  const server = await startTestServer();
  const app = await launchWall(server);
  try {
    const window = await app.firstWindow();
    await window.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 60_000 });
    const isolated = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
    assert.ok(isolated, 'the page has no Node integration');
    const surface = await window.evaluate(() => Object.keys((globalThis as { pantau?: object }).pantau ?? {}).sort());
    assert.deepEqual(surface, ['identifyDisplays', 'onAction', 'onShellStatus', 'screenTarget', 'selectScreen']);
  } finally {
    await app.close();
    await server.close();
  }
});

test('two screens go to two different displays', { skip }, async (t) => {
  const server = await startTestServer();
  const app = await launchWall(server);
  try {
    const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
    if (displays < 2) {
      t.skip(`skipped: needs two displays, this X server has ${displays}`);
      return;
    }
    await waitInMain(app, async () => Object.keys(await windowsByScreen(app)).length === 2, 'two wall windows');
    const windows = await windowsByScreen(app);
    assert.notEqual(windows['1']?.displayId, windows['2']?.displayId, 'never two screens on one display');
    assert.ok((windows['1']?.window.x ?? 0) < (windows['2']?.window.x ?? 0), 'screen 1 on the left display, screen 2 on the right');
  } finally {
    await app.close();
    await server.close();
  }
});

test('a crashed screen is reloaded by itself and shows the wall again', { skip }, async () => {
  const server = await startTestServer();
  const app = await launchWall(server);
  try {
    await app.firstWindow();
    const pageReady = () =>
      app.evaluate(async ({ BrowserWindow }) => {
        const window = BrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Pantau demo/1');
        if (!window || window.webContents.isCrashed() || window.webContents.isLoading()) return false;
        return (await window.webContents.executeJavaScript('document.querySelector("[data-testid=screen]") !== null')) as boolean;
      });
    await waitInMain(app, pageReady, 'screen 1 to show the wall');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Pantau demo/1')?.webContents.forcefullyCrashRenderer());
    await waitInMain(app, async () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Pantau demo/1')?.webContents.isCrashed() ?? true), 'the crash');
    await waitInMain(app, pageReady, 'screen 1 to come back after the crash');
    const restarts = await app.evaluate(async ({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows().find((w) => w.getTitle() === 'Pantau demo/1');
      // Selecting the screen makes the shell send its status again, now counting the restart.
      return (await window?.webContents.executeJavaScript(
        'new Promise((resolve) => { const stop = window.pantau.onShellStatus((s) => { stop(); resolve(s.restarts); }); window.pantau.selectScreen("1"); setTimeout(() => resolve(-1), 10000); })',
      )) as number;
    });
    assert.ok(restarts >= 1, `the shell status counts the restart (got ${restarts})`);
  } finally {
    await app.close();
    await server.close();
  }
});

test('a global hotkey selects screen 2 and a layout key reaches that screen', { skip: skip || (hasXdotool ? false : 'skipped: xdotool is needed to press a global shortcut') }, async () => {
  const server = await startTestServer();
  const app = await launchWall(server, ['--global-hotkeys']);
  try {
    await app.firstWindow();
    await waitInMain(app, async () => app.evaluate(({ globalShortcut }) => globalShortcut.isRegistered('Control+Alt+2')), 'the global shortcuts');
    const pages = app.windows().filter((page) => page.url().startsWith('app://'));
    // Every page records the actions the shell sends it.
    for (const page of pages) {
      await page.waitForFunction(() => (globalThis as { pantau?: unknown }).pantau !== undefined);
      await page.evaluate(() => {
        const store = globalThis as unknown as { received: unknown[]; pantau: { onAction(listener: (a: unknown) => void): void } };
        store.received = [];
        store.pantau.onAction((action) => store.received.push(action));
      });
    }
    assert.equal(spawnSync('xdotool', ['key', 'ctrl+alt+2']).status, 0);
    assert.equal(spawnSync('xdotool', ['key', 'ctrl+4']).status, 0);
    const received = await Promise.all(
      pages.map(async (page) => ({ target: await page.evaluate(() => (globalThis as unknown as { pantau: { screenTarget: { screenId: string } } }).pantau.screenTarget.screenId), actions: await page.evaluate(() => (globalThis as unknown as { received: unknown[] }).received) })),
    );
    const byScreen = Object.fromEntries(received.map((r) => [r.target, r.actions]));
    assert.deepEqual(byScreen['2'], [{ action: 'layout-4x4' }], 'the layout key reached the selected screen');
    assert.deepEqual(byScreen['1'], [], 'and only that one');
  } finally {
    await app.close();
    await server.close();
  }
});
