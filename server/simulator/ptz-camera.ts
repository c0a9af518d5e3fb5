import { isStill } from '../../protocol/ptz.js';
import type { SimulatedPtzDriver } from '../ptz/simulated-driver.js';
import { LiveEncoder } from './live-encoder.js';
import { PTZ_FRAME, drawPtzFrame } from './ptz-camera-scene.js';

/**
 * A simulated PTZ camera: every frame is drawn in Node from where its head points now, so a
 * move is in the very next frame, and piped raw into a live encoder publishing over RTMP.
 */
export class PtzCamera {
  readonly #encoder: LiveEncoder;

  constructor(rtmpUrl: string, head: SimulatedPtzDriver) {
    const format = { pixelFormat: 'yuv420p' as const, width: PTZ_FRAME.width, height: PTZ_FRAME.height, bitrate: '900k' };
    this.#encoder = new LiveEncoder('ptz-camera', format, rtmpUrl, (frame) => drawPtzFrame(frame, { ...head.position(), moving: !isStill(head.velocity()) }));
  }

  /** Starts encoding; the encoder is restarted if it exits, until stop(). */
  start(): void {
    this.#encoder.start();
  }

  /** Stops the encoder; resolves when it has exited. */
  stop(): Promise<void> {
    return this.#encoder.stop();
  }
}
