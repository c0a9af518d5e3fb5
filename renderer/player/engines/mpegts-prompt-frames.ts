/**
 * mpegts.js (1.8.2) holds every video frame back until the next one arrives: its MP4 remuxer
 * learns a frame's duration from the next frame's timestamp, and a batch of one frame waits in
 * the demuxer's queue. On a live camera sending a frame per packet that is one frame interval
 * (40 ms at 25 fps) added to every tile's latency. This releases each frame as it arrives, with
 * the interval between the frames before it as its duration, as hls.js does for a lone sample
 * (video-dev/hls.js #4794). The remuxer keeps each batch contiguous with the one before, so an
 * estimate that is off shifts the timeline by at most one interval; it never accumulates.
 *
 * It reaches into private parts of mpegts.js, pinned to 1.8.2 in package.json; where they are
 * not found it changes nothing and frames keep the library's pace (player diagnostics say which:
 * `promptFrames`).
 */

/** The private parts of mpegts.js's MP4 remuxer this touches. */
interface VideoRemuxer {
  _videoMeta: { refSampleDuration?: number } | null;
  _remuxVideo(track: { samples?: readonly { dts: number }[] }, force?: boolean): unknown;
}

/** The chain from a player to its transmuxing controller (main-thread transmuxing only). */
interface PlayerInternals {
  _player_engine?: { _transmuxer?: { _controller?: object | null } | null } | null;
}

const PATCHED = Symbol('pantau.promptFrames');
const lastDts = new WeakMap<object, number>();
let patched = false;

/** Whether a remuxer in this page has been patched: false until a player's first bytes, and for good if mpegts.js's insides changed. */
export function framesReleasedPromptly(): boolean {
  return patched;
}

/**
 * A frame's duration from the last frame timestamps seen and the new batch, or null where the
 * gap is no frame interval (a first batch, a reset timeline, a pause of more than a second).
 */
export function frameDurationEstimate(previousLastDts: number | undefined, batchLastDts: number, batchSize: number): number | null {
  if (previousLastDts === undefined || batchSize < 1) return null;
  const interval = (batchLastDts - previousLastDts) / batchSize;
  return interval >= 1 && interval <= 1000 ? interval : null;
}

function isVideoRemuxer(value: unknown): value is VideoRemuxer {
  return typeof value === 'object' && value !== null && typeof (value as { _remuxVideo?: unknown })._remuxVideo === 'function';
}

/** Replaces the remuxer class's video step, once per page, so every player releases frames at once. */
export function patchRemuxerPrototype(remuxer: VideoRemuxer): void {
  const prototype = Object.getPrototypeOf(remuxer) as VideoRemuxer & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const original = prototype._remuxVideo;
  prototype._remuxVideo = function remuxVideoPromptly(this: VideoRemuxer, track) {
    const samples = track.samples ?? [];
    const last = samples.at(-1);
    if (this._videoMeta && last) {
      // The remuxer gives a lone frame `refSampleDuration`, which otherwise comes from stream
      // metadata that cameras often get wrong (or omit, leaving mpegts.js's 23.976 fps).
      const estimate = frameDurationEstimate(lastDts.get(this), last.dts, samples.length);
      if (estimate !== null) this._videoMeta.refSampleDuration = estimate;
      lastDts.set(this, last.dts);
    }
    return original.call(this, track, true);
  };
  prototype[PATCHED] = true;
  patched = true;
}

/**
 * Makes this player's remuxer release frames at once: patches the remuxer class as soon as the
 * player creates its first remuxer. Returns false where mpegts.js's insides are not as expected.
 */
export function releaseFramesPromptly(player: unknown): boolean {
  const controller = (player as PlayerInternals)._player_engine?._transmuxer?._controller;
  if (typeof controller !== 'object' || controller === null || !('_remuxer' in controller)) return false;
  const existing: unknown = (controller as { _remuxer: unknown })._remuxer;
  if (isVideoRemuxer(existing)) {
    patchRemuxerPrototype(existing);
    return true;
  }
  let remuxer: unknown = existing;
  // The remuxer is made when the first bytes show whether the stream is FLV or MPEG-TS.
  Object.defineProperty(controller, '_remuxer', {
    configurable: true,
    enumerable: true,
    get: () => remuxer,
    set: (value: unknown) => {
      remuxer = value;
      if (isVideoRemuxer(value)) patchRemuxerPrototype(value);
    },
  });
  return true;
}
