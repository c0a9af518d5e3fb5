/**
 * How long a layout change takes to show: from an operator's apply-preset to every new tile
 * showing a frame, on a 1920x1080 page of a 2x2 screen (and a 3x3 one), switching back and
 * forth between two presets that share no camera, so every switch starts a player for every
 * tile. The baseline (plain mpegts.js, default config) switches its players to the other
 * cameras' URLs in the page and is timed the same way. Writes bench/results/switch.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { TemplateName } from '../protocol/index.js';
import { launchChromium } from '../e2e/support/chromium.js';
import { openBaselineSwitchGrid, switchBaselineGrid } from './support/baseline-switch-page.js';
import { benchCamera, startBenchServer, summarise } from './support/bench-server.js';
import { armFirstFrameProbe, installFirstFrameProbe, pantauTileVideo, waitForFirstFrames } from './support/first-frame-probe.js';
import { WallOperator, type CameraPreset } from './support/wall-operator.js';

const SWITCHES = Number(process.env.PANTAU_SWITCHES ?? 20);
/** The first switch of each run warms the page (code paths, decoder set-up) and is not counted. */
const WARM_UP_SWITCHES = 1;
/** Let the new tiles play a while before the next switch, as an operator's wall would. */
const SETTLE_MS = 1500;
/** A tile without a frame after this long counts as failed (the player's own failure limit is 8 s). */
const FIRST_FRAME_TIMEOUT_MS = 10_000;

const streamCameras = ['solo-gladak', 'solo-ngapeman', 'solo-balapan', 'solo-pasar-gede', 'solo-manahan', 'solo-tirtonadi', 'solo-purwosari', 'solo-jurug'];

interface Layout {
  template: TemplateName;
  screenId: string;
  columns: number;
  /** The profile both engines play at this tile size on a 1920x1080 page (ours picks it; the baseline is given it). */
  profile: 'main' | 'sub';
  /** Two presets of camera ids with nothing in common, and the stream each id plays. */
  presets: [string[], string[]];
  streamOf: (cameraId: string) => string;
}

// 2x2: eight real cameras, four and four.
const layout2x2: Layout = {
  template: '2x2', screenId: 's2x2', columns: 2, profile: 'main',
  presets: [streamCameras.slice(0, 4), streamCameras.slice(4, 8)],
  streamOf: (cameraId) => cameraId,
};
// 3x3 needs 18 different cameras and the simulator has 8: extra catalogue entries ("solo-gladak-x2")
// play the same streams under ids of their own. The wall keys tiles and players by camera id, so
// each of them still gets a player of its own, and no preset holds one camera twice.
const aliasOf = (index: number) => `${streamCameras[index % streamCameras.length] as string}-x${Math.floor(index / streamCameras.length) + 1}`;
const layout3x3: Layout = {
  template: '3x3', screenId: 's3x3', columns: 3, profile: 'sub',
  presets: [Array.from({ length: 9 }, (_, i) => aliasOf(i)), Array.from({ length: 9 }, (_, i) => aliasOf(i + 9))],
  streamOf: (cameraId) => cameraId.replace(/-x\d+$/, ''),
};
const layouts = (process.env.PANTAU_SWITCH_LAYOUTS ?? '2x2,3x3').split(',').map((name) => (name === '3x3' ? layout3x3 : layout2x2));

// A renderer built elsewhere (`npx vite build --outDir DIR`), so a run is not hit by someone
// rebuilding dist/renderer in a shared checkout; dist/renderer otherwise.
const rendererDir = process.env.PANTAU_RENDERER_DIR;
const server = await startBenchServer(
  [
    ...streamCameras.map((id) => benchCamera(id, 'clip', { main: `/live/${id}-main.flv`, sub: `/live/${id}-sub.flv` })),
    // Not simulated: the simulator publishes each stream once, under its real camera.
    ...[...layout3x3.presets[0], ...layout3x3.presets[1]].map((id) => {
      const stream = layout3x3.streamOf(id);
      return benchCamera(id, undefined, { main: `/live/${stream}-main.flv`, sub: `/live/${stream}-sub.flv` });
    }),
  ],
  [layout2x2, layout3x3].map((l) => ({ id: l.screenId, columns: l.columns, rows: l.columns, cameras: l.presets[0] })),
  rendererDir ? { rendererDir } : {},
);
const operator = await WallOperator.connect(server.url, 'bench', layout2x2.screenId);
const presetNumber = (l: Layout, which: 0 | 1) => (l === layout3x3 ? 3 : 1) + which;
const presets: CameraPreset[] = [layout2x2, layout3x3].flatMap((l) =>
  ([0, 1] as const).map((which) => ({ number: presetNumber(l, which), name: `${l.template} ${which === 0 ? 'A' : 'B'}`, template: l.template, cameraIds: l.presets[which] })),
);
await operator.importPresets(presets);
const browser = await launchChromium();

/** One switch's time: the slowest of its new tiles; null when one showed nothing in time. */
const slowest = (firsts: Record<string, number | null>, since: number): number | null => {
  const times = Object.values(firsts);
  return times.some((time) => time === null) ? null : Math.max(...times.map((time) => (time ?? 0) - since));
};

interface Run {
  engine: 'pantau' | 'baseline';
  tiles: number;
  profile: string;
  switches: number;
  failed: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  /** Ours only: p50 from sending apply-preset to the server's acknowledgement (applied, stored, broadcast). */
  server_ack_p50_ms?: number;
  /** Each counted switch in order, ms (null: a tile showed nothing in time), to judge the noise. */
  samples_ms: (number | null)[];
}

function runOf(engine: Run['engine'], l: Layout, profile: string, samples: (number | null)[]): Run {
  const counted = samples.slice(WARM_UP_SWITCHES);
  const times = counted.filter((time): time is number => time !== null);
  const { p50, p95, max } = summarise(times);
  return { engine, tiles: l.presets[0].length, profile, switches: times.length, failed: counted.length - times.length, p50_ms: p50, p95_ms: p95, max_ms: max, samples_ms: counted };
}

async function newPage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
}

async function benchPantau(l: Layout): Promise<Run> {
  const page = await newPage();
  await page.goto(`${server.url}/?wall=bench&screen=${l.screenId}`);
  const tiles = l.presets[0].length;
  await page.waitForFunction(`document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === ${tiles}`, undefined, { timeout: 60_000 });
  await installFirstFrameProbe(page);
  const samples: (number | null)[] = [];
  const acks: number[] = [];
  for (let index = 0; index < SWITCHES + WARM_UP_SWITCHES; index++) {
    const which = index % 2 === 0 ? 1 : 0;
    const cameras = l.presets[which];
    await armFirstFrameProbe(page, Object.fromEntries(cameras.map((id) => [id, pantauTileVideo(id)])));
    // Timed from before the intent leaves: the server's validation, store and broadcast count.
    const sentAt = Date.now();
    await operator.applyPreset(presetNumber(l, which), l.screenId);
    acks.push(Date.now() - sentAt);
    samples.push(slowest(await waitForFirstFrames(page, FIRST_FRAME_TIMEOUT_MS), sentAt));
    await page.waitForTimeout(SETTLE_MS);
  }
  const widths = (await page.evaluate(`[...document.querySelectorAll('video[data-active="true"]')].map((v) => v.videoWidth)`)) as number[];
  const profile = widths.every((w) => w === 1280) ? 'main' : widths.every((w) => w === 640) ? 'sub' : `widths ${widths.join('/')}`;
  await page.close();
  return { ...runOf('pantau', l, profile, samples), server_ack_p50_ms: summarise(acks.slice(WARM_UP_SWITCHES)).p50 };
}

async function benchBaseline(l: Layout): Promise<Run> {
  const page = await newPage();
  const urlsOf = (which: 0 | 1) => l.presets[which].map((id) => `ws://127.0.0.1:${server.mediaHttpPort}/live/${l.streamOf(id)}-${l.profile}.flv`);
  await openBaselineSwitchGrid(page, urlsOf(0), l.columns);
  await installFirstFrameProbe(page);
  const tiles = l.presets[0].length;
  await page.waitForFunction(`[...document.querySelectorAll('video')].filter((v) => v.readyState >= 2 && v.currentTime > 0).length >= ${tiles}`, undefined, { timeout: 60_000 });
  const samples: (number | null)[] = [];
  for (let index = 0; index < SWITCHES + WARM_UP_SWITCHES; index++) {
    const switchedAt = await switchBaselineGrid(page, urlsOf(index % 2 === 0 ? 1 : 0));
    samples.push(slowest(await waitForFirstFrames(page, FIRST_FRAME_TIMEOUT_MS), switchedAt));
    await page.waitForTimeout(SETTLE_MS);
  }
  await page.close();
  return runOf('baseline', l, l.profile, samples);
}

const runs: Run[] = [];
const loadBefore = loadavg()[0] ?? 0;
for (const l of layouts) {
  for (const run of [await benchPantau(l), await benchBaseline(l)]) {
    runs.push(run);
    console.log(`switch ${run.engine} ${run.tiles} tiles (${run.profile}): p50 ${run.p50_ms} ms, p95 ${run.p95_ms} ms, max ${run.max_ms} ms over ${run.switches} switches${run.failed > 0 ? `, ${run.failed} failed` : ''}`);
  }
}
const loadAfter = loadavg()[0] ?? 0;
operator.close();
await browser.close();
await server.close();

const results = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', load_average_1min: { before: Number(loadBefore.toFixed(2)), after: Number(loadAfter.toFixed(2)) } },
  viewport: '1920x1080',
  note:
    'Per switch, the time until the slowest of the new tiles shows its first frame (readyState >= 2 and currentTime > 0, seen by a requestAnimationFrame loop, so to within one refresh); p50/p95/max over the switches. ' +
    `Every switch replaces every tile (two presets with no camera in common), ${SETTLE_MS} ms of play between switches, the first ${WARM_UP_SWITCHES} switch of each run not counted. ` +
    'pantau: from just before a Node socket.io client sends apply-preset, so it includes the server round trip (validation, store, broadcast), React rendering and new players; server_ack_p50_ms is the part until the server acknowledged (the broadcast is sent by then). ' +
    'baseline: plain mpegts.js (default config, hasAudio false), from the moment the page destroys its players and creates new ones for the other URLs (no server, no framework). ' +
    '3x3: 18 camera ids over the 8 simulated streams (extra catalogue entries), so streams repeat but every tile still gets a new player. failed: switches where a tile showed no frame within 10 s.',
  runs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/switch.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`switch: ${runs.map((r) => `${r.engine} ${r.tiles}: p50 ${r.p50_ms} / p95 ${r.p95_ms} ms`).join('; ')}`);
