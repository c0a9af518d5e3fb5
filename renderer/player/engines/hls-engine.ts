import Hls, { type ErrorData, type HlsConfig } from 'hls.js';
import { unsupportedCodecFromError } from '../codec-support.js';
import type { EngineEvents, StreamEngine } from './stream-engine.js';

/**
 * hls.js settings for a live tile. LL-HLS: keep lowLatencyMode and leave liveSync* alone (it
 * would override the playlist's hold-back); small forward and back buffers.
 */
export const HLS_TILE_CONFIG: Partial<HlsConfig> = {
  lowLatencyMode: true,
  backBufferLength: 10,
  maxBufferLength: 4,
  // hls.js refuses liveMaxLatencyDurationCount unless liveSyncDurationCount is given too; 3 is
  // its default, so the playlist's hold-back still rules under lowLatencyMode.
  liveSyncDurationCount: 3,
  liveMaxLatencyDurationCount: 5,
  maxLiveSyncPlaybackRate: 1.3,
  enableWorker: false,
  debug: false,
};

/** One media-error recovery per this long; more often means the stream is broken: replace the player. */
const MEDIA_RECOVERY_INTERVAL_MS = 5000;

/** HLS and LL-HLS through hls.js. */
export function startHlsEngine(video: HTMLVideoElement, url: string, events: EngineEvents): StreamEngine {
  const hls = new Hls(HLS_TILE_CONFIG);
  let live = true;
  let lastRecovery = -Infinity;
  hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
    // Non-fatal errors (a stalled buffer among them) are hls.js's own business.
    if (!live || !data.fatal) return;
    const now = performance.now();
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && now - lastRecovery > MEDIA_RECOVERY_INTERVAL_MS) {
      lastRecovery = now;
      hls.recoverMediaError();
      return;
    }
    const text = `${data.type} ${data.details}${data.error ? `: ${data.error.message}` : ''}`;
    const codec = unsupportedCodecFromError(text);
    events.error(codec ?? text, codec !== null);
  });
  hls.on(Hls.Events.FRAG_LOADED, (_event, data) => {
    // The stream's bit rate: a fragment's bytes over the media time it holds.
    if (live && data.frag.duration > 0) events.bitrate(Math.round((data.frag.stats.total * 8) / 1000 / data.frag.duration));
  });
  hls.loadSource(url);
  hls.attachMedia(video);
  return {
    holdsLiveEdge: true,
    batchesInput: false,
    destroy: () => {
      live = false;
      hls.destroy();
    },
  };
}
