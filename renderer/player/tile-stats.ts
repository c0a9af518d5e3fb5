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
}

/** Frames presented per second over a sliding window of presentation times. */
export class FrameRateMeter {
  readonly #times: number[] = [];

  constructor(private readonly windowMs = 2000) {}

  /** Records a presented frame at `at` (ms). */
  frame(at: number): void {
    this.#times.push(at);
    while (this.#times.length > 0 && (this.#times[0] as number) <= at - this.windowMs) this.#times.shift();
  }

  /** Frames per second as of `now`. */
  rate(now: number): number {
    const recent = this.#times.filter((time) => time > now - this.windowMs);
    return (recent.length * 1000) / this.windowMs;
  }
}
