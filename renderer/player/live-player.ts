import mpegts from 'mpegts.js';
import { backoffDelay, type BackoffPolicy } from '../../protocol/index.js';
import { liveMediaSource, liveTileConfig } from './player-config.js';
import { STALL_AFTER_MS, tileStateAt, type TileState } from './tile-state.js';

// mpegts.js logs every segment at info level; a wall with 36 tiles would drown its console.
mpegts.LoggingControl.enableVerbose = false;
mpegts.LoggingControl.enableDebug = false;
mpegts.LoggingControl.enableInfo = false;

const RECONNECT_POLICY: BackoffPolicy = { initialMs: 500, maxMs: 10_000, jitter: 0.3 };
const WATCH_INTERVAL_MS = 500;

/**
 * Plays one live stream into one video element and keeps it playing: a new player after an
 * error or when no frame has arrived for a while, because mpegts.js has no in-place recovery
 * and a stopped stream may raise no error at all (xqq/mpegts.js #8).
 */
export class LivePlayer {
  #player: mpegts.Player | null = null;
  #attempt = 0;
  #startedAt = 0;
  #lastFrameAt: number | null = null;
  #frameCallback = 0;
  #retryTimer: number | undefined;
  #watchTimer: number | undefined;
  #state: TileState = 'connecting';
  #closed = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly url: string,
    private readonly onState: (state: TileState) => void,
  ) {}

  /** Starts playing and watching the stream. */
  start(): void {
    this.#watchTimer = window.setInterval(() => this.#watch(), WATCH_INTERVAL_MS);
    this.#create();
  }

  /** Stops and releases everything: player, worker, media element buffers and timers. */
  destroy(): void {
    this.#closed = true;
    window.clearInterval(this.#watchTimer);
    window.clearTimeout(this.#retryTimer);
    this.#teardown();
    this.video.removeAttribute('src');
    this.video.load();
  }

  #create(): void {
    if (this.#closed) return;
    const workerMse = typeof MediaSource !== 'undefined' && 'canConstructInDedicatedWorker' in MediaSource && MediaSource.canConstructInDedicatedWorker === true;
    const player = mpegts.createPlayer(liveMediaSource(this.url), liveTileConfig(workerMse));
    this.#player = player;
    this.#startedAt = performance.now();
    this.#lastFrameAt = null;
    player.on(mpegts.Events.ERROR, () => this.#retry());
    player.attachMediaElement(this.video);
    player.load();
    void this.video.play().catch(() => undefined);
    this.#watchFrames();
  }

  #watchFrames(): void {
    const onFrame = (): void => {
      this.#lastFrameAt = performance.now();
      if (this.#attempt > 0 && this.#state === 'live') this.#attempt = 0;
      this.#frameCallback = this.video.requestVideoFrameCallback(onFrame);
    };
    this.#frameCallback = this.video.requestVideoFrameCallback(onFrame);
  }

  #watch(): void {
    const now = performance.now();
    this.#setState(tileStateAt(now, this.#startedAt, this.#lastFrameAt, this.#attempt));
    const silentSince = this.#lastFrameAt ?? this.#startedAt;
    const limit = this.#lastFrameAt === null ? STALL_AFTER_MS * 2 : STALL_AFTER_MS;
    if (this.#player !== null && now - silentSince > limit) this.#retry();
  }

  #retry(): void {
    if (this.#closed || this.#retryTimer !== undefined) return;
    this.#teardown();
    this.#setState('reconnecting');
    const delay = backoffDelay(RECONNECT_POLICY, this.#attempt++, Math.random());
    this.#retryTimer = window.setTimeout(() => {
      this.#retryTimer = undefined;
      this.#create();
    }, delay);
  }

  #teardown(): void {
    this.video.cancelVideoFrameCallback(this.#frameCallback);
    const player = this.#player;
    this.#player = null;
    if (!player) return;
    // Destroying while the worker is busy or before the socket opens can throw (mpegts.js #218, #197).
    try {
      player.pause();
      player.unload();
      player.detachMediaElement();
      player.destroy();
    } catch (error) {
      console.warn('mpegts.js teardown failed', error);
    }
  }

  #setState(state: TileState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.onState(state);
  }
}
