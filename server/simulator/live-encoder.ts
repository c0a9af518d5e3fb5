import { spawn, type ChildProcess } from 'node:child_process';
import { createLogger } from '../log.js';
import { CLIP_FPS } from './clip-recipe.js';
import { ffmpegPath } from './ffmpeg-binary.js';

const FRAME_MS = 1000 / CLIP_FPS;

/** The raw frames a live camera draws: their pixel format and size, and the bit rate to encode at. */
export interface RawFormat {
  pixelFormat: 'gray' | 'yuv420p';
  width: number;
  height: number;
  bitrate: string;
}

/** ffmpeg arguments that encode raw frames from stdin live (x264 zerolatency, a keyframe a second, no B-frames) and publish them. */
export function liveEncodeArgs(format: RawFormat, rtmpUrl: string): string[] {
  return [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'rawvideo', '-pix_fmt', format.pixelFormat, '-s', `${format.width}x${format.height}`, '-r', String(CLIP_FPS), '-i', 'pipe:0',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    '-g', String(CLIP_FPS), '-keyint_min', String(CLIP_FPS), '-bf', '0', '-b:v', format.bitrate,
    '-flush_packets', '1', '-f', 'flv', rtmpUrl,
  ];
}

/**
 * A camera whose frames are drawn in Node, at 25 fps, and piped raw into a live encoder that
 * publishes over RTMP; the encoder is restarted if it exits, until stop().
 */
export class LiveEncoder {
  #child: ChildProcess | undefined;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  readonly #frame: Uint8Array;
  readonly #log;

  constructor(
    name: string,
    private readonly format: RawFormat,
    private readonly rtmpUrl: string,
    /** Draws the next frame into the buffer, at the moment it is sent. */
    private readonly draw: (frame: Uint8Array) => void,
  ) {
    this.#log = createLogger(name);
    this.#frame = new Uint8Array(format.pixelFormat === 'gray' ? format.width * format.height : (format.width * format.height * 3) / 2);
  }

  start(): void {
    if (this.#stopped) return;
    const child = spawn(ffmpegPath(), liveEncodeArgs(this.format, this.rtmpUrl), { stdio: ['pipe', 'ignore', 'pipe'] });
    this.#child = child;
    child.stdin?.on('error', () => undefined);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => this.#log.warn(text.trim()));
    child.on('exit', (code) => {
      clearTimeout(this.#timer);
      this.#child = undefined;
      if (this.#stopped) return;
      this.#log.warn(`encoder exited (${code}); restarting in 1 s`);
      this.#timer = setTimeout(() => this.start(), 1000);
    });
    const startedAt = performance.now();
    let sent = 0;
    // Paced against the start time, not chained timeouts, so the stream keeps 25 fps.
    const pump = (): void => {
      if (this.#stopped || this.#child !== child) return;
      // Skip a frame rather than queue one behind a slow encoder: the picture (and a time code) must stay current.
      if (child.stdin && child.stdin.writableLength < this.#frame.length) {
        this.draw(this.#frame);
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
