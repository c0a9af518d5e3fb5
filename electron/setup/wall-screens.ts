import { io } from 'socket.io-client';
import { EVENTS, HelloReplySchema, PROTOCOL_VERSION, type Hello } from '../../protocol/index.js';
import type { WallScreens } from '../../protocol/workstation-config-setup.js';

/** Sends one hello to the server and resolves with the raw acknowledgement; injected so tests can use a stand-in. */
export type HelloTransport = (serverUrl: string, hello: Hello) => Promise<unknown>;

/** The screen id tried first: walls number their screens from 1 by convention (the demo does). */
const FIRST_GUESS = '1';
const HELLO_TIMEOUT_MS = 5000;

/**
 * The screen ids a refused hello names. The reference server answers an unknown screen with
 * `... (it has: 1, 2, map)`; the protocol has no call that lists a wall's screens, so the setup
 * reads that list and says hello again with one of them to get the names.
 */
function screensNamedInRefusal(detail: string): string[] {
  const match = /\(it has: ([^)]*)\)\s*$/.exec(detail);
  return match?.[1] ? match[1].split(',').map((id) => id.trim()).filter((id) => id.length > 0) : [];
}

/**
 * Lists a wall's screens by saying hello as a 'workstation' (at most two hellos: a guess, then a
 * screen the refusal named). Every failure comes back as a problem with the server's words.
 */
export async function listWallScreens(serverUrl: string, wallId: string, token: string | null, machineName: string, send: HelloTransport): Promise<WallScreens> {
  let screenId = FIRST_GUESS;
  for (let attempt = 0; attempt < 2; attempt++) {
    const hello: Hello = { protocolVersion: PROTOCOL_VERSION, clientKind: 'workstation', wallId, screenId, token, workstation: machineName.slice(0, 64) || 'pantau-setup' };
    let raw: unknown;
    try {
      raw = await send(serverUrl, hello);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: /timeout|timed out/i.test(message) ? 'timeout' : 'unreachable', detail: message.slice(0, 200) };
    }
    const reply = HelloReplySchema.safeParse(raw);
    if (!reply.success) return { ok: false, problem: 'bad-reply', detail: 'the server answered the hello with something this app does not understand' };
    if (reply.data.ok) {
      if (reply.data.catchUp.kind !== 'snapshot') return { ok: false, problem: 'bad-reply', detail: 'the server sent changes instead of the wall' };
      const wall = reply.data.catchUp.snapshot.wall;
      return { ok: true, wallId: wall.id, wallName: wall.name, screens: wall.screens.map((s) => ({ id: s.id, name: s.name })) };
    }
    const error = reply.data.error;
    const detail = error.issues[0]?.reason ?? error.message;
    if (error.code === 'unknown-screen') {
      const named = screensNamedInRefusal(detail);
      if (named[0] === undefined || attempt > 0) return { ok: false, problem: 'bad-reply', detail: detail.slice(0, 500) };
      screenId = named[0];
      continue;
    }
    if (error.code === 'unknown-wall') return { ok: false, problem: 'unknown-wall', detail: detail.slice(0, 500) };
    if (error.code === 'unauthorized' || error.code === 'forbidden') return { ok: false, problem: 'unauthorized', detail: detail.slice(0, 500) };
    if (error.code === 'protocol-version') return { ok: false, problem: 'protocol-mismatch', detail: detail.slice(0, 500) };
    return { ok: false, problem: 'bad-reply', detail: detail.slice(0, 500) };
  }
  return { ok: false, problem: 'bad-reply', detail: 'the server named no screen it has' };
}

/** A hello over socket.io (WebSocket only, as the wall connects), closed after the answer. */
export const socketHello: HelloTransport = async (serverUrl, hello) => {
  const socket = io(serverUrl, { transports: ['websocket'], reconnection: false, timeout: HELLO_TIMEOUT_MS, forceNew: true });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error) => reject(new Error(`cannot connect: ${error.message}`)));
    });
    return (await socket.timeout(HELLO_TIMEOUT_MS).emitWithAck(EVENTS.hello, hello)) as unknown;
  } finally {
    socket.close();
  }
};
