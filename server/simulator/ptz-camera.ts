import { spawn, type ChildProcess } from 'node:child_process';
import { isStill } from '../../protocol/ptz.js';
import { createLogger } from '../log.js';
import type { SimulatedPtzDriver } from '../ptz/simulated-driver.js';
import { CLIP_FPS } from './clip-recipe.js';
import { ffmpegPath } from './ffmpeg-binary.js';
import { PTZ_FRAME, PTZ_FRAME_BYTES, drawPtzFrame } from './ptz-camera-scene.js';

const log = createLogger('ptz-camera');
const FRAME_MS = 1000 / CLIP_FPS;

/** ffmpeg arguments that encode raw YUV frames from stdin live (x264 zerolatency, a keyframe a second) and publish them. */
export function ptzEncodeArgs(rtmpUrl: string): string[] {
  return [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${PTZ_FRAME.width}x${PTZ_FRAME.height}`, '-r', String(CLIP_FPS), '-i', 'pipe:0',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-g', String(CLIP_FPS), '-keyint_min', String(CLIP_FPS), '-bf', '0', '-b:v', '900k',
    '-flush_packets', '1', '-f', 'flv', rtmpUrl,
  ];
}

/**
 * A simulated PTZ camera: every frame is drawn in Node from where its head points now, so a
 * move is in the very next frame, and piped raw into a live encoder publishing over RTMP.
 */
export class PtzCamera {
  #child: ChildProcess | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #frame = new Uint8Array(PTZ_FRAME_BYTES);

  constructor(
    private readonly rtmpUrl: string,
    private readonly head: SimulatedPtzDriver,
  ) {}

  /** Starts encoding; the encoder is restarted if it exits, until stop(). */
  start(): void {
    if (this.#stopped) return;
    const child = spawn(ffmpegPath(), ptzEncodeArgs(this.rtmpUrl), { stdio: ['pipe', 'ignore', 'pipe'] });
    this.#child = child;
    child.stdin?.on('error', () => undefined);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => log.warn(text.trim()));
    child.on('exit', (code) => {
      clearTimeout(this.#timer);
      this.#child = undefined;
      if (this.#stopped) return;
      log.warn(`encoder exited (${code}); restarting in 1 s`);
      this.#timer = setTimeout(() => this.start(), 1000);
    });
    const startedAt = performance.now();
    let sent = 0;
    // Paced against the start time, not chained timeouts, so the stream keeps 25 fps.
    const pump = (): void => {
      if (this.#stopped || this.#child !== child) return;
      // Skip a frame rather than queue one behind a slow encoder: the picture must stay current.
      if (child.stdin && child.stdin.writableLength < PTZ_FRAME_BYTES) {
        drawPtzFrame(this.#frame, { ...this.head.position(), moving: !isStill(this.head.velocity()) });
        child.stdin.write(this.#frame);
      }
      sent++;
      this.#timer = setTimeout(pump, Math.max(0, startedAt + sent * FRAME_MS - performance.now()));
    };
    pump();
  }

  /** Stops the encoder; resolves when it has exited. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    const child = this.#child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.stdin?.end();
      child.kill('SIGTERM');
    });
  }
}
