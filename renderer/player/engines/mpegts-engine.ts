import mpegts from 'mpegts.js';
import { unsupportedCodecFromError, unsupportedCodecReason } from '../codec-support.js';
import { liveMediaSource, liveTileConfig } from '../player-config.js';
import type { StreamProtocol } from '../stream-source.js';
import type { EngineEvents, StreamEngine } from './stream-engine.js';
import { releaseFramesPromptly } from './mpegts-prompt-frames.js';

// mpegts.js logs every segment at info level; a wall with 36 tiles would drown its console.
mpegts.LoggingControl.enableVerbose = false;
mpegts.LoggingControl.enableDebug = false;
mpegts.LoggingControl.enableInfo = false;

let warnedUnpatched = false;

function errorText(type: unknown, detail: unknown, info: unknown): string {
  const extra = typeof info === 'object' && info !== null && 'msg' in info ? `: ${String((info as { msg: unknown }).msg)}` : '';
  return `${String(type)} ${String(detail)}${extra}`.trim();
}

/** FLV and MPEG-TS over WebSocket or HTTP, through mpegts.js. */
export function startMpegtsEngine(video: HTMLVideoElement, url: string, protocol: Exclude<StreamProtocol, 'hls'>, frugal: boolean, events: EngineEvents): StreamEngine {
  const player = mpegts.createPlayer(liveMediaSource(url, protocol), liveTileConfig(frugal));
  let live = true;
  player.on(mpegts.Events.ERROR, (type: unknown, detail: unknown, info: unknown) => {
    if (!live) return;
    const text = errorText(type, detail, info);
    const codec = unsupportedCodecFromError(text);
    events.error(codec ?? text, codec !== null);
  });
  player.on(mpegts.Events.LOADING_COMPLETE, () => {
    if (live) events.error('stream ended', false);
  });
  player.on(mpegts.Events.MEDIA_INFO, (info: { mimeType?: string }) => {
    const reason = unsupportedCodecReason(info.mimeType ?? '', (mime) => MediaSource.isTypeSupported(mime));
    if (live && reason !== null) events.error(reason, true);
  });
  player.on(mpegts.Events.STATISTICS_INFO, (info: { speed?: number }) => {
    // mpegts.js reports download speed in KiB/s.
    if (live) events.bitrate(Math.round((info.speed ?? 0) * 8 * 1.024));
  });
  player.attachMediaElement(video);
  player.load();
  if (!releaseFramesPromptly(player) && !warnedUnpatched) {
    warnedUnpatched = true;
    console.warn('mpegts.js internals are not as expected: its frames keep the library pace (one or two frames of extra latency)');
  }
  return {
    holdsLiveEdge: false,
    // The stash buffer batches network input (player-config.ts).
    batchesInput: frugal,
    destroy: () => {
      live = false;
      // Destroying while the worker is busy or before the socket opens can throw (mpegts.js #218, #197).
      try {
        player.pause();
        player.unload();
        player.detachMediaElement();
        player.destroy();
      } catch (error) {
        console.warn('mpegts.js teardown failed', error);
      }
    },
  };
}
