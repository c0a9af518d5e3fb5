/** A tile this many device pixels tall or more shows the main (720p) stream; smaller ones the sub (360p). */
export const MAIN_PROFILE_MIN_TILE_HEIGHT = 480;

/** The stream profile that fits a tile of this size: no upscaled substream on big tiles, no wasted decode on small ones. */
export function profileForTile(widthPx: number, heightPx: number): 'main' | 'sub' {
  return heightPx >= MAIN_PROFILE_MIN_TILE_HEIGHT && widthPx >= (MAIN_PROFILE_MIN_TILE_HEIGHT * 16) / 9 ? 'main' : 'sub';
}
