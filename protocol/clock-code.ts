/**
 * The time code of the clock camera: the low 32 bits of the wall-clock time in milliseconds,
 * drawn across the top of each frame as 32 blocks, most significant bit first, white for 1.
 * Shared by the encoder (server) and the readers (benchmarks) so the two cannot drift apart.
 */
export const CLOCK_CODE = {
  width: 640,
  height: 360,
  bits: 32,
  /** Height of the band of blocks at the top of the frame. */
  rowHeight: 48,
} as const;

const BLOCK_WIDTH = CLOCK_CODE.width / CLOCK_CODE.bits;

/** Draws a grey-level (one byte per pixel) clock frame for `timeMs`, with a moving box so it looks live. */
export function drawClockFrame(frame: Uint8Array, timeMs: number, frameIndex: number): void {
  const { width, height, rowHeight, bits } = CLOCK_CODE;
  frame.fill(48);
  const code = timeMs % 2 ** 32;
  for (let bit = 0; bit < bits; bit++) {
    const on = Math.floor(code / 2 ** (bits - 1 - bit)) % 2 === 1;
    const value = on ? 255 : 0;
    for (let y = 0; y < rowHeight; y++) frame.fill(value, y * width + bit * BLOCK_WIDTH, y * width + (bit + 1) * BLOCK_WIDTH);
  }
  const box = 80;
  const x = (frameIndex * 8) % (width - box);
  for (let y = 150; y < Math.min(height, 150 + box); y++) frame.fill(230, y * width + x, y * width + x + box);
}

/**
 * Reads the code back from grey levels sampled at the centre of each block (32 values, 0-255),
 * and returns the milliseconds between the coded time and `nowMs`, the time the frame was seen.
 */
export function clockLatencyMs(blockLevels: readonly number[], nowMs: number): number {
  let code = 0;
  for (const level of blockLevels) code = code * 2 + (level >= 128 ? 1 : 0);
  return (((nowMs % 2 ** 32) - code + 2 ** 32) % 2 ** 32);
}
