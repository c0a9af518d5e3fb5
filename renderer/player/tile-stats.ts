import type { StreamProtocol } from './stream-source.js';
import type { TileStatus } from './tile-watchdog.js';

/** What the stats overlay shows for one tile. */
export interface TileStats {
  status: TileStatus;
  protocol: StreamProtocol | null;
  width: number;
  height: number;
  framesPerSecond: number;
  bitrateKbps: number;
  /** Media buffered ahead of the play head: how far behind the live edge the tile plays. */
  bufferLatencyMs: number;
  droppedFrames: number;
  totalFrames: number;
  /** The window's decode budget level. */
  budget: string;
}

/** Frames per second over a sliding window, from samples of a running frame count. */
export class FrameRateMeter {
  readonly #samples: { at: number; count: number }[] = [];

  constructor(private readonly windowMs = 2000) {}

  /** Records that `count` frames had been shown in all by `at` (ms). */
  sample(at: number, count: number): void {
    this.#samples.push({ at, count });
    while (this.#samples.length > 2 && (this.#samples[1] as { at: number }).at <= at - this.windowMs) this.#samples.shift();
  }

  /** Frames per second over the window ending at the last sample. */
  rate(): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at === first.at) return 0;
    return (Math.max(0, last.count - first.count) * 1000) / (last.at - first.at);
  }
}
