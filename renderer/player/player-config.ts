import type Mpegts from 'mpegts.js';
import type { StreamProtocol } from './stream-source.js';

/**
 * mpegts.js settings for a live wall tile. The library defaults keep 180 s of video per tile
 * and let latency grow to about a second; a wall wants the live edge and little memory.
 * liveSync (speed-up) handles small drift; latency chasing (a seek) only large jumps, with a
 * threshold well above liveSync's so the two never fight (xqq/mpegts.js #276).
 */
export function liveTileConfig(workerMse: boolean): Mpegts.Config {
  return {
    enableWorker: true,
    enableWorkerForMSE: workerMse,
    enableStashBuffer: false,
    lazyLoad: false,
    deferLoadAfterSourceOpen: false,
    autoCleanupSourceBuffer: true,
    autoCleanupMaxBackwardDuration: 20,
    autoCleanupMinBackwardDuration: 8,
    liveSync: true,
    liveSyncMaxLatency: 0.2,
    liveSyncTargetLatency: 0.08,
    liveSyncPlaybackRate: 1.3,
    liveBufferLatencyChasing: true,
    liveBufferLatencyMaxLatency: 0.8,
    liveBufferLatencyMinRemain: 0.2,
  };
}

/** The media data source of a live stream; video only, since wall tiles are silent. */
export function liveMediaSource(url: string, protocol: StreamProtocol): Mpegts.MediaDataSource {
  const type = protocol === 'ws-ts' || protocol === 'http-ts' ? 'mpegts' : 'flv';
  return { type, isLive: true, url, hasAudio: false, hasVideo: true };
}
