import { spawn, type ChildProcess } from 'node:child_process';
import { CLOCK_CODE, drawClockFrame } from '../../protocol/index.js';
import { createLogger } from '../log.js';
import { CLIP_FPS } from './clip-recipe.js';
import { ffmpegPath } from './ffmpeg-binary.js';

const log = createLogger('clock-camera');
const FRAME_MS = 1000 / CLIP_FPS;

/** ffmpeg arguments that encode raw grey frames from stdin live (x264 zerolatency) and publish them. */
export function clockEncodeArgs(rtmpUrl: string): string[] {
  const { width, height } = CLOCK_CODE;
  return [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${width}x${height}`, '-r', String(CLIP_FPS), '-i', 'pipe:0',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-g', String(CLIP_FPS), '-keyint_min', String(CLIP_FPS), '-bf', '0', '-b:v', '600k',
    '-flush_packets', '1', '-f', 'flv', rtmpUrl,
  ];
}

/**
 * A camera whose every frame carries the wall-clock time of its making: frames are drawn in
 * Node and piped raw into a live encoder, so a player on the same machine can measure
 * glass-to-glass latency by reading the code back. Encoded live on purpose: a looped clip
 * cannot carry the time of now.
 */
export class ClockCamera {
  #child: ChildProcess | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #frameIndex = 0;
  readonly #frame = new Uint8Array(CLOCK_CODE.width * CLOCK_CODE.height);

  constructor(private readonly rtmpUrl: string) {}

  start(): void {
    if (this.#stopped) return;
    const child = spawn(ffmpegPath(), clockEncodeArgs(this.rtmpUrl), { stdio: ['pipe', 'ignore', 'pipe'] });
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
    // Frames are paced against the start time, not chained timeouts, so the stream keeps 25 fps.
    const pump = (): void => {
      if (this.#stopped || this.#child !== child) return;
      drawClockFrame(this.#frame, Date.now(), this.#frameIndex++);
      child.stdin?.write(this.#frame);
      sent++;
      this.#timer = setTimeout(pump, Math.max(0, startedAt + sent * FRAME_MS - performance.now()));
    };
    pump();
  }

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
