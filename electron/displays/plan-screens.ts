import type { WorkstationScreen } from '../../protocol/index.js';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the planner needs to know of a display: plain data, so tests need no Electron. */
export interface DisplayInfo {
  id: number;
  label: string;
  bounds: Rectangle;
}

export interface ScreenPlacement {
  screenId: string;
  displayId: number;
  bounds: Rectangle;
}

export interface ScreenPlan {
  placements: ScreenPlacement[];
  /** Screens that found no display of their own; reported, never stacked on a taken display. */
  unassigned: { screenId: string; reason: string }[];
}

/** Displays in reading order: left to right, then top to bottom for displays in one column. */
export function displaysInPositionOrder(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/**
 * Puts each configured screen on a display of its own. Screens that name a display (by label,
 * else by position) are placed first; the others take the remaining displays in position
 * order; a screen with no display left is reported as unassigned.
 */
export function planScreensOnDisplays(screens: readonly WorkstationScreen[], displays: readonly DisplayInfo[]): ScreenPlan {
  const ordered = displaysInPositionOrder(displays);
  const taken = new Set<number>();
  const chosen = new Map<string, DisplayInfo>();
  const unassigned: ScreenPlan['unassigned'] = [];

  for (const screen of screens) {
    const preference = screen.display;
    if (!preference || (preference.label === undefined && preference.position === undefined)) continue;
    const byLabel = preference.label === undefined ? undefined : ordered.find((d) => d.label === preference.label && !taken.has(d.id));
    const byPosition = preference.position === undefined ? undefined : ordered[preference.position - 1];
    const display = byLabel ?? (byPosition && !taken.has(byPosition.id) ? byPosition : undefined);
    if (display) {
      taken.add(display.id);
      chosen.set(screen.screenId, display);
    }
  }
  for (const screen of screens) {
    if (chosen.has(screen.screenId)) continue;
    const display = ordered.find((d) => !taken.has(d.id));
    if (display) {
      taken.add(display.id);
      chosen.set(screen.screenId, display);
    } else {
      unassigned.push({ screenId: screen.screenId, reason: `no free display (${displays.length} connected, all in use)` });
    }
  }
  const placements = screens.flatMap((screen) => {
    const display = chosen.get(screen.screenId);
    return display ? [{ screenId: screen.screenId, displayId: display.id, bounds: display.bounds }] : [];
  });
  return { placements, unassigned };
}
