import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { defaultServerOptions } from '../server/config/server-options.js';
import { findFreePort } from '../server/net/port-check.js';
import { ensureClip } from '../server/simulator/clip-cache.js';
import { CLIP_PROFILES, publishArgs } from '../server/simulator/clip-recipe.js';
import { ffmpegPath } from '../server/simulator/ffmpeg-binary.js';
import { startServer, type RunningServer } from '../server/app.js';
import { launchChromium } from './support/chromium.js';
import { TEST_CATALOGUE, TEST_WALLS } from './support/test-server.js';
import { recordTileStates, tileStateHistory, tileText, waitForTileState } from './support/tile-states.js';

// Faults a wall meets in the field, each on a tile of one screen, against the real server:
// a camera that never publishes, a URL that answers 404, garbage bytes on the stream socket,
// a source that restarts at another resolution; and, on its own, the whole server killed and
// restarted mid-play. Each tile must end in the right state and play again when its source returns.

let browser: Browser;
const children: ChildProcess[] = [];
const garbage = new WebSocketServer({ host: '127.0.0.1', port: 0 });
garbage.on('connection', (socket) => {
  // An FLV header's worth of nonsense, then more, forever.
  const timer = setInterval(() => socket.send(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), 100);
  socket.on('close', () => clearInterval(timer));
});

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const child of children) child.kill('SIGKILL');
  await new Promise((resolve) => garbage.close(resolve));
});

function writeConfig(mediaHttpPort: number, garbagePort: number): { catalogue: string; walls: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-faults-'));
  const camera = (id: string, main: string, simulated?: 'clip') => ({
    id, name: id, agency: 'city', ptz: false, simulated, location: { latitude: -7.56, longitude: 110.82 }, streams: { main },
  });
  const catalogue = join(dir, 'catalogue.json');
  const walls = join(dir, 'walls.json');
  writeFileSync(catalogue, JSON.stringify({
    cameras: [
      camera('solo-gladak', '/live/solo-gladak-sub.flv', 'clip'),
      camera('ghost', '/live/ghost.flv'),
      camera('missing', `http://127.0.0.1:${mediaHttpPort}/missing.flv`),
      camera('garbage', `ws://127.0.0.1:${garbagePort}/live/garbage.flv`),
      camera('morph', '/live/morph.flv'),
    ],
  }));
  writeFileSync(walls, JSON.stringify({
    walls: [{ id: 'faults', name: 'Faults', screens: [{ id: '1', name: 'Faults', role: 'grid', layout: { columns: 3, rows: 2, cameras: ['solo-gladak', 'ghost', 'missing', 'garbage', 'morph'] } }] }],
  }));
  return { catalogue, walls };
}

async function openScreen(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await recordTileStates(page);
  return page;
}

function publish(clip: string, rtmpUrl: string): ChildProcess {
  const child = spawn(ffmpegPath(), publishArgs(clip, rtmpUrl), { stdio: 'ignore' });
  children.push(child);
  return child;
}

test('broken sources end offline with their error, never live; a source back at another size plays again', async () => {
  const [port, rtmpPort, mediaHttpPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const address = garbage.address();
  const garbagePort = typeof address === 'object' && address ? address.port : 0;
  const files = writeConfig(mediaHttpPort, garbagePort);
  const server: RunningServer = await startServer({ ...defaultServerOptions(), port, rtmpPort, mediaHttpPort, cataloguePath: files.catalogue, wallsPath: files.walls, dataDir: mkdtempSync(join(tmpdir(), 'pantau-store-')) });
  try {
    const clips = defaultServerOptions().cacheDir;
    const [main, sub] = CLIP_PROFILES;
    const subClip = await ensureClip(join(clips, 'clips'), 'solo-jurug', 'Jembatan Jurug', sub!);
    const mainClip = await ensureClip(join(clips, 'clips'), 'solo-jurug', 'Jembatan Jurug', main!);
    const morphUrl = `rtmp://127.0.0.1:${rtmpPort}/live/morph`;
    const first = publish(subClip, morphUrl);

    const page = await openScreen(`${server.url}/?wall=faults&screen=1&lang=en`);
    await waitForTileState(page, 'solo-gladak', 'live');
    await waitForTileState(page, 'morph', 'live');
    const width = () => page.evaluate(() => document.querySelector<HTMLVideoElement>('[data-camera-id="morph"] video[data-active="true"]')?.videoWidth ?? 0);
    assert.equal(await width(), 640);

    // The source stops: the tile must stop calling itself live, then come back at 1280x720.
    first.kill('SIGKILL');
    // The media server keeps the socket open and sends nothing: a frozen picture, which must say so.
    await waitForTileState(page, 'morph', 'stalled', 20_000);
    assert.match(await tileText(page, 'morph'), /STALE \d\d:\d\d/);
    publish(mainClip, morphUrl);
    await waitForTileState(page, 'morph', 'live');
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-camera-id="morph"] video[data-active="true"]')?.videoWidth ?? 0) === 1280, undefined, { timeout: 20_000 });

    await Promise.all(['ghost', 'missing', 'garbage'].map((id) => waitForTileState(page, id, 'offline', 90_000)));
    assert.match(await tileText(page, 'ghost'), /OFFLINE since \d\d:\d\d:\d\d[\s\S]*no picture within 8 s/);
    assert.match(await tileText(page, 'missing'), /OFFLINE since[\s\S]*(404|HttpStatusCodeInvalid)/);
    assert.match(await tileText(page, 'garbage'), /OFFLINE since/);

    const history = await tileStateHistory(page);
    for (const id of ['ghost', 'missing', 'garbage']) {
      assert.ok(!history[id]?.includes('live'), `${id} was never shown live: ${history[id]?.join(' > ')}`);
      assert.ok(history[id]?.includes('reconnecting'), `${id} retried before going offline: ${history[id]?.join(' > ')}`);
    }
    assert.deepEqual(history['solo-gladak'], ['connecting', 'live'], 'the healthy tile was untouched by its neighbours');
    // The screen's health report turns the offline tiles into camera-offline alerts on the ticker.
    for (const id of ['ghost', 'missing', 'garbage']) await page.getByText(`Kamera ${id} terputus`).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getByText('Kamera solo-gladak terputus').count(), 0, 'a live camera is never announced offline');
    await page.close();
  } finally {
    await server.close();
  }
});

function startServerProcess(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function waitForHealthy(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never became healthy`);
}

test('the server killed mid-play: tiles stop saying live, then play again by themselves when it returns', async () => {
  const [port, rtmpPort, mediaHttpPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const args = ['--port', String(port), '--rtmp-port', String(rtmpPort), '--media-port', String(mediaHttpPort), '--data', mkdtempSync(join(tmpdir(), 'pantau-store-')), '--walls', TEST_WALLS, '--catalogue', TEST_CATALOGUE];
  const url = `http://127.0.0.1:${port}`;
  let server = startServerProcess(args);
  await waitForHealthy(url);
  const page = await openScreen(`${url}/?wall=demo&screen=1`);
  const allLive = () => page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 60_000 });
  await allLive();

  server.kill('SIGKILL');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 0, undefined, { timeout: 20_000 });
  assert.match(await page.getByTestId('connection-badge').innerText(), /Server terputus/);
  const staleText = await page.locator('[data-testid="tile-status"]').first().innerText();
  assert.match(staleText, /BEKU \d\d:\d\d|MENYAMBUNG ULANG \d\d:\d\d|TERPUTUS sejak/);

  server = startServerProcess(args);
  await waitForHealthy(url);
  await allLive();
  await page.getByTestId('connection-badge').getByText('Server terhubung').waitFor({ timeout: 30_000 });
  const history = await tileStateHistory(page);
  for (const [camera, states] of Object.entries(history)) {
    // A closed socket is an error at once (reconnecting); a silent one shows as stale first.
    assert.ok(states.includes('stalled') || states.includes('reconnecting'), `${camera} stopped calling itself live: ${states.join(' > ')}`);
    assert.equal(states.at(-1), 'live', `${camera} plays again: ${states.join(' > ')}`);
  }
  await page.close();
  server.kill('SIGTERM');
});
