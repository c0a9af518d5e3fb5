import type { Tile } from '../../protocol/index.js';

export interface PlacedTile {
  /** Stable across layouts while the same camera stays on screen, so its player is kept. */
  key: string;
  tile: Tile;
  row: number;
  column: number;
}

/**
 * The tiles of a layout with their grid positions, in an order that never changes for tiles
 * that survive a layout change: React then never moves their DOM nodes (a moved video element
 * can pause), and a camera that stays on screen keeps its player, with no reconnection.
 */
export function placeTiles(tiles: readonly Tile[], columns: number): PlacedTile[] {
  const seen = new Map<string, number>();
  const placed = tiles.map((tile) => {
    const base = tile.cameraId === null ? `empty:${tile.index}` : `camera:${tile.cameraId}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return { key: occurrence === 0 ? base : `${base}#${occurrence}`, tile, row: Math.floor(tile.index / columns) + 1, column: (tile.index % columns) + 1 };
  });
  return placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
