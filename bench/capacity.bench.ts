/**
 * How many tiles one window holds at full frame rate: 4, 9, 16, 25 and 36 tiles on a 1920x1080
 * page, our wall against the baseline (plain mpegts.js, default config, sub profile for every
 * tile). Per run: frames per second per tile, dropped %, the browser's CPU % (100 = one core)
 * and the profile the tiles played. The sources are cached clips published with stream copy,
 * so they barely load the CPU being measured. Writes bench/results/capacity.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium.js';
import { openBaselineGrid, waitForAllPlaying } from './support/baseline-page.js';
import { benchCamera, startBenchServer } from './support/bench-server.js';
import { descendantCpuSeconds } from './proc-cpu.js';

const WARM_MS = 8000;
const MEASURE_MS = 20_000;
const TILE_COUNTS = (process.env.PANTAU_BENCH_TILES ?? '4,9,16,25,36').split(',').map(Number);
const ids = ['solo-gladak', 'solo-ngapeman', 'solo-balapan', 'solo-pasar-gede', 'solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug'];

const cameraFor = (tile: number) => ids[tile % ids.length] as string;
const server = await startBenchServer(
  ids.map((id) => benchCamera(id, 'clip', { main: `/live/${id}-main.flv`, sub: `/live/${id}-sub.flv` })),
  TILE_COUNTS.map((tiles) => {
    const side = Math.sqrt(tiles);
    return { id: `t${tiles}`, columns: side, rows: side, cameras: Array.from({ length: tiles }, (_, i) => cameraFor(i)) };
  }),
);
const browser = await launchChromium();
const browserCpu = () => descendantCpuSeconds(process.pid, (command) => command !== 'ffmpeg');

interface Quality {
  total: number;
  dropped: number;
  width: number;
}
const quality = (page: Page) =>
  page.evaluate(`[...document.querySelectorAll('video:not([data-active="false"])')].map((v) => {
    const q = v.getVideoPlaybackQuality();
    return { total: q.totalVideoFrames, dropped: q.droppedVideoFrames, width: v.videoWidth };
  })`) as Promise<Quality[]>;

async function measure(page: Page, engine: string, tiles: number) {
  await waitForAllPlaying(page, tiles);
  await page.waitForTimeout(WARM_MS);
  const before = await quality(page);
  const cpuBefore = browserCpu();
  const started = performance.now();
  await page.waitForTimeout(MEASURE_MS);
  const after = await quality(page);
  const seconds = (performance.now() - started) / 1000;
  const cpu = browserCpu() - cpuBefore;
  // A renewed player resets its element's counters; such a tile counts from zero.
  const delta = (now: number, then: number | undefined) => (then === undefined || now < then ? now : now - then);
  const frames = after.reduce((sum, q, i) => sum + delta(q.total, before[i]?.total), 0);
  const dropped = after.reduce((sum, q, i) => sum + delta(q.dropped, before[i]?.dropped), 0);
  const widths = new Set(after.map((q) => q.width));
  const states = (await page.evaluate(`[...document.querySelectorAll('[data-testid="tile"]')].map((t) => t.dataset.state)`)) as string[];
  const budget = (await page.evaluate(`document.querySelector('[data-testid="grid"]')?.dataset.budget ?? null`)) as string | null;
  const profile = widths.size > 1 ? 'mixed' : widths.has(1280) ? 'main' : widths.has(640) ? 'sub' : `width ${[...widths].join('/')}`;
  return {
    engine,
    tiles,
    fps_per_tile: Number((frames / tiles / seconds).toFixed(1)),
    dropped_pct: frames > 0 ? Number(((dropped / frames) * 100).toFixed(2)) : 100,
    cpu_pct: Number(((cpu / seconds) * 100).toFixed(0)),
    profile,
    ...(states.length > 0 ? { tile_states: Object.fromEntries([...new Set(states)].map((state) => [state, states.filter((s) => s === state).length])) } : {}),
    ...(budget !== null ? { budget } : {}),
  };
}

const runs = [];
for (const tiles of TILE_COUNTS) {
  const ours = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  await ours.goto(`${server.url}/?wall=bench&screen=t${tiles}`);
  runs.push(await measure(ours, 'pantau', tiles));
  await ours.close();

  const baseline = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  const urls = Array.from({ length: tiles }, (_, i) => `ws://127.0.0.1:${server.mediaHttpPort}/live/${cameraFor(i)}-sub.flv`);
  await openBaselineGrid(baseline, urls, Math.sqrt(tiles));
  runs.push(await measure(baseline, 'baseline', tiles));
  await baseline.close();
  for (const run of runs.slice(-2)) console.log(`capacity ${run.engine} ${run.tiles} tiles: ${run.fps_per_tile} fps/tile, ${run.dropped_pct} % dropped, CPU ${run.cpu_pct} %, ${run.profile}${'budget' in run ? `, budget ${run.budget}, states ${JSON.stringify(run.tile_states)}` : ''}`);
}
await browser.close();
await server.close();

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/capacity.json', `${JSON.stringify({ date: new Date().toISOString(), viewport: '1920x1080', runs }, null, 2)}\n`);
