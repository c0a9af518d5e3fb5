/**
 * The walking skeleton's costs on this machine: encoding the simulator's clips once, the CPU
 * the simulator takes while publishing, and how fast a 2x2 grid screen goes live in Chromium
 * and how smoothly it plays. Writes bench/results/wall-startup.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/support/chromium.js';
import { startTestServer } from '../e2e/support/test-server.js';
import { loadCatalogue } from '../server/catalogue/camera-catalogue.js';
import { defaultServerOptions } from '../server/config/server-options.js';
import { ensureClip } from '../server/simulator/clip-cache.js';
import { CLIP_PROFILES } from '../server/simulator/clip-recipe.js';
import { childCpuSeconds } from './proc-cpu.js';

const SAMPLE_SECONDS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 1. Cold clip encoding, two at a time, into an empty cache.
const catalogue = await loadCatalogue(defaultServerOptions().cataloguePath);
const coldCache = mkdtempSync(join(tmpdir(), 'pantau-bench-clips-'));
const encodeStart = performance.now();
const jobs = catalogue.clipCameras().flatMap((camera) => CLIP_PROFILES.map((profile) => () => ensureClip(coldCache, camera.id, camera.name, profile)));
const queue = [...jobs];
await Promise.all([0, 1].map(async () => {
  for (let job = queue.shift(); job; job = queue.shift()) await job();
}));
const encodeSeconds = (performance.now() - encodeStart) / 1000;
rmSync(coldCache, { recursive: true, force: true });

// 2. The simulator publishing 16 streams with stream copy.
const server = await startTestServer();
await sleep(2000);
const cpuBefore = childCpuSeconds(process.pid, 'ffmpeg');
await sleep(SAMPLE_SECONDS * 1000);
const cpuAfter = childCpuSeconds(process.pid, 'ffmpeg');
const publisherCorePercent = ((cpuAfter.seconds - cpuBefore.seconds) / SAMPLE_SECONDS) * 100;

// 3. A 2x2 screen in Chromium: time to four live tiles, then playback quality.
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const openStart = performance.now();
await page.goto(`${server.url}/?wall=demo&screen=1`);
await page.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 60_000 });
const timeToFourLiveMs = performance.now() - openStart;
const quality = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLVideoElement>('video:not([data-active="false"])')].map((video) => {
      const q = video.getVideoPlaybackQuality();
      const end = video.buffered.length > 0 ? video.buffered.end(video.buffered.length - 1) : video.currentTime;
      return { total: q.totalVideoFrames, dropped: q.droppedVideoFrames, bufferSeconds: end - video.currentTime, width: video.videoWidth };
    }),
  );
const q0 = await quality();
const bufferSamples: number[] = [];
for (let i = 0; i < SAMPLE_SECONDS; i++) {
  await sleep(1000);
  for (const tile of await quality()) bufferSamples.push(tile.bufferSeconds * 1000);
}
const q1 = await quality();
await browser.close();
await server.close();

const frames = q1.reduce((sum, tile, i) => sum + tile.total - (q0[i]?.total ?? 0), 0);
const dropped = q1.reduce((sum, tile, i) => sum + tile.dropped - (q0[i]?.dropped ?? 0), 0);
const sorted = [...bufferSamples].sort((a, b) => a - b);
const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const results = {
  bench: 'wall-startup',
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  clipEncode: { clips: jobs.length, seconds: Number(encodeSeconds.toFixed(2)) },
  simulator: { streams: cpuAfter.processes, ffmpegCorePercent: Number(publisherCorePercent.toFixed(1)), sampleSeconds: SAMPLE_SECONDS },
  grid2x2: {
    viewport: '1920x1080',
    streamWidth: q1[0]?.width ?? 0,
    timeToFourLiveMs: Math.round(timeToFourLiveMs),
    framesPerSecondPerTile: Number((frames / q1.length / SAMPLE_SECONDS).toFixed(1)),
    droppedPercent: frames > 0 ? Number(((dropped / frames) * 100).toFixed(2)) : null,
    // Media buffered ahead of the play head: a lower bound of latency, not glass-to-glass.
    bufferAheadMs: { p50: Math.round(percentile(50)), p95: Math.round(percentile(95)) },
  },
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/wall-startup.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
