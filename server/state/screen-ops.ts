import {
  TILE_HISTORY_LENGTH,
  type Layout,
  type Pin,
  type ScreenState,
  type TileContent,
  type TileState,
} from '../../protocol/index.js';

/** A tile showing `content` with no history. */
export function freshTile(content: TileContent): TileState {
  return { content, back: [], forward: [] };
}

/** The camera a tile content shows directly (tours are not a single camera). */
export function cameraOf(content: TileContent): string | null {
  return content.kind === 'camera' ? content.cameraId : null;
}

/** Keeps at most the newest TILE_HISTORY_LENGTH entries of a history list (newest last). */
function trimmed(list: readonly string[]): string[] {
  return list.slice(Math.max(0, list.length - TILE_HISTORY_LENGTH));
}

/** The tile after its content is replaced: the camera it showed goes onto its back history. */
export function replaceContent(tile: TileState, content: TileContent): TileState {
  const previous = cameraOf(tile.content);
  const next = cameraOf(content);
  if (previous !== null && previous === next) return tile;
  return {
    content,
    back: previous === null ? tile.back : trimmed([...tile.back, previous]),
    forward: [],
  };
}

/** Steps a tile through its camera history; undefined when there is nothing that way. */
export function stepHistory(tile: TileState, direction: 'back' | 'forward'): TileState | undefined {
  const from = direction === 'back' ? tile.back : tile.forward;
  const target = from.at(-1);
  if (target === undefined) return undefined;
  const current = cameraOf(tile.content);
  const remaining = from.slice(0, -1);
  const other = direction === 'back' ? tile.forward : tile.back;
  const otherNext = current === null ? other : trimmed([...other, current]);
  const content: TileContent = { kind: 'camera', cameraId: target };
  return direction === 'back' ? { content, back: remaining, forward: otherNext } : { content, back: otherNext, forward: remaining };
}

/** The screen with a new layout: tiles keep their contents in order, extra tiles start blank, surplus tiles go. */
export function withLayout(screen: ScreenState, layout: Layout): ScreenState {
  const tiles = layout.cells.map((_, index) => screen.tiles[index] ?? freshTile({ kind: 'blank' }));
  return { ...screen, layout, tiles, maximisedTile: null };
}

/**
 * The screen with its supervisor pins enforced: each tile pin puts its camera in its tile (or the
 * last tile when the layout has fewer), then each screen pin whose camera is not on screen takes
 * the last tile no pin holds. Returns the screen unchanged when every pin already holds.
 */
export function enforcePins(screen: ScreenState, pins: readonly Pin[]): ScreenState {
  const mine = pins.filter((pin) => pin.screenId === screen.id);
  if (mine.length === 0 || screen.tiles.length === 0) return screen;
  const tiles = [...screen.tiles];
  const held = new Set<number>();
  const put = (index: number, cameraId: string) => {
    const tile = tiles[index];
    if (tile && cameraOf(tile.content) !== cameraId) tiles[index] = replaceContent(tile, { kind: 'camera', cameraId });
    held.add(index);
  };
  for (const pin of mine.filter((candidate) => candidate.tileIndex !== null)) {
    const wanted = Math.min(pin.tileIndex ?? 0, tiles.length - 1);
    let index = wanted;
    while (held.has(index) && index > 0) index -= 1;
    if (!held.has(index)) put(index, pin.cameraId);
  }
  for (const pin of mine.filter((candidate) => candidate.tileIndex === null)) {
    const shownAt = tiles.findIndex((tile) => cameraOf(tile.content) === pin.cameraId);
    if (shownAt >= 0) {
      held.add(shownAt);
      continue;
    }
    for (let index = tiles.length - 1; index >= 0; index -= 1) {
      if (!held.has(index)) {
        put(index, pin.cameraId);
        break;
      }
    }
  }
  const changed = tiles.some((tile, index) => tile !== screen.tiles[index]);
  return changed ? { ...screen, tiles } : screen;
}

/** The tile indexes a pin holds on this screen (tile pins, and the tile showing a screen-pinned camera). */
export function pinnedTiles(screen: ScreenState, pins: readonly Pin[]): Map<number, Pin> {
  const held = new Map<number, Pin>();
  for (const pin of pins) {
    if (pin.screenId !== screen.id) continue;
    if (pin.tileIndex !== null) {
      held.set(Math.min(pin.tileIndex, screen.tiles.length - 1), pin);
      continue;
    }
    const shown = screen.tiles.flatMap((tile, index) => (cameraOf(tile.content) === pin.cameraId ? [index] : []));
    // A screen pin holds its tile only where the camera is shown once: a second copy may go.
    if (shown.length === 1 && shown[0] !== undefined) held.set(shown[0], pin);
  }
  return held;
}

/** The cameras of one page of a list for a screen: tiles no tile pin holds, filled in order. */
export function pageCameras(cameraIds: readonly string[], page: number, freeTiles: number): { page: number; cameras: string[] } {
  if (cameraIds.length === 0 || freeTiles === 0) return { page: 0, cameras: [] };
  const pages = Math.ceil(cameraIds.length / freeTiles);
  const wrapped = ((page % pages) + pages) % pages;
  return { page: wrapped, cameras: cameraIds.slice(wrapped * freeTiles, (wrapped + 1) * freeTiles) };
}
