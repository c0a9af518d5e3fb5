/**
 * Glass-to-glass latency on loopback: a clock camera whose frames carry the wall-clock time of
 * their making is read back from each presented frame (requestVideoFrameCallback + canvas) and
 * compared with the frame's display time. Our wall against the baseline (plain mpegts.js,
 * default config), 1 and 16 tiles, WS-FLV. Writes bench/results/latency.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CLOCK_CODE, clockLatencyMs } from '../protocol/index.js';
import { launchChromium } from '../e2e/support/chromium.js';
import { openBaselineGrid, waitForAllPlaying } from './support/baseline-page.js';
import { benchCamera, startBenchServer, summarise } from './support/bench-server.js';

const WARM_MS = 4000;
const MEASURE_MS = 15_000;
/** Read one frame in this many per tile, so the reading itself does not load the machine. */
const SAMPLE_EVERY = 3;

const server = await startBenchServer(
  [benchCamera('clock', 'clock', { main: '/live/clock.flv' })],
  [
    { id: 'one', columns: 1, rows: 1, cameras: ['clock'] },
    { id: 'sixteen', columns: 4, rows: 4, cameras: Array.from({ length: 16 }, () => 'clock') },
  ],
);
const browser = await launchChromium();

/** Installs the reader in the page; it collects latencies in window.latencies once started. */
async function installReader(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const code = ${JSON.stringify(CLOCK_CODE)};
    const latencyOf = ${clockLatencyMs.toString()};
    const canvas = document.createElement('canvas');
    canvas.width = code.width;
    canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    window.latencies = [];
    window.measuring = false;
    for (const video of document.querySelectorAll('video')) {
      let count = 0;
      const onFrame = (now, metadata) => {
        if (window.measuring && count++ % ${SAMPLE_EVERY} === 0 && video.videoWidth > 0) {
          const row = Math.floor((code.rowHeight / 2) * video.videoHeight / code.height);
          context.drawImage(video, 0, row, video.videoWidth, 1, 0, 0, code.width, 1);
          const pixels = context.getImageData(0, 0, code.width, 1).data;
          const blockWidth = code.width / code.bits;
          const levels = [];
          for (let bit = 0; bit < code.bits; bit++) levels.push(pixels[Math.floor((bit + 0.5) * blockWidth) * 4]);
          window.latencies.push(latencyOf(levels, performance.timeOrigin + metadata.expectedDisplayTime));
        }
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    }
  })()`);
}

async function measure(page: Page, tiles: number): Promise<{ p50_ms: number; p95_ms: number; max_ms: number; frames: number }> {
  await waitForAllPlaying(page, tiles);
  await installReader(page);
  await page.waitForTimeout(WARM_MS);
  await page.evaluate('window.measuring = true');
  await page.waitForTimeout(MEASURE_MS);
  const latencies = (await page.evaluate('window.latencies')) as number[];
  // A misread code gives an absurd value; anything over a minute is not a latency.
  const valid = latencies.filter((value) => value < 60_000);
  const { p50, p95, max } = summarise(valid);
  return { p50_ms: Math.round(p50), p95_ms: Math.round(p95), max_ms: Math.round(max), frames: valid.length };
}

const runs = [];
for (const tiles of [1, 16]) {
  const screen = tiles === 1 ? 'one' : 'sixteen';
  const ours = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  await ours.goto(`${server.url}/?wall=bench&screen=${screen}`);
  runs.push({ engine: 'pantau', protocol: 'ws-flv', tiles, ...(await measure(ours, tiles)) });
  await ours.close();

  const baseline = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  const media = `ws://127.0.0.1:${server.mediaHttpPort}/live/clock.flv`;
  await openBaselineGrid(baseline, Array.from({ length: tiles }, () => media), tiles === 1 ? 1 : 4);
  runs.push({ engine: 'baseline', protocol: 'ws-flv', tiles, ...(await measure(baseline, tiles)) });
  await baseline.close();
}
await browser.close();
await server.close();

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latency.json', `${JSON.stringify({ date: new Date().toISOString(), runs }, null, 2)}\n`);
for (const run of runs) console.log(`latency ${run.engine} ${run.tiles} tiles: p50 ${run.p50_ms} ms, p95 ${run.p95_ms} ms, max ${run.max_ms} ms (${run.frames} frames)`);
