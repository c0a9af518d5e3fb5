import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { benchCamera, startBenchServer } from '../bench/support/bench-server.js';
import type { RunningServer } from '../server/app.js';
import { defaultServerOptions } from '../server/config/server-options.js';
import { ensureClip } from '../server/simulator/clip-cache.js';
import { CLIP_PROFILES } from '../server/simulator/clip-recipe.js';
import { ffmpegPath } from '../server/simulator/ffmpeg-binary.js';
import { launchChromium } from './support/chromium.js';
import { waitForTileState } from './support/tile-states.js';
import { sampleTiles } from './support/video-probe.js';

// A camera offered only as HLS (one-second segments written live by ffmpeg, served over HTTP):
// the tile plays it through hls.js.
let server: RunningServer;
let browser: Browser;
let segmenter: ChildProcess;
let files: Server;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-hls-'));
  const clip = await ensureClip(join(defaultServerOptions().cacheDir, 'clips'), 'solo-gladak', 'Bundaran Gladak', CLIP_PROFILES[1]!);
  segmenter = spawn(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', clip, '-c', 'copy', '-f', 'hls',
    '-hls_time', '1', '-hls_list_size', '4', '-hls_flags', 'delete_segments+omit_endlist', join(dir, 'index.m3u8')], { stdio: 'ignore' });
  const serve = sirv(dir, { dev: true, setHeaders: (response) => response.setHeader('access-control-allow-origin', '*') });
  files = createServer((request, response) => serve(request, response, () => {
    response.statusCode = 404;
    response.end();
  }));
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const address = files.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server = await startBenchServer([{ ...(benchCamera('hls-gladak', undefined, { main: `http://127.0.0.1:${port}/index.m3u8` }) as object), name: 'Bundaran Gladak (HLS)' }], [{ id: '1', columns: 1, rows: 1, cameras: ['hls-gladak'] }]);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  segmenter?.kill('SIGKILL');
  files?.closeAllConnections();
  files?.close();
});

test('an HLS camera plays live through hls.js', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/?wall=bench&screen=1&lang=en`);
  await waitForTileState(page, 'hls-gladak', 'live');
  const first = await sampleTiles(page);
  await page.waitForTimeout(1500);
  const second = await sampleTiles(page);
  assert.ok((second[0]?.currentTime ?? 0) > (first[0]?.currentTime ?? 0) + 0.5, 'the picture moves on');
  assert.equal(second[0]?.videoWidth, 640);
  await page.keyboard.press('i');
  assert.equal(await page.locator('[data-stat="protocol"]').innerText(), 'hls');
  await page.close();
});
