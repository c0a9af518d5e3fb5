import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { benchCamera, startBenchServer } from '../bench/support/bench-server.js';
import type { RunningServer } from '../server/app.js';
import { findFreePort } from '../server/net/port-check.js';
import { launchChromium } from './support/chromium.js';

// A catalogue that offers only HTTP-FLV, for more tiles than Chromium's 6 HTTP/1.1 connections
// per host (measured: a plain 16-tile HTTP-FLV grid plays 6): every tile must still play.
let server: RunningServer;
let browser: Browser;
const published = ['solo-gladak', 'solo-ngapeman', 'solo-balapan', 'solo-pasar-gede', 'solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug'];

before(async () => {
  browser = await launchChromium();
  const mediaHttpPort = await findFreePort();
  const httpOnly = published.map((id) => benchCamera(`http-${id}`, undefined, { main: `http://127.0.0.1:${mediaHttpPort}/live/${id}-sub.flv` }));
  // The simulator publishes the clips; the screen only knows their HTTP-FLV addresses.
  const sources = published.map((id) => benchCamera(id, 'clip', { main: `/live/${id}-main.flv`, sub: `/live/${id}-sub.flv` }));
  server = await startBenchServer([...sources, ...httpOnly], [{ id: '1', columns: 3, rows: 3, cameras: published.map((id) => `http-${id}`) }], { mediaHttpPort });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('eight HTTP-FLV tiles from one host all play, upgraded to WS-FLV', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/?wall=bench&screen=1`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 8, undefined, { timeout: 60_000 });
  await page.keyboard.press('i');
  await page.waitForSelector('[data-stat="protocol"]');
  const protocols = await page.locator('[data-stat="protocol"]').allInnerTexts();
  assert.deepEqual(protocols, Array.from({ length: 8 }, () => 'ws-flv'));
  await page.close();
});
