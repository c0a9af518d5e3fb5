import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { startServer, type RunningServer } from '../server/app.js';
import { defaultServerOptions, type ServerOptions } from '../server/config/server-options.js';
import { findFreePort } from '../server/net/port-check.js';
import { launchChromium } from './support/chromium.js';
import { TEST_CATALOGUE, TEST_WALLS } from './support/test-server.js';

// Shared wall state end to end: the real server and its SQLite store, two Chromium windows
// showing the two screens of the demo wall, driven from the keyboard as an operator would.
// Without the simulator: these tests are about layout and sync, not video.
let options: ServerOptions;
let server: RunningServer;
let browser: Browser;
// The renderer served apart from the central server, as the Electron app serves it from app://:
// a window can then restart while the server is down.
let appPages: Server;
let appOrigin: string;

before(async () => {
  const appPort = await findFreePort();
  appOrigin = `http://127.0.0.1:${appPort}`;
  options = {
    ...defaultServerOptions(),
    port: await findFreePort(), rtmpPort: await findFreePort(), mediaHttpPort: await findFreePort(),
    simulate: false, dataDir: mkdtempSync(join(tmpdir(), 'pantau-store-')), wallsPath: TEST_WALLS, cataloguePath: TEST_CATALOGUE,
    extraOrigins: [appOrigin],
  };
  server = await startServer(options);
  appPages = createServer(sirv(options.rendererDir, { single: true }));
  await new Promise<void>((resolve) => appPages.listen(appPort, '127.0.0.1', resolve));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  appPages?.close();
});

async function openScreen(screen: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto(`${server.url}/?wall=demo&screen=${screen}`);
  await page.waitForSelector('[data-testid="screen"][data-connection="online"]', { timeout: 20_000 });
  return page;
}

const tileCameras = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('[data-testid="tile"]')]
    .sort((a, b) => Number(a.getAttribute('data-tile')) - Number(b.getAttribute('data-tile')))
    .map((tile) => tile.getAttribute('data-camera-id') ?? tile.getAttribute('data-state')));

async function typeKeys(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

test('an action typed in one window shows in the other: "2 M 3 T 5 Enter" puts camera 5 in monitor 2, tile 3', async () => {
  const [first, second] = [await openScreen('1'), await openScreen('2')];
  assert.deepEqual(await tileCameras(second), ['solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug']);
  await typeKeys(first, ['Digit2', 'KeyM', 'Digit3', 'KeyT', 'Digit5']);
  assert.match(await first.getByTestId('entry').innerText(), /Monitor 2 · Ubin 3 · 5_/, 'the typed sequence shows as it is entered');
  await first.keyboard.press('Enter');
  await second.waitForFunction(() => document.querySelector('[data-tile="3"]')?.getAttribute('data-camera-id') === 'solo-manahan', undefined, { timeout: 10_000 });
  assert.deepEqual(await tileCameras(second), ['solo-manahan', 'solo-tirtonadi', 'solo-manahan', 'solo-jurug']);
  assert.match(await first.getByTestId('selection').innerText(), /Monitor 2 · Ubin 3/);

  // A layout key in the second window, then the tile history key brings back the camera before.
  await typeKeys(second, ['Control+Digit7']);
  await second.waitForSelector('[data-testid="grid"][data-template="1+5"]');
  await second.locator('[data-tile="3"]').click();
  await second.keyboard.press('BracketLeft');
  await second.waitForFunction(() => document.querySelector('[data-tile="3"]')?.getAttribute('data-camera-id') === 'solo-purwosari', undefined, { timeout: 10_000 });
  assert.deepEqual(await tileCameras(second), ['solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug', 'empty', 'empty']);
  await first.close();
  await second.close();
});

test('a maximised tile fills the screen in every window and the tiles behind it decode nothing', async () => {
  const [first, second] = [await openScreen('1'), await openScreen('1')];
  await first.locator('[data-tile="2"]').click();
  await first.keyboard.press('KeyF');
  await second.waitForSelector('[data-tile="2"][data-maximised="true"]', { timeout: 10_000 });
  await second.waitForFunction(() => [...document.querySelectorAll('[data-covered="true"]')].every((tile) => tile.getAttribute('data-state') === 'paused')
    && document.querySelectorAll('[data-covered="true"]').length === 3, undefined, { timeout: 10_000 });
  await first.keyboard.press('KeyF');
  await second.waitForFunction(() => document.querySelectorAll('[data-maximised="true"]').length === 0, undefined, { timeout: 10_000 });
  await second.waitForFunction(() => document.querySelectorAll('[data-state="paused"]').length === 0, undefined, { timeout: 10_000 });
  await first.close();
  await second.close();
});

test('a supervisor pin is marked on the tile; the camera search puts a camera in the selected tile', async () => {
  const page = await openScreen('1');
  await page.locator('[data-tile="4"]').click();
  await page.keyboard.press('KeyX');
  await page.waitForSelector('[data-tile="4"] [data-testid="tile-pin"]', { timeout: 10_000 });
  assert.match(await page.locator('[data-tile="4"] [data-testid="tile-pin"]').innerText(), /DISEMATKAN/);
  await page.keyboard.press('Digit1');
  await page.keyboard.press('Enter');
  await page.getByTestId('hint').getByText(/pinned by Demo/).waitFor({ timeout: 10_000 });
  await page.keyboard.press('KeyX');
  await page.waitForFunction(() => document.querySelector('[data-tile="4"] [data-testid="tile-pin"]') === null, undefined, { timeout: 10_000 });

  await page.locator('[data-tile="1"]').click();
  await page.keyboard.press('KeyC');
  await page.getByTestId('camera-search-input').fill('jurug');
  assert.deepEqual(await page.getByTestId('camera-search-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-camera-id'))), ['solo-jurug']);
  await page.getByTestId('camera-search-input').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-tile="1"]')?.getAttribute('data-camera-id') === 'solo-jurug', undefined, { timeout: 10_000 });
  await page.close();
});

test('from the camera list: a tour cycles its cameras in a tile, and a group fills the screen page by page', async () => {
  const page = await openScreen('2');
  await page.locator('[data-tile="2"]').click();
  await page.keyboard.press('KeyC');
  for (const id of ['solo-gladak', 'solo-balapan']) await page.locator(`[data-testid="camera-search-item"][data-camera-id="${id}"] [data-testid="tour-toggle"]`).click();
  await page.getByTestId('tour-dwell').selectOption('5');
  await page.getByTestId('tour-start').click();
  // The tour shows each camera in turn, counted from the server's clock.
  const seen = new Set<string>();
  for (let attempt = 0; attempt < 120 && seen.size < 2; attempt++) {
    const camera = await page.getAttribute('[data-tile="2"]', 'data-camera-id');
    // The camera shown before the tour starts (solo-tirtonadi) does not count.
    if (camera === 'solo-gladak' || camera === 'solo-balapan') seen.add(camera);
    await page.waitForTimeout(250);
  }
  assert.deepEqual([...seen].sort(), ['solo-balapan', 'solo-gladak']);

  await page.locator('[data-testid="group"][data-group-id="dishub"]').click();
  await page.waitForFunction(() => document.querySelector('[data-tile="1"]')?.getAttribute('data-camera-id') === 'solo-ngapeman', undefined, { timeout: 10_000 });
  assert.deepEqual((await tileCameras(page)).slice(0, 3), ['solo-ngapeman', 'solo-balapan', 'solo-tirtonadi']);
  await page.close();
});

test('a window restarted while the server is down shows its last layout, marked offline, and catches up when the server answers', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${appOrigin}/?wall=demo&screen=2&server=${encodeURIComponent(server.url)}`);
  await page.waitForSelector('[data-testid="screen"][data-connection="online"]', { timeout: 20_000 });
  await page.keyboard.press('Control+Digit3');
  await page.waitForSelector('[data-testid="grid"][data-template="3x3"]');
  const before = await tileCameras(page);
  // Let the window store its state (written at most once a second).
  await page.waitForTimeout(1500);
  await server.close();
  await page.reload();
  await page.getByTestId('stale-state').waitFor({ timeout: 10_000 });
  assert.match(await page.getByTestId('stale-state').innerText(), /OFFLINE: keadaan terakhir/);
  assert.equal(await page.getAttribute('[data-testid="grid"]', 'data-template'), '3x3');
  assert.deepEqual(await tileCameras(page), before);

  server = await startServer(options);
  await page.waitForSelector('[data-testid="screen"][data-connection="online"]', { timeout: 30_000 });
  assert.equal(await page.getByTestId('stale-state').count(), 0);
  const operator = await openScreen('1');
  await typeKeys(operator, ['Digit2', 'KeyM', 'Digit1', 'KeyT', 'Digit8', 'Enter']);
  await page.waitForFunction(() => document.querySelector('[data-tile="1"]')?.getAttribute('data-camera-id') === 'solo-jurug', undefined, { timeout: 10_000 });
  await operator.close();
  await page.close();
});
