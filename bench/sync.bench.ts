/**
 * Shared wall state under load: 50 screens connected to the real server (its own process, with
 * its SQLite store, the test wall of two 2x2 screens), an operator's actions sent one after another, and the time from sending each
 * to the moment every screen has applied its change. Writes bench/results/sync.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { EVENTS, HelloReplySchema, IntentReplySchema, PROTOCOL_VERSION, WallChangeSchema } from '../protocol/index.js';
import { WallReplica } from '../renderer/sync/wall-replica.js';
import { TEST_CATALOGUE, TEST_WALLS } from '../e2e/support/test-server.js';
import { findFreePort } from '../server/net/port-check.js';
import { summarise } from './support/bench-server.js';

const SCREENS = 50;
const ACTIONS = 300;
const WARMUP = 20;

const [port, rtmpPort, mediaPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--rtmp-port', String(rtmpPort), '--media-port', String(mediaPort), '--no-simulator', '--data', mkdtempSync(join(tmpdir(), 'pantau-bench-store-')), '--walls', TEST_WALLS, '--catalogue', TEST_CATALOGUE], { stdio: 'ignore' });

async function waitForHealthy(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server never became healthy');
}

interface Screen { socket: Socket; replica: WallReplica }

async function connectScreen(index: number): Promise<Screen> {
  const socket = io(url, { transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
  const reply = HelloReplySchema.parse(await socket.timeout(10_000).emitWithAck(EVENTS.hello, { protocolVersion: PROTOCOL_VERSION, clientKind: 'wall-screen', wallId: 'demo', screenId: index % 2 === 0 ? '1' : '2', token: null }));
  if (!reply.ok || reply.catchUp.kind !== 'snapshot') throw new Error('hello refused');
  const screen: Screen = { socket, replica: new WallReplica(reply.catchUp.snapshot) };
  socket.on(EVENTS.change, (payload: unknown) => {
    screen.replica.applyChange(WallChangeSchema.parse(payload));
    waiters.get(screen.replica.sequence)?.();
  });
  return screen;
}

// Resolved each time a screen reaches a sequence; the action's time ends when the last one does.
const waiters = new Map<number, () => void>();

try {
  await waitForHealthy();
  const screens: Screen[] = [];
  for (let index = 0; index < SCREENS; index++) screens.push(await connectScreen(index));
  const [operator] = screens;
  if (!operator) throw new Error('no screen connected');
  const samples: number[] = [];
  for (let action = 0; samples.length < ACTIONS && action < 4 * (WARMUP + ACTIONS); action++) {
    const start = performance.now();
    const target = operator.replica.sequence + 1;
    let remaining = screens.length;
    const allApplied = new Promise<void>((resolve) => {
      waiters.set(target, () => {
        remaining -= 1;
        if (remaining === 0) resolve();
      });
    });
    const intent = { type: 'put-camera', screenId: action % 2 === 0 ? '1' : '2', tileIndex: action % 4, camera: { number: 1 + ((action * 3) % 8) } };
    const reply = IntentReplySchema.parse(await operator.socket.timeout(10_000).emitWithAck(EVENTS.intent, intent));
    if (!reply.ok) throw new Error(reply.error.message);
    if (reply.sequence === target - 1) {
      // The camera was already in that tile: nothing changed, nothing to wait for.
      waiters.delete(target);
      continue;
    }
    if (reply.sequence !== target) throw new Error(`expected change ${target}, got ${reply.sequence}`);
    await Promise.race([allApplied, new Promise((_, reject) => setTimeout(() => reject(new Error('a screen never applied the change')), 10_000))]);
    waiters.delete(target);
    if (action >= WARMUP) samples.push(performance.now() - start);
    // The rate limit allows 20 actions a second per client: stay under it, as an operator would.
    await new Promise((resolve) => setTimeout(resolve, 55));
  }
  const diverged = screens.filter((screen) => JSON.stringify(screen.replica.wall) !== JSON.stringify(operator.replica.wall)).length;
  const { p50, p95, max } = summarise(samples);
  const result = { screens: SCREENS, actions: ACTIONS, p50_ms: Math.round(p50 * 10) / 10, p95_ms: Math.round(p95 * 10) / 10, max_ms: Math.round(max * 10) / 10, diverged_screens: diverged };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/sync.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`sync: ${SCREENS} screens, action to every screen applied p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, max ${result.max_ms} ms; ${diverged} screens diverged`);
  for (const screen of screens) screen.socket.disconnect();
} finally {
  server.kill('SIGTERM');
}
