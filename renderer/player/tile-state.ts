/** What a tile shows about its picture, always in words as well as colour. */
export type TileState = 'connecting' | 'live' | 'reconnecting';

/** How long without a new frame before a live picture is no longer called live. */
export const STALL_AFTER_MS = 3000;

/** The state a tile is in, given when its current player started and when it last showed a frame. */
export function tileStateAt(now: number, playerStartedAt: number, lastFrameAt: number | null, attempt: number): TileState {
  if (lastFrameAt !== null && now - lastFrameAt < STALL_AFTER_MS) return 'live';
  if (attempt === 0 && lastFrameAt === null && now - playerStartedAt < STALL_AFTER_MS * 2) return 'connecting';
  return 'reconnecting';
}
