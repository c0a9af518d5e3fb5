/** What a streaming library reports to the tile's player; an engine reports nothing once destroyed. */
export interface EngineEvents {
  /** The stream failed; the player will be replaced. `mediaArrived` says the address itself was right. */
  error(message: string, mediaArrived: boolean): void;
  /** Download rate, for the stats overlay. */
  bitrate(kbps: number): void;
}

/** One streaming library driving one video element for one address. */
export interface StreamEngine {
  /** Whether the engine keeps the tile near the live edge itself (our rate control then stays out). */
  readonly holdsLiveEdge: boolean;
  /** Whether it batches network input, so video arrives in bursts (see tilePolicy). */
  readonly batchesInput: boolean;
  destroy(): void;
}
