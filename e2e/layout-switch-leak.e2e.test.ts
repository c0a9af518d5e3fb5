import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { EVENTS, HelloReplySchema, IntentReplySchema, PROTOCOL_VERSION, templateLayout } from '../protocol/index.js';
import type { RunningServer } from '../server/app.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer } from './support/test-server.js';

// 1,000 layout switches against the real server and simulator: every switch replaces all four
// cameras of a screen, so every switch destroys four players and creates four. Afterwards the
// page must hold exactly what the screen shows: no player, engine or video element left behind.
const SWITCHES = 1000;
const SENDERS = 4;
let server: RunningServer;
let browser: Browser;
const sockets: Socket[] = [];

before(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
after(async () => {
  for (const socket of sockets) socket.disconnect();
  await browser?.close();
  await server?.close();
});

async function operatorSocket(): Promise<Socket> {
  const socket = io(server.url, { transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
  const reply = HelloReplySchema.parse(await socket.timeout(5000).emitWithAck(EVENTS.hello, { protocolVersion: PROTOCOL_VERSION, clientKind: 'workstation', wallId: 'demo', screenId: '1', token: null }));
  assert.ok(reply.ok);
  return socket;
}

interface Diagnostics { tilePlayers: number; engines: number; enginesCreated: number; videoElements: number }

test(`after ${SWITCHES} layout switches the page holds only the players of the tiles on screen`, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/?wall=demo&screen=1`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 60_000 });

  const senders = await Promise.all(Array.from({ length: SENDERS }, operatorSocket));
  const layout = templateLayout('2x2');
  const screenOf = (cameras: string[]) => ({ layout, contents: cameras.map((cameraId) => ({ kind: 'camera' as const, cameraId })) });
  const imported = IntentReplySchema.parse(await senders[0]!.timeout(5000).emitWithAck(EVENTS.intent, {
    type: 'import-presets',
    presets: [
      { number: 1, name: 'A', scope: 'screen', screens: { screen: screenOf(['solo-gladak', 'solo-ngapeman', 'solo-balapan', 'solo-pasar-gede']) } },
      { number: 2, name: 'B', scope: 'screen', screens: { screen: screenOf(['solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug']) } },
    ],
  }));
  assert.ok(imported.ok);

  // Spread over several connections to stay under each one's rate limit (20 a second).
  let applied = 0;
  for (let index = 0; index < SWITCHES; index++) {
    const sender = senders[index % SENDERS]!;
    const reply = IntentReplySchema.parse(await sender.timeout(5000).emitWithAck(EVENTS.intent, { type: 'apply-preset', number: 2 - (index % 2), screenId: '1' }));
    if (reply.ok) applied++;
    await new Promise((resolve) => setTimeout(resolve, 1000 / (SENDERS * 15)));
  }
  assert.equal(applied, SWITCHES, 'every switch was applied');

  // The last switch applied preset A (number 2 - 999 % 2 = 1): its four cameras play again.
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="tile"][data-state="live"]')].map((tile) => tile.getAttribute('data-camera-id')).sort().join() === 'solo-balapan,solo-gladak,solo-ngapeman,solo-pasar-gede', undefined, { timeout: 60_000 });
  } catch (error) {
    const tiles = await page.evaluate(`[...document.querySelectorAll('[data-testid="tile"]')].map((t) => t.dataset.cameraId + ':' + t.dataset.state)`);
    console.log(`tiles: ${JSON.stringify(tiles)} diagnostics: ${JSON.stringify(await page.evaluate('window.pantauDiagnostics.players()'))}`);
    throw error;
  }
  await page.waitForTimeout(2000);
  const diagnostics = (await page.evaluate('window.pantauDiagnostics.players()')) as Diagnostics;
  console.log(`after ${SWITCHES} switches: ${JSON.stringify(diagnostics)}`);
  assert.equal(diagnostics.tilePlayers, 4, 'one tile player per tile (no standby left)');
  assert.equal(diagnostics.engines, 4, 'one streaming engine per tile');
  assert.equal(diagnostics.videoElements, 8, 'two video slots per tile, none left over');
  assert.ok(diagnostics.enginesCreated > 400, `the switches really created players (${diagnostics.enginesCreated})`);
  await page.close();
});
