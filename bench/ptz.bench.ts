/**
 * PTZ key to picture, on the wall: the time from an arrow key going down in the wall page to the
 * first frame presented in the PTZ tile that shows the camera moved. Real parts throughout: the
 * server (hub, PTZ service, simulated PTZ camera drawn in Node, x264 zerolatency, RTMP,
 * node-media-server), the wall screen in Chromium with its own tile player (mpegts.js over
 * WS-FLV), the keyboard layer and usePtzControl. Both ends are read on the page's clock: the
 * key-down event's timeStamp, and the presented frame's expectedDisplayTime from
 * requestVideoFrameCallback on the tile's active video, each frame fingerprinted against the
 * still picture. Writes bench/results/ptz.json {"p50_ms","p95_ms",...} and prints it.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultServerOptions } from '../server/config/server-options.js';
import { launchChromium } from '../e2e/support/chromium.js';
import { startBenchServer, summarise } from './support/bench-server.js';

const TRIALS = 20;
const CAMERA = 'ptz-bench';
const TILE = `[data-testid="tile"][data-camera-id="${CAMERA}"]`;

// A copy of the built renderer, so that a rebuild of dist/renderer meanwhile cannot pull the page away.
const rendererDir = mkdtempSync(join(tmpdir(), 'pantau-ptz-bench-renderer-'));
cpSync(defaultServerOptions().rendererDir, rendererDir, { recursive: true });
const server = await startBenchServer(
  [{ id: CAMERA, name: 'PTZ bench', agency: 'police', ptz: true, simulated: 'ptz', location: { latitude: -7.574, longitude: 110.828 }, streams: { main: `/live/${CAMERA}.flv` } }],
  [{ id: '1', columns: 1, rows: 1, cameras: [CAMERA] }],
  { rendererDir },
);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
// An open loopback server: the page is the demo user, who may steer. Tile 1 is selected at start.
await page.goto(`${server.url}/?wall=bench&screen=1`);
await page.waitForSelector(`${TILE}[data-state="live"]`, { timeout: 30_000 });
await page.waitForSelector(`${TILE} [data-testid="ptz-badge"]`, { timeout: 10_000 });

// In the page: every frame the tile's active video presents is fingerprinted (16x16 grey). It
// keeps when the picture last changed from one frame to the next (to wait for a still camera),
// and, once armed with the still picture, the display time of the first frame that differs from
// it. The key-down's time is taken in the capture phase, before the wall's own handler runs.
// A string, not a function: esbuild would wrap the named inner functions in __name().
await page.evaluate(`(() => {
  const canvas = document.createElement('canvas');
  canvas.width = 16; canvas.height = 16;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const watched = new WeakSet();
  const differs = (a, b) => a.some((value, index) => Math.abs(value - b[index]) > 8);
  const watch = window.ptzWatch = { last: null, lastChangeAt: performance.now(), baseline: null, keyDownAt: null, movedAt: null };
  window.addEventListener('keydown', (event) => { if (!event.repeat && watch.keyDownAt === null) watch.keyDownAt = event.timeStamp; }, true);
  const onFrame = (video) => (now, metadata) => {
    if (video.dataset.active === 'true') {
      context.drawImage(video, 0, 0, 16, 16);
      const data = context.getImageData(0, 0, 16, 16).data;
      const grey = [];
      for (let i = 0; i < data.length; i += 4) grey.push((data[i] + data[i + 1] + data[i + 2]) / 3);
      if (watch.last === null || differs(grey, watch.last)) watch.lastChangeAt = performance.now();
      watch.last = grey;
      if (watch.baseline !== null && watch.movedAt === null && differs(grey, watch.baseline)) watch.movedAt = metadata.expectedDisplayTime;
    }
    video.requestVideoFrameCallback(onFrame(video));
  };
  // The tile swaps between its video elements when it reconnects: watch whichever is active.
  const follow = () => {
    for (const video of document.querySelectorAll(${JSON.stringify(`${TILE} video`)})) {
      if (watched.has(video)) continue;
      watched.add(video);
      video.requestVideoFrameCallback(onFrame(video));
    }
  };
  follow();
  setInterval(follow, 500);
})()`);

interface PtzWatch { last: number[] | null; lastChangeAt: number; baseline: number[] | null; keyDownAt: number | null; movedAt: number | null }

/** The camera is still (the badge says so) and its still picture has been on screen for a second. */
const stillOnScreen = (tile: string) => {
  const watch = (window as unknown as { ptzWatch: PtzWatch }).ptzWatch;
  const badge = document.querySelector<HTMLElement>(`${tile} [data-testid="ptz-badge"]`);
  return watch.last !== null && performance.now() - watch.lastChangeAt > 1000 && badge?.dataset.ptzMoving === 'false';
};

const latencies: number[] = [];
for (let trial = 0; trial < TRIALS; trial++) {
  // A still camera whose still picture has reached the screen, then arm the watch with it.
  // Functions, not strings: the wall's content security policy forbids eval, which string predicates need.
  await page.waitForFunction(stillOnScreen, TILE, { timeout: 20_000 });
  await page.evaluate(() => {
    const watch = (window as unknown as { ptzWatch: PtzWatch }).ptzWatch;
    Object.assign(watch, { baseline: watch.last, keyDownAt: null, movedAt: null });
  });
  const key = trial % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
  await page.keyboard.down(key);
  await page.waitForFunction(() => (window as unknown as { ptzWatch: PtzWatch }).ptzWatch.movedAt !== null, undefined, { timeout: 10_000 });
  const { keyDownAt, movedAt } = await page.evaluate(() => {
    const watch = (window as unknown as { ptzWatch: PtzWatch }).ptzWatch;
    return { keyDownAt: watch.keyDownAt, movedAt: watch.movedAt };
  });
  if (keyDownAt === null || movedAt === null) throw new Error('the page saw no key-down');
  latencies.push(movedAt - keyDownAt);
  await page.keyboard.up(key);
}

await browser.close();
await server.close();
rmSync(rendererDir, { recursive: true, force: true });

const { p50, p95, max } = summarise(latencies);
const result = {
  p50_ms: Math.round(p50),
  p95_ms: Math.round(p95),
  max_ms: Math.round(max),
  trials: latencies.length,
  from: 'key-down in the wall page',
  to: 'first moved frame presented in the PTZ tile',
  player: 'the wall tile: mpegts.js over WS-FLV, main stream, 1x1 screen',
  // The figures move with what else the machine runs: say how busy it was.
  cpus: cpus().length,
  load_average_1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/ptz.json', `${JSON.stringify(result)}\n`);
console.log(JSON.stringify(result));
console.log(`ptz key-down to moved frame on the wall: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, max ${result.max_ms} ms (${latencies.length} trials)`);
