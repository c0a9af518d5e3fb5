/**
 * A wall left running through layout switches and camera drop-outs: PANTAU_SOAK_MINUTES (default
 * 10) of a 2x2 screen on a 1920x1080 page switching presets every 3 s while, every 30 s, one of
 * the simulator's publishers is killed and restarted by its supervisor. Every 10 s the page's
 * memory is sampled after a forced garbage collection. Reports start, end, peak and trend (MB per
 * hour after the first minute) and whether every tile ended live. Writes bench/results/soak.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium.js';
import { benchCamera, startBenchServer } from './support/bench-server.js';
import { MemorySampler, robustSlope, type MemorySample } from './support/memory-sampler.js';
import { freezeThenKillPublisher, findPublisher, killPublisher } from './support/publisher-restarts.js';
import { WallOperator } from './support/wall-operator.js';

const MINUTES = Number(process.env.PANTAU_SOAK_MINUTES ?? 10);
const SWITCH_EVERY_MS = 3000;
const RESTART_EVERY_MS = 30_000;
const SAMPLE_EVERY_MS = 10_000;
/**
 * The first minutes fill caches, JIT code and the alert lists up to their caps: the trend is
 * fitted to the second half of the run (at least the samples after the first minute).
 */
const TREND_AFTER_S = Math.max(60, (MINUTES * 60) / 2);
const RECOVERY_WATCH_MS = 20_000;
/** How long a frozen publisher sends nothing before it is killed: well past the tile's 1.5 s stall and 4 s replacement limits. */
const FREEZE_MS = 6000;

// One camera is in both presets: its tile lives through the whole soak (a layout change that keeps
// a camera keeps its player), so the restarts of its stream show whether a tile reconnects by
// itself. The other three tiles change at every switch.
const HELD = 'solo-gladak';
const presetA = [HELD, 'solo-ngapeman', 'solo-balapan', 'solo-pasar-gede'];
const presetB = [HELD, 'solo-manahan', 'solo-tirtonadi', 'solo-purwosari'];
const ids = [...new Set([...presetA, ...presetB, 'solo-jurug'])];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A renderer built elsewhere (`npx vite build --outDir DIR`), so a run is not hit by someone
// rebuilding dist/renderer in a shared checkout; dist/renderer otherwise.
const rendererDir = process.env.PANTAU_RENDERER_DIR;
const server = await startBenchServer(
  ids.map((id) => benchCamera(id, 'clip', { main: `/live/${id}-main.flv`, sub: `/live/${id}-sub.flv` })),
  [{ id: 'soak', columns: 2, rows: 2, cameras: presetA }],
  rendererDir ? { rendererDir } : {},
);
const operator = await WallOperator.connect(server.url, 'bench', 'soak');
await operator.importPresets([
  { number: 1, name: 'A', template: '2x2', cameraIds: presetA },
  { number: 2, name: 'B', template: '2x2', cameraIds: presetB },
]);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
await page.goto(`${server.url}/?wall=bench&screen=soak`);
const allLive = () => page.waitForFunction(`document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4`, undefined, { timeout: 30_000 }).then(() => true, () => false);
if (!(await allLive())) throw new Error('the soak screen never went live');

const tileOf = (cameraId: string) => `[data-testid="tile"][data-camera-id="${cameraId}"]`;
/** The profile a tile plays, from its picture's width: the publisher to kill is that one. */
async function profileOf(p: Page, cameraId: string): Promise<'main' | 'sub'> {
  const width = (await p.evaluate(`document.querySelector('${tileOf(cameraId)} video[data-active="true"]')?.videoWidth ?? 0`)) as number;
  return width === 640 ? 'sub' : 'main';
}

interface Restart {
  at_s: number;
  stream: string;
  /** Whether the tile stayed on screen through the restart (the held camera) or was switched in while its stream came back. */
  tile: 'held' | 'switched-in';
  /** kill: SIGKILL at once. freeze-then-kill: SIGSTOP for FREEZE_MS (no data, connection open), then SIGKILL. */
  fault: 'kill' | 'freeze-then-kill';
  killed_pid: number | null;
  /** The window's decode budget when the fault began (it decides the profile the tiles play). */
  budget: string | null;
  /** The tile's states in order while it was watched (held tile only). */
  states?: string[];
  /** From the kill to the held tile being live again after leaving live; null if it never left live, or did not come back within the watch. */
  back_live_ms?: number | null;
  /** The longest the held tile's picture stood still in the watch after the kill (to within 200 ms). */
  longest_freeze_ms?: number;
  /** Whether the held tile's picture was moving again at the end of the watch. */
  playing_at_end_of_watch?: boolean;
}

const startedAt = Date.now();
const sampler = await MemorySampler.attach(page, startedAt);
const samples: MemorySample[] = [await sampler.sample()];
const restarts: Restart[] = [];
const watches: Promise<void>[] = [];

/**
 * Follows the held tile after its stream was killed: the states it passes through, the longest
 * time its picture did not change (polled every 200 ms, so to within that), and whether it plays
 * again at the end of the watch. The media server may hold the player's connection open while the
 * publisher comes back, so a tile can recover without ever leaving "live": the freeze says how
 * long the picture stood still either way.
 */
async function watchHeldTile(restart: Restart, killedAt: number): Promise<void> {
  const probe = `(() => {
    const tile = document.querySelector('${tileOf(HELD)}');
    const video = tile?.querySelector('video[data-active="true"]');
    return { state: tile?.dataset.state ?? 'gone', frames: video ? video.getVideoPlaybackQuality().totalVideoFrames : -1 };
  })()`;
  const states: string[] = [];
  let left = false;
  let lastFrames = -1;
  let lastProgressAt = killedAt;
  let longestFreeze = 0;
  while (Date.now() - killedAt < RECOVERY_WATCH_MS) {
    const { state, frames } = (await page.evaluate(probe)) as { state: string; frames: number };
    const now = Date.now();
    if (states.at(-1) !== state) states.push(state);
    if (state !== 'live') left = true;
    else if (left && restart.back_live_ms === undefined) restart.back_live_ms = now - killedAt;
    // Any change counts: a replaced player starts a new element whose count starts again.
    if (frames !== lastFrames) {
      lastFrames = frames;
      lastProgressAt = now;
    }
    longestFreeze = Math.max(longestFreeze, now - lastProgressAt);
    await sleep(200);
  }
  restart.states = states;
  restart.back_live_ms ??= null;
  restart.longest_freeze_ms = longestFreeze;
  restart.playing_at_end_of_watch = Date.now() - lastProgressAt < 1000;
}

let showing: 1 | 2 = 1;
let switches = 0;
let failedSwitches = 0;
let nextSwitch = startedAt + SWITCH_EVERY_MS;
let nextRestart = startedAt + RESTART_EVERY_MS;
let nextSample = startedAt + SAMPLE_EVERY_MS;
const endAt = startedAt + MINUTES * 60_000;
while (Date.now() < endAt) {
  const now = Date.now();
  if (now >= nextSwitch) {
    nextSwitch += SWITCH_EVERY_MS;
    showing = showing === 1 ? 2 : 1;
    try {
      await operator.applyPreset(showing, 'soak');
      switches++;
    } catch (error) {
      failedSwitches++;
      console.warn(`switch refused: ${String(error)}`);
    }
  }
  if (now >= nextRestart) {
    nextRestart += RESTART_EVERY_MS;
    // Alternate: the held tile's stream (it must reconnect by itself), then a stream of the preset
    // about to come on screen (new tiles meet a camera that is still coming back).
    const held = restarts.length % 2 === 0;
    const cameraId = held ? HELD : ((showing === 1 ? presetB : presetA)[1 + (restarts.length % 3)] as string);
    const stream = `${cameraId}-${await profileOf(page, HELD)}`;
    // Every other fault on the held tile is a freeze: the media server keeps a player attached
    // across a publisher's restart, so a plain kill may never reach the player's own reconnect.
    const fault = held && restarts.filter((r) => r.tile === 'held').length % 2 === 1 ? 'freeze-then-kill' : 'kill';
    const budget = (await page.evaluate(`document.querySelector('[data-testid="grid"]')?.dataset.budget ?? null`)) as string | null;
    const restart: Restart = { at_s: Math.round((now - startedAt) / 1000), stream, tile: held ? 'held' : 'switched-in', fault, killed_pid: null, budget };
    restarts.push(restart);
    if (fault === 'kill') restart.killed_pid = killPublisher(stream) ?? null;
    else {
      restart.killed_pid = findPublisher(stream)?.pid ?? null;
      watches.push(freezeThenKillPublisher(stream, FREEZE_MS).then(() => undefined));
    }
    if (held) watches.push(watchHeldTile(restart, Date.now()));
  }
  if (now >= nextSample) {
    nextSample += SAMPLE_EVERY_MS;
    samples.push(await sampler.sample());
  }
  await sleep(100);
}
await Promise.all(watches);

// Every tile must be live again on its own; the last sample is taken once it is.
const endedLive = await allLive();
const finalTiles = (await page.evaluate(`[...document.querySelectorAll('[data-testid="tile"]')].map((t) => t.dataset.cameraId + ':' + t.dataset.state)`)) as string[];
samples.push(await sampler.sample());
operator.close();
await browser.close();
await server.close();

type Measure = 'js_heap_mb' | 'renderer_rss_mb' | 'dom_nodes' | 'js_event_listeners';
const summary = (measure: Measure) => {
  const values = samples.map((s) => s[measure]);
  const trend = robustSlope(samples.filter((s) => s.t_s >= TREND_AFTER_S).map((s) => ({ x: s.t_s / 3600, y: s[measure] })));
  return { start: values[0] ?? 0, end: values.at(-1) ?? 0, peak: Math.max(...values), trend_per_hour: Number.isFinite(trend) ? Number(trend.toFixed(measure.endsWith('_mb') ? 1 : 0)) : null };
};
const last = samples.at(-1);
const results = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', load_average_1min_at_end: Number((loadavg()[0] ?? 0).toFixed(2)) },
  minutes: MINUTES,
  minutes_note: process.env.PANTAU_SOAK_MINUTES ? `PANTAU_SOAK_MINUTES=${process.env.PANTAU_SOAK_MINUTES} (the default is 10)` : 'the default 10 minutes',
  viewport: '1920x1080',
  note:
    `2x2 screen; presets A and B alternate every ${SWITCH_EVERY_MS / 1000} s (${HELD} is in both, its tile stays; the other three tiles change at every switch); ` +
    `every ${RESTART_EVERY_MS / 1000} s one publisher ffmpeg is killed (SIGKILL) and the simulator's supervisor restarts it, alternately the held tile's stream and one of the preset about to come on screen; every other fault on the held stream first freezes the publisher for ${FREEZE_MS / 1000} s (SIGSTOP) before the kill. The held tile is then watched for ${RECOVERY_WATCH_MS / 1000} s (states, longest still picture). ` +
    `Every ${SAMPLE_EVERY_MS / 1000} s: HeapProfiler.collectGarbage, then Performance.getMetrics (JSHeapUsedSize, Nodes, JSEventListeners), the renderer processes' RSS and window.pantauDiagnostics.players(). ` +
    `Trend: Theil-Sen slope (median of pairwise slopes) over the samples from ${TREND_AFTER_S} s on, per hour (MB/h for the _mb measures). MB = 10^6 bytes.`,
  switches,
  failed_switches: failedSwitches,
  restarts,
  js_heap_mb: summary('js_heap_mb'),
  renderer_rss_mb: summary('renderer_rss_mb'),
  dom_nodes: summary('dom_nodes'),
  js_event_listeners: summary('js_event_listeners'),
  players_at_end: last?.players ?? null,
  all_tiles_ended_live: endedLive,
  tiles_at_end: finalTiles,
  samples,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/soak.json', `${JSON.stringify(results, null, 2)}\n`);
const heap = results.js_heap_mb;
const rss = results.renderer_rss_mb;
console.log(
  `soak ${MINUTES} min: ${switches} switches, ${restarts.length} restarts; JS heap ${heap.start} -> ${heap.end} MB (peak ${heap.peak}, trend ${heap.trend_per_hour} MB/h); ` +
    `renderer RSS ${rss.start} -> ${rss.end} MB (trend ${rss.trend_per_hour} MB/h); players ${JSON.stringify(last?.players)}; all tiles live at end: ${endedLive}`,
);
