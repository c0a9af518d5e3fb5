import type { Cell } from '../../protocol/index.js';

/** What a tile shows, as far as placement cares: a camera (tours resolved to their current stop), a panel, or nothing. */
export interface TileToPlace {
  index: number;
  cell: Cell;
  cameraId: string | null;
  /** Panels (map, alerts, briefing) are keyed by kind, so a map that moves keeps its view. */
  panel: 'map' | 'alerts' | 'briefing' | null;
}

export interface PlacedTile {
  /** Stable across layouts while the same camera or panel stays on screen, so its player or map is kept. */
  key: string;
  tile: TileToPlace;
  /** CSS grid-row and grid-column values, spans included ("2 / span 2"). */
  gridRow: string;
  gridColumn: string;
}

/**
 * The tiles of a layout with their grid positions, in an order that never changes for tiles
 * that survive a layout change: React then never moves their DOM nodes (a moved video element
 * can pause), and a camera that stays on screen keeps its player, with no reconnection.
 */
export function placeTiles(tiles: readonly TileToPlace[]): PlacedTile[] {
  const seen = new Map<string, number>();
  const placed = tiles.map((tile) => {
    const base = tile.cameraId !== null ? `camera:${tile.cameraId}` : tile.panel !== null ? `panel:${tile.panel}` : `empty:${tile.index}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return {
      key: occurrence === 0 ? base : `${base}#${occurrence}`,
      tile,
      gridRow: `${tile.cell.row + 1} / span ${tile.cell.rowSpan}`,
      gridColumn: `${tile.cell.column + 1} / span ${tile.cell.columnSpan}`,
    };
  });
  return placed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
