import { CLOCK_CODE, drawClockFrame } from '../../protocol/index.js';
import { LiveEncoder } from './live-encoder.js';

/**
 * A camera whose every frame carries the wall-clock time of its making: frames are drawn in
 * Node and piped raw into a live encoder, so a player on the same machine can measure
 * glass-to-glass latency by reading the code back. Encoded live on purpose: a looped clip
 * cannot carry the time of now.
 */
export class ClockCamera {
  readonly #encoder: LiveEncoder;

  constructor(rtmpUrl: string) {
    let frameIndex = 0;
    const format = { pixelFormat: 'gray' as const, width: CLOCK_CODE.width, height: CLOCK_CODE.height, bitrate: '600k' };
    this.#encoder = new LiveEncoder('clock-camera', format, rtmpUrl, (frame) => drawClockFrame(frame, Date.now(), frameIndex++));
  }

  start(): void {
    this.#encoder.start();
  }

  stop(): Promise<void> {
    return this.#encoder.stop();
  }
}
