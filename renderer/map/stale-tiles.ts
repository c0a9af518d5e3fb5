/**
 * Which tiles of a source still show what it held before an update. maplibre-gl marks every tile
 * an update touches `reloading` (a tile still `loading` then was asked for after the update was
 * sent, and the worker answers in order, so it arrives with the new data); tiles that come into
 * view later are loaded from the new data anyway. So an update is on screen once those marked
 * tiles are loaded and a frame is drawn, even while a moving map keeps loading new tiles, which
 * `isSourceLoaded` would wait for. This reads maplibre's in-view tiles, which are not public API:
 * where they are not there (another engine or version) it returns null and the caller waits for
 * the whole source instead.
 */

export type TrackedTile = { readonly state: string };

const WAITING = new Set(['loading', 'reloading', 'expired']);

type TileManagerLike = { _inViewTiles?: { getAllTiles?: () => unknown } };
type MapInternals = { style?: { tileManagers?: Record<string, TileManagerLike | undefined> } };

function isTrackedTile(value: unknown): value is TrackedTile {
  return typeof value === 'object' && value !== null && typeof (value as { state?: unknown }).state === 'string';
}

/** The source's in-view tiles waiting for data now, or null where the engine does not expose them. */
export function tilesAwaitingData(map: unknown, sourceId: string): TrackedTile[] | null {
  const manager = (map as MapInternals).style?.tileManagers?.[sourceId];
  const all = manager?._inViewTiles?.getAllTiles?.();
  if (!Array.isArray(all) || !all.every(isTrackedTile)) return null;
  return all.filter((tile) => WAITING.has(tile.state));
}

/** Whether any of these tiles is still waiting for its data (loaded, errored or unloaded ones are done). */
export function anyStillWaiting(tiles: readonly TrackedTile[]): boolean {
  return tiles.some((tile) => WAITING.has(tile.state));
}
