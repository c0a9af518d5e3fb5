import { startHlsEngine } from './engines/hls-engine.js';
import { startMpegtsEngine } from './engines/mpegts-engine.js';
import type { EngineEvents, StreamEngine } from './engines/stream-engine.js';
import { playbackRateFor, seekTargetFor, tilePolicy } from './latency-control.js';
import { candidateUrls, protocolOf, type StreamProtocol } from './stream-source.js';
import { FrameRateMeter, type TileStats } from './tile-stats.js';
import { playerDiagnostics } from './player-diagnostics.js';
import { windowBudget } from './window-budget.js';
import { DEFAULT_WATCHDOG, initialHealth, stepWatchdog, type TileHealth, type WatchdogConfig, type WatchdogEvent } from './tile-watchdog.js';

const TICK_MS = 250;
/**
 * Long-lived players are replaced on a schedule, staggered so a wall never renews every tile at
 * once: a safety net against slow upstream leaks and latency drift (mpegts.js #50, #47, #208).
 */
const REFRESH_AFTER_MS = 6 * 60 * 60 * 1000;
const REFRESH_SPREAD = 0.2;

/**
 * Plays one live stream into one video element and keeps it honest: the watchdog decides the
 * tile's status from presented frames, errors and time, and a failed player is destroyed and
 * replaced (neither mpegts.js nor hls.js recovers in place from every failure).
 */
export class LivePlayer {
  readonly #candidates: string[];
  /** Which of the candidate addresses is in use; it stays once it has shown a picture. */
  #candidate = 0;
  #candidateProven = false;
  #player: StreamEngine | null = null;
  #health: TileHealth = initialHealth(performance.now());
  /** The video element's running frame count at the last tick; a rise means new pictures. */
  #lastFrameCount = 0;
  #restartTimer: number | undefined;
  #tickTimer: number | undefined;
  #bitrateKbps = 0;
  readonly #frames = new FrameRateMeter();
  #closed = false;
  #visible = true;
  #createdAt = 0;
  /** Whether this player has been within its latency band, or jumped there, since it started. */
  #reachedLiveEdge = false;
  #leaveBudget: (() => void) | undefined;
  readonly #refreshAfterMs = REFRESH_AFTER_MS * (1 - REFRESH_SPREAD + 2 * REFRESH_SPREAD * Math.random());

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly url: string,
    private readonly onHealth: (health: TileHealth) => void,
    private readonly options: { frugal: boolean } = { frugal: false },
    private readonly config: WatchdogConfig = DEFAULT_WATCHDOG,
  ) {
    this.#candidates = candidateUrls(url);
  }

  get #url(): string {
    return this.#candidates[this.#candidate] ?? this.url;
  }

  get #protocol(): StreamProtocol | null {
    return protocolOf(this.#url);
  }

  /** Starts playing and watching the stream (paused at once if nobody can see it). */
  start(visible = true): void {
    playerDiagnostics.tilePlayers += 1;
    this.#tickTimer = window.setInterval(() => this.#onTick(), TICK_MS);
    this.#leaveBudget = windowBudget.register(this);
    this.#visible = visible;
    if (visible) this.#create();
    else this.#handle({ type: 'paused', at: performance.now() });
  }

  /**
   * Decode nothing that nobody sees: a hidden tile drops its player, and a tile seen again
   * starts a new one at the live edge rather than playing what it missed.
   */
  setVisible(visible: boolean): void {
    if (this.#closed || visible === this.#visible) return;
    this.#visible = visible;
    window.clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    this.#teardown();
    if (visible) this.#create();
    else this.#handle({ type: 'paused', at: performance.now() });
  }

  #onTick(): void {
    const now = performance.now();
    if (this.#player !== null && this.#health.status === 'live' && now - this.#createdAt > this.#refreshAfterMs) {
      this.#teardown();
      this.#create();
      return;
    }
    // Progress is read from the element's frame count each tick rather than a callback per
    // frame: 36 tiles at 25 fps would be 900 callbacks a second on the main thread.
    const frames = this.video.getVideoPlaybackQuality().totalVideoFrames;
    this.#frames.sample(now, frames);
    // A new player's element counts from 0 again, so any change (not only a rise) is progress.
    if (this.#player !== null && frames !== this.#lastFrameCount && frames > 0) this.#handle({ type: 'frame', at: now });
    this.#lastFrameCount = frames;
    this.#handle({ type: 'tick', at: now });
    if (this.#player !== null && !this.#player.holdsLiveEdge && this.#health.status === 'live') this.#holdLiveEdge(this.#player);
  }

  #holdLiveEdge(player: StreamEngine): void {
    const policy = tilePolicy(windowBudget.level.latency, player.batchesInput);
    const ahead = this.#bufferAheadSeconds();
    const buffered = this.video.buffered;
    const seekTo = buffered.length > 0 ? seekTargetFor(ahead, buffered.end(buffered.length - 1), policy, this.#reachedLiveEdge) : null;
    // The start-up jump happens once; after it only the rate control and the far-behind jump act.
    if (seekTo !== null || ahead <= policy.maxSeconds) this.#reachedLiveEdge = true;
    if (seekTo !== null) {
      this.video.currentTime = seekTo;
      return;
    }
    const rate = playbackRateFor(ahead, this.video.playbackRate, policy);
    if (rate !== this.video.playbackRate) this.video.playbackRate = rate;
  }

  /** Stops and releases everything: player, worker, media element buffers and timers. */
  destroy(): void {
    if (this.#closed) return;
    if (this.#tickTimer !== undefined) playerDiagnostics.tilePlayers -= 1;
    this.#closed = true;
    this.#leaveBudget?.();
    window.clearInterval(this.#tickTimer);
    window.clearTimeout(this.#restartTimer);
    this.#teardown();
    this.video.removeAttribute('src');
    this.video.load();
  }

  get health(): TileHealth {
    return this.#health;
  }

  /** Frames decoded and dropped by this tile's video element so far (for the window's decode budget). */
  frameCounts(): { decoded: number; dropped: number } {
    const quality = this.video.getVideoPlaybackQuality();
    return { decoded: quality.totalVideoFrames, dropped: quality.droppedVideoFrames };
  }

  #bufferAheadSeconds(): number {
    const buffered = this.video.buffered;
    return buffered.length > 0 ? Math.max(0, buffered.end(buffered.length - 1) - this.video.currentTime) : 0;
  }

  /** The figures of the stats overlay, read now. */
  stats(): TileStats {
    const quality = this.video.getVideoPlaybackQuality();
    return {
      status: this.#health.status,
      protocol: this.#protocol,
      width: this.video.videoWidth,
      height: this.video.videoHeight,
      framesPerSecond: this.#frames.rate(),
      bitrateKbps: this.#bitrateKbps,
      bufferLatencyMs: Math.round(this.#bufferAheadSeconds() * 1000),
      budget: windowBudget.level.name,
      droppedFrames: quality.droppedVideoFrames,
      totalFrames: quality.totalVideoFrames,
    };
  }

  #handle(event: WatchdogEvent): void {
    if (this.#closed) return;
    const previous = this.#health;
    const { health, action } = stepWatchdog(previous, event, this.config, Math.random());
    this.#health = health;
    if (health.status !== previous.status || health.lastError !== previous.lastError || health.since !== previous.since) this.onHealth(health);
    if (event.type === 'frame') this.#candidateProven = true;
    if (action.kind === 'restart') {
      this.#teardown();
      // An address that never showed a picture gives way to the next one (WS-FLV upgrade, then
      // HTTP-FLV, then round again: the WebSocket may only have failed while the server restarted).
      if (!this.#candidateProven) this.#candidate = (this.#candidate + 1) % this.#candidates.length;
      this.#restartTimer = window.setTimeout(() => {
        this.#restartTimer = undefined;
        if (this.#visible) this.#create();
      }, action.delayMs);
    }
  }

  #create(): void {
    if (this.#closed) return;
    if (this.#protocol === null) {
      this.#handle({ type: 'started', at: performance.now() });
      this.#handle({ type: 'error', at: performance.now(), message: `unsupported stream address ${this.#url}` });
      return;
    }
    this.#createdAt = performance.now();
    this.#reachedLiveEdge = false;
    windowBudget.restarted(this);
    this.#bitrateKbps = 0;
    this.#handle({ type: 'started', at: performance.now() });
    const events: EngineEvents = {
      error: (message, mediaArrived) => {
        // Media arrived from this address: it is the right one, the codec is the problem.
        if (mediaArrived) this.#candidateProven = true;
        this.#handle({ type: 'error', at: performance.now(), message });
      },
      bitrate: (kbps) => {
        this.#bitrateKbps = kbps;
      },
    };
    const frugal = this.options.frugal || windowBudget.level.subOnly;
    try {
      this.#player = this.#protocol === 'hls' ? startHlsEngine(this.video, this.#url, events) : startMpegtsEngine(this.video, this.#url, this.#protocol, frugal, events);
      playerDiagnostics.engines += 1;
      playerDiagnostics.enginesCreated += 1;
    } catch (error) {
      // A library that throws takes this tile down, never the screen.
      this.#handle({ type: 'error', at: performance.now(), message: `player failed to start: ${(error as Error).message}` });
      return;
    }
    void this.video.play().catch(() => undefined);
    this.#lastFrameCount = this.video.getVideoPlaybackQuality().totalVideoFrames;
  }

  #teardown(): void {
    const player = this.#player;
    this.#player = null;
    if (player) playerDiagnostics.engines -= 1;
    player?.destroy();
  }
}
