import type Mpegts from 'mpegts.js';
import type { StreamProtocol } from './stream-source.js';

/**
 * mpegts.js settings for a live wall tile. The library defaults keep 180 s of video per tile
 * and let latency grow to about a second; a wall wants the live edge and little memory.
 * Closeness to the live edge is held by our own playback-rate control (latency-control.ts),
 * which the window's decode budget relaxes under load: mpegts.js's liveSync, with tight
 * targets, kept speeding tiles up on a loaded window and dropped 27-42 % of frames at 25
 * tiles (bench/capacity). Its latency chasing (a seek) stays, for large jumps only.
 * Frugal players (grids of 25 tiles or more, or a window at its lowest budget level) batch
 * network data in the stash buffer.
 * No workers: on a two-core wall PC the worker threads compete with the video decoders
 * (bench/capacity, 25 tiles: 11 % dropped with the transmuxer in a worker, 1 % without; MSE
 * in a worker: 2.7 % against 0.7 % at 16 tiles).
 */
export function liveTileConfig(frugal: boolean): Mpegts.Config {
  return {
    enableWorker: false,
    enableWorkerForMSE: false,
    // Without the stash every packet is its own SourceBuffer append: lowest latency, most CPU.
    // A window at the limit of its decoders batches instead (36 tiles: 21 % dropped against
    // 33-44 %), at about a second of latency.
    enableStashBuffer: frugal,
    stashInitialSize: 128 * 1024,
    lazyLoad: false,
    deferLoadAfterSourceOpen: false,
    autoCleanupSourceBuffer: true,
    autoCleanupMaxBackwardDuration: 20,
    autoCleanupMinBackwardDuration: 8,
    liveSync: false,
    liveBufferLatencyChasing: true,
    liveBufferLatencyMaxLatency: 1.5,
    liveBufferLatencyMinRemain: 0.3,
  };
}

/** The media data source of a live stream; video only, since wall tiles are silent. */
export function liveMediaSource(url: string, protocol: Exclude<StreamProtocol, 'hls'>): Mpegts.MediaDataSource {
  const type = protocol === 'ws-ts' || protocol === 'http-ts' ? 'mpegts' : 'flv';
  return { type, isLive: true, url, hasAudio: false, hasVideo: true };
}
