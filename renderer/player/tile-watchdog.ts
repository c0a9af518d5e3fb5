import { backoffDelay, type BackoffPolicy } from '../../protocol/index.js';

/** What a tile says about its picture; every status is shown in words, never by colour alone. */
export type TileStatus = 'connecting' | 'live' | 'stalled' | 'reconnecting' | 'offline' | 'paused';

export interface WatchdogConfig {
  /** No new frame for this long: the picture is stale and the tile says so. */
  stallAfterMs: number;
  /** Stale for this much longer: the player is replaced. */
  restartAfterStallMs: number;
  /** A new player that shows no frame within this long has failed. */
  connectTimeoutMs: number;
  /** After this many failures in a row the tile is offline (it keeps retrying). */
  offlineAfterAttempts: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_WATCHDOG: WatchdogConfig = {
  stallAfterMs: 1500,
  restartAfterStallMs: 2500,
  connectTimeoutMs: 8000,
  offlineAfterAttempts: 3,
  backoff: { initialMs: 1000, maxMs: 30_000, jitter: 0.3 },
};

export interface TileHealth {
  status: TileStatus;
  /** When the tile entered its status (ms, the clock the events carry). */
  since: number;
  lastFrameAt: number | null;
  lastError: string | null;
  /** Failures in a row since the last good picture. */
  failures: number;
  /** When the current player started; null while waiting to restart. */
  playerStartedAt: number | null;
}

export type WatchdogEvent =
  | { type: 'started'; at: number }
  /** Nobody can see the tile (its window is hidden): the player is gone until it is seen again. */
  | { type: 'paused'; at: number }
  | { type: 'frame'; at: number }
  | { type: 'error'; at: number; message: string }
  | { type: 'tick'; at: number };

/** What the player must do after an event: nothing, or tear down and start again after a delay. */
export type WatchdogAction = { kind: 'none' } | { kind: 'restart'; delayMs: number };

export function initialHealth(at: number): TileHealth {
  return { status: 'connecting', since: at, lastFrameAt: null, lastError: null, failures: 0, playerStartedAt: null };
}

const NONE: WatchdogAction = { kind: 'none' };

function enter(health: TileHealth, status: TileStatus, at: number): TileHealth {
  return health.status === status ? health : { ...health, status, since: at };
}

function fail(health: TileHealth, at: number, message: string, config: WatchdogConfig, random: number): { health: TileHealth; action: WatchdogAction } {
  const failures = health.failures + 1;
  const status: TileStatus = failures >= config.offlineAfterAttempts ? 'offline' : 'reconnecting';
  const next = { ...enter(health, status, at), failures, lastError: message, playerStartedAt: null };
  return { health: next, action: { kind: 'restart', delayMs: backoffDelay(config.backoff, failures - 1, random) } };
}

/**
 * The tile's watchdog, as a pure step function: decides the tile's status from frames, errors
 * and the passing of time, and when its player must be replaced. mpegts.js needs this: a
 * stream that stops may raise no error at all (xqq/mpegts.js #8).
 */
export function stepWatchdog(health: TileHealth, event: WatchdogEvent, config: WatchdogConfig, random: number): { health: TileHealth; action: WatchdogAction } {
  switch (event.type) {
    case 'started':
      if (health.status === 'paused') return { health: { ...initialHealth(event.at), playerStartedAt: event.at }, action: NONE };
      return { health: { ...health, playerStartedAt: event.at }, action: NONE };
    case 'paused':
      return { health: { ...enter(health, 'paused', event.at), playerStartedAt: null }, action: NONE };
    case 'frame':
      return { health: { ...enter(health, 'live', event.at), lastFrameAt: event.at, failures: 0, lastError: null }, action: NONE };
    case 'error':
      if (health.playerStartedAt === null) return { health, action: NONE };
      return fail(health, event.at, event.message, config, random);
    case 'tick': {
      if (health.playerStartedAt === null) return { health, action: NONE };
      const now = event.at;
      if (health.status === 'live' || health.status === 'stalled') {
        const silentFor = now - (health.lastFrameAt ?? health.playerStartedAt);
        if (silentFor >= config.stallAfterMs + config.restartAfterStallMs) {
          return fail(health, now, `no picture for ${Math.round(silentFor / 1000)} s`, config, random);
        }
        if (silentFor >= config.stallAfterMs) {
          // The stale time counts from the last frame, not from when we noticed.
          return { health: health.status === 'stalled' ? health : { ...health, status: 'stalled', since: health.lastFrameAt ?? now }, action: NONE };
        }
        return { health, action: NONE };
      }
      const waitingFor = now - health.playerStartedAt;
      if (waitingFor >= config.connectTimeoutMs) return fail(health, now, `no picture within ${Math.round(waitingFor / 1000)} s`, config, random);
      return { health, action: NONE };
    }
  }
}

/** "mm:ss" (or "h:mm:ss") for a duration, as the tile shows how long it has been stale. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
