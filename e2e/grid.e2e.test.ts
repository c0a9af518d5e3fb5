import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../server/app.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer } from './support/test-server.js';
import { recordTileStates, tileStateHistory } from './support/tile-states.js';
import { changedCells, sampleTiles } from './support/video-probe.js';

// The whole path: the real server, node-media-server, the simulator's ffmpeg streams, and the
// built renderer in Debian's Chromium playing WS-FLV through mpegts.js.
let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openScreen(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto(`${server.url}/${query}`);
  return page;
}

test('a grid screen shows four named tiles, each playing moving video', async () => {
  const page = await openScreen('?wall=demo&screen=1');
  await page.waitForSelector('[data-testid="tile"][data-state="live"]', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 30_000 });

  const first = await sampleTiles(page);
  await page.waitForTimeout(1500);
  const second = await sampleTiles(page);

  assert.deepEqual(first.map((tile) => tile.name), ['Bundaran Gladak', 'Simpang Ngapeman', 'Stasiun Solo Balapan', 'Pasar Gede']);
  for (const [index, tile] of second.entries()) {
    const earlier = first[index]!;
    assert.equal(tile.state, 'live', `${tile.name} is live`);
    assert.ok(tile.videoWidth > 0, `${tile.name} has a decoded picture`);
    assert.ok(tile.currentTime > earlier.currentTime + 0.5, `${tile.name}: time advanced from ${earlier.currentTime} to ${tile.currentTime}`);
    assert.ok(changedCells(earlier.pixels, tile.pixels) > 0, `${tile.name}: the picture changed between two reads`);
  }
  assert.match(await page.getByTestId('connection-badge').innerText(), /Server terhubung/);
  // Each mpegts.js player releases frames as they arrive (mpegts-prompt-frames.ts); an upgrade
  // that moved mpegts.js's insides would quietly cost every tile a frame of latency.
  const diagnostics = (await page.evaluate('window.pantauDiagnostics.players()')) as { promptFrames: boolean };
  assert.equal(diagnostics.promptFrames, true, 'the remuxer of the playing tiles was patched');
  await page.close();
});

test('a hidden window decodes nothing, and plays at the live edge again when shown', async () => {
  const page = await openScreen('?wall=demo&screen=1');
  const liveCount = () => page.evaluate(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 30_000 });
  // What the browser does when the window is minimised or covered.
  // A string: tsx would wrap the getter in a __name() helper the page does not have.
  const setHidden = (hidden: boolean) =>
    page.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get() { return '${hidden ? 'hidden' : 'visible'}'; } });
      document.dispatchEvent(new Event('visibilitychange'));`);
  await setHidden(true);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="paused"]').length === 4, undefined, { timeout: 10_000 });
  const attached = await page.evaluate(() => [...document.querySelectorAll('video')].filter((video) => video.getAttribute('src') !== null).length);
  assert.equal(attached, 0, 'no video element keeps a stream attached while hidden');
  await setHidden(false);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 30_000 });
  assert.equal(await liveCount(), 4);
  await page.close();
});

test('tiles grown past the main-stream size switch to 720p with no gap: they never stop being live', async () => {
  const page = await openScreen('?wall=demo&screen=1');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 30_000 });
  const widths = () => sampleTiles(page).then((tiles) => tiles.map((tile) => tile.videoWidth));
  assert.deepEqual(await widths(), [640, 640, 640, 640], 'small tiles play the sub stream');
  await recordTileStates(page);
  await page.setViewportSize({ width: 1920, height: 1200 });
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLVideoElement>('video[data-active="true"]')].filter((video) => video.videoWidth === 1280).length === 4, undefined, { timeout: 30_000 });
  const history = await tileStateHistory(page);
  for (const [camera, states] of Object.entries(history)) assert.deepEqual(states, ['live'], `${camera} stayed live through the switch`);
  await page.close();
});

test('the second screen of the wall shows its own cameras, in English when asked', async () => {
  const page = await openScreen('?wall=demo&screen=2&lang=en');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 30_000 });
  const tiles = await sampleTiles(page);
  assert.deepEqual(tiles.map((tile) => tile.cameraId), ['solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug']);
  assert.match(await page.locator('[data-testid="tile"]').first().innerText(), /LIVE/);
  await page.close();
});

test('a screen the wall does not have is refused on screen, naming the field', async () => {
  const page = await openScreen('?wall=demo&screen=9');
  const problem = page.getByTestId('problem');
  await problem.waitFor({ timeout: 15_000 });
  const text = await problem.innerText();
  assert.match(text, /Layar ini ditolak oleh server/);
  assert.match(text, /screenId/);
  assert.match(text, /has no screen "9"/);
  await page.close();
});

test('a page opened without a wall and screen explains what is missing', async () => {
  const page = await openScreen('');
  const text = await page.getByTestId('problem').innerText();
  assert.match(text, /wallId/);
  assert.match(text, /screenId/);
  await page.close();
});
