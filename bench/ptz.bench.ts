/**
 * PTZ command to picture: the time from sending a move on the PTZ channel to the first frame
 * presented in Chromium that shows the camera moved. Real parts: the PTZ channel on socket.io,
 * the simulated PTZ camera (drawn in Node, x264 zerolatency, RTMP), node-media-server, WS-FLV,
 * mpegts.js in Chromium. Each presented frame is fingerprinted (requestVideoFrameCallback +
 * canvas) against the still picture; its display time is read on the same clock as the send.
 * Writes bench/results/ptz.json {"p50_ms","p95_ms"}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { CatalogueCameraSchema } from '../protocol/catalogue.js';
import { PTZ_EVENTS, PtzReplySchema, type PtzCommand } from '../protocol/ptz.js';
import { setIdentity } from '../server/auth/principal.js';
import { startMediaServer } from '../server/media/media-server.js';
import { findFreePort } from '../server/net/port-check.js';
import { attachPtzChannel } from '../server/ptz/ptz-channel.js';
import { createPtzDrivers } from '../server/ptz/ptz-drivers.js';
import { PtzService } from '../server/ptz/ptz-service.js';
import { startCameraSimulator } from '../server/simulator/camera-simulator.js';
import { launchChromium } from '../e2e/support/chromium.js';
import { createRequire } from 'node:module';
import { waitForAllPlaying } from './support/baseline-page.js';
import { summarise } from './support/bench-server.js';

const TRIALS = 20;
const camera = CatalogueCameraSchema.parse({
  id: 'ptz-bench', name: 'PTZ bench', agency: 'police', ptz: true, simulated: 'ptz',
  location: { latitude: -7.574, longitude: 110.828 }, streams: { main: '/live/ptz-bench.flv' },
});

const [rtmpPort, httpPort, hubPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
const media = await startMediaServer({ host: '127.0.0.1', rtmpPort, httpPort, dataDir: await mkdtemp(join(tmpdir(), 'pantau-ptz-bench-')) });
const ptz = createPtzDrivers([camera]);
const simulator = await startCameraSimulator([], [], rtmpPort, join(tmpdir(), 'pantau-ptz-bench-clips'), ptz.simulated);
const service = new PtzService({ drivers: ptz.drivers });
const httpServer = createServer();
const io = new SocketServer(httpServer, { transports: ['websocket'] });
// Stands in for an accepted hello: this bench measures the PTZ path, not the hub.
io.use((socket, next) => {
  setIdentity(socket, { principal: { userId: 'bench', name: 'Bench', role: 'operator', walls: '*' }, wallId: 'bench', screenId: '1', workstationId: null });
  next();
});
attachPtzChannel(io, service);
await new Promise<void>((resolve) => httpServer.listen(hubPort, '127.0.0.1', resolve));
const socket = connect(`http://127.0.0.1:${hubPort}`, { transports: ['websocket'], reconnection: false });
await new Promise<void>((resolve) => socket.once('connect', () => resolve()));

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 640, height: 360 } });
// mpegts.js tuned for live as the wall's player is (no stash, latency chasing): the wall's own
// tile cannot be used until the server wires PTZ into its hub (docs/ptz.md).
await page.setContent('<!doctype html><html><body style="margin:0;background:#000"><video muted style="width:100%;height:100vh"></video></body></html>');
await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mpegts.js/dist/mpegts.js') });
await page.evaluate(`(() => {
  const player = mpegts.createPlayer({ type: 'flv', isLive: true, hasAudio: false, url: ${JSON.stringify(`ws://127.0.0.1:${httpPort}/live/ptz-bench.flv`)} },
    { enableStashBuffer: false, liveBufferLatencyChasing: true, liveBufferLatencyMaxLatency: 0.5, liveBufferLatencyMinRemain: 0.1 });
  player.attachMediaElement(document.querySelector('video'));
  player.load();
  player.play();
})()`);
await waitForAllPlaying(page, 1);

// In the page: every presented frame is fingerprinted; once armed with the still picture, the
// first frame that differs records its display time (wall clock, as Date.now() in Node).
await page.evaluate(`(() => {
  const video = document.querySelector('video');
  const canvas = document.createElement('canvas');
  canvas.width = 16; canvas.height = 16;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const print = () => {
    context.drawImage(video, 0, 0, 16, 16);
    const data = context.getImageData(0, 0, 16, 16).data;
    const grey = [];
    for (let i = 0; i < data.length; i += 4) grey.push((data[i] + data[i + 1] + data[i + 2]) / 3);
    return grey;
  };
  window.ptzWatch = { last: null, baseline: null, movedAt: null };
  const onFrame = (now, metadata) => {
    const grey = print();
    const watch = window.ptzWatch;
    watch.last = grey;
    if (watch.baseline && watch.movedAt === null && grey.some((value, index) => Math.abs(value - watch.baseline[index]) > 8)) {
      watch.movedAt = performance.timeOrigin + metadata.expectedDisplayTime;
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
})()`);

async function send(command: PtzCommand): Promise<void> {
  const reply = PtzReplySchema.parse(await socket.timeout(5000).emitWithAck(PTZ_EVENTS.command, command));
  if (!reply.ok) throw new Error(`PTZ refused: ${reply.error.message}`);
}

const latencies: number[] = [];
for (let trial = 0; trial < TRIALS; trial++) {
  // Let the stopped picture reach the screen, then arm the watch with it.
  await page.waitForTimeout(1500);
  await page.evaluate('window.ptzWatch.baseline = window.ptzWatch.last; window.ptzWatch.movedAt = null');
  const sentAt = Date.now();
  await send({ type: 'move', cameraId: camera.id, pan: trial % 2 === 0 ? 1 : -1, tilt: 0, zoom: 0 });
  await page.waitForFunction('window.ptzWatch.movedAt !== null', undefined, { timeout: 10_000 });
  const movedAt = (await page.evaluate('window.ptzWatch.movedAt')) as number;
  latencies.push(movedAt - sentAt);
  await send({ type: 'stop', cameraId: camera.id });
}

socket.disconnect();
await browser.close();
await service.close();
await io.close();
await simulator.stop();
await media.stop();
await rm(media.dataDir, { recursive: true, force: true });

const { p50, p95, max } = summarise(latencies);
const result = { p50_ms: Math.round(p50), p95_ms: Math.round(p95) };
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/ptz.json', `${JSON.stringify(result)}\n`);
console.log(`ptz command to moved frame: p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, max ${Math.round(max)} ms (${latencies.length} trials; mpegts.js without stash, with latency chasing)`);
