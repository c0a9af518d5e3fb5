import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { benchCamera, startBenchServer } from '../bench/support/bench-server.js';
import type { RunningServer } from '../server/app.js';
import { ffmpegPath } from '../server/simulator/ffmpeg-binary.js';
import { launchChromium } from './support/chromium.js';
import { waitForTileState } from './support/tile-states.js';

// An H.265 camera (MPEG-TS over HTTP): where the runtime cannot decode HEVC the tile must say
// so in words, never sit as a black box; where it can, the tile plays.
let server: RunningServer;
let browser: Browser;
let hevcSource: Server;

before(async () => {
  const clip = join(mkdtempSync(join(tmpdir(), 'pantau-hevc-')), 'hevc.ts');
  const encoded = spawnSync(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=4',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-g', '25', '-pix_fmt', 'yuv420p', '-f', 'mpegts', clip]);
  assert.equal(encoded.status, 0, String(encoded.stderr));
  const bytes = readFileSync(clip);
  // A live-looking source: the clip, over and over, a chunk every 100 ms.
  hevcSource = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'video/mp2t', 'access-control-allow-origin': '*' });
    let offset = 0;
    const chunk = Math.ceil(bytes.length / 40);
    const timer = setInterval(() => {
      response.write(bytes.subarray(offset, offset + chunk));
      offset = offset + chunk >= bytes.length ? 0 : offset + chunk;
    }, 100);
    request.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => hevcSource.listen(0, '127.0.0.1', resolve));
  const address = hevcSource.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server = await startBenchServer([benchCamera('hevc', undefined, { main: `http://127.0.0.1:${port}/live/hevc.ts` })], [{ id: '1', columns: 1, rows: 1, cameras: ['hevc'] }]);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
  hevcSource?.closeAllConnections();
  hevcSource?.close();
});

test('an H.265 camera plays where HEVC decodes, and says why in words where it does not', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.url}/?wall=bench&screen=1&lang=en`);
  const decodes = await page.evaluate(() => MediaSource.isTypeSupported('video/mp4;codecs="hvc1.1.6.L63.90"'));
  if (decodes) {
    await waitForTileState(page, 'hevc', 'live');
  } else {
    const error = page.getByTestId('tile-error');
    await error.getByText('H.265 (HEVC) video: this computer cannot decode it', { exact: false }).waitFor({ timeout: 30_000 });
    assert.notEqual(await page.locator('[data-camera-id="hevc"]').getAttribute('data-state'), 'live');
  }
  await page.close();
});
