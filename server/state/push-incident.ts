import { templateLayout, type Pin, type ScreenState, type TileContent } from '../../protocol/index.js';
import { enforcePins, replaceContent, withLayout } from './screen-ops.js';

/**
 * The layout an incident is pushed in: one big tile for the briefing (the map flown to the
 * incident, its details and timeline) and five for its cameras, so the cameras are full tiles an
 * operator can maximise, steer or replace, rather than thumbnails inside the briefing.
 */
export const PUSH_TEMPLATE = '1+5' as const;

/**
 * The screen showing an incident: the briefing in the first tile no supervisor's tile pin holds,
 * its related cameras (nearest first, as the incident service orders them) in the other free
 * tiles, blanks after them; pins are enforced last, so a pinned camera stays where it was pinned.
 */
export function pushedScreen(screen: ScreenState, pins: readonly Pin[], cameraIds: readonly string[]): ScreenState {
  const laidOut = withLayout(screen, templateLayout(PUSH_TEMPLATE));
  const tilePinned = new Set(pins
    .filter((pin) => pin.screenId === screen.id && pin.tileIndex !== null)
    .map((pin) => Math.min(pin.tileIndex ?? 0, laidOut.tiles.length - 1)));
  const free = laidOut.tiles.map((_, index) => index).filter((index) => !tilePinned.has(index));
  // A camera a pin already shows on this screen is not shown twice.
  const pinnedCameras = new Set(pins.filter((pin) => pin.screenId === screen.id).map((pin) => pin.cameraId));
  const queue: TileContent[] = [
    { kind: 'briefing' },
    ...cameraIds.filter((id) => !pinnedCameras.has(id)).map((cameraId) => ({ kind: 'camera' as const, cameraId })),
  ];
  const tiles = [...laidOut.tiles];
  free.forEach((tileIndex, position) => {
    const tile = tiles[tileIndex];
    if (tile) tiles[tileIndex] = replaceContent(tile, queue[position] ?? { kind: 'blank' });
  });
  return enforcePins({ ...laidOut, tiles, paging: { ...laidOut.paging, page: 0 } }, pins);
}

/**
 * The screen put back as it was before a push (layout, contents, maximised tile, paging), at the
 * next version, with pins made since then enforced.
 */
export function revertedScreen(current: ScreenState, before: ScreenState, pins: readonly Pin[]): ScreenState {
  return enforcePins({ ...before, version: current.version }, pins);
}
