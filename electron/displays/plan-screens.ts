import type { DisplayFingerprint, WorkstationScreen } from '../../protocol/index.js';

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
  scaleFactor?: number;
  rotation?: number;
}

/** How a screen found its display, strongest first; logged so IT can see why a screen went where it did. */
export type MatchReason = 'label' | 'remembered-id-and-label' | 'remembered-label-and-bounds' | 'remembered-bounds' | 'remembered-label-and-size' | 'position' | 'next-free';

export interface ScreenPlacement {
  screenId: string;
  displayId: number;
  bounds: Rectangle;
  matchedBy: MatchReason;
}

export interface UnassignedScreen {
  screenId: string;
  reason: string;
}

export interface ScreenPlan {
  placements: ScreenPlacement[];
  /** Screens that found no display of their own; reported, never stacked on a taken display. */
  unassigned: UnassignedScreen[];
  /** Screen id -> display to remember; bindings of unassigned screens are kept so they return to their display when it comes back. */
  bindings: Record<string, DisplayFingerprint>;
}

/** Displays in reading order: left to right, then top to bottom for displays in one column. */
export function displaysInPositionOrder(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/** What is remembered of a display: everything that may help find it again after its id changed. */
export function fingerprintOf(display: DisplayInfo): DisplayFingerprint {
  return { id: display.id, label: display.label, bounds: { ...display.bounds }, scaleFactor: display.scaleFactor ?? 1, rotation: display.rotation ?? 0 };
}

const sameBounds = (a: Rectangle, b: Rectangle): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
const sameSize = (a: Rectangle, b: Rectangle): boolean => a.width === b.width && a.height === b.height;

/**
 * Tests from strongest to weakest for finding a remembered display again. Display ids are not
 * stable (electron/electron #6899, #43355) and identical monitors can share a label or an id
 * (#20779), so each test must pick exactly one free display to count.
 */
const REMEMBERED_MATCHES: { reason: MatchReason; matches: (display: DisplayInfo, remembered: DisplayFingerprint) => boolean }[] = [
  { reason: 'remembered-id-and-label', matches: (d, r) => d.id === r.id && d.label === r.label && r.label !== '' },
  { reason: 'remembered-label-and-bounds', matches: (d, r) => d.label === r.label && sameBounds(d.bounds, r.bounds) },
  { reason: 'remembered-bounds', matches: (d, r) => sameBounds(d.bounds, r.bounds) },
  { reason: 'remembered-label-and-size', matches: (d, r) => d.label === r.label && r.label !== '' && sameSize(d.bounds, r.bounds) },
];

/**
 * Puts each configured screen on a display of its own, so that the binding survives reboots and
 * re-plugging. In order: a display named by label in the configuration (ties broken by the
 * remembered display, then position); the display the screen was last on, recognised by its
 * fingerprint; the position the configuration names; then the next free display left to right.
 * A screen with no display left is reported as unassigned, never stacked.
 */
export function planScreensOnDisplays(screens: readonly WorkstationScreen[], displays: readonly DisplayInfo[], remembered: Readonly<Record<string, DisplayFingerprint>> = {}): ScreenPlan {
  const ordered = displaysInPositionOrder(displays);
  const taken = new Set<DisplayInfo>();
  const chosen = new Map<string, { display: DisplayInfo; matchedBy: MatchReason }>();
  const free = (): DisplayInfo[] => ordered.filter((d) => !taken.has(d));
  const take = (screenId: string, display: DisplayInfo, matchedBy: MatchReason): void => {
    taken.add(display);
    chosen.set(screenId, { display, matchedBy });
  };
  const unplaced = (): WorkstationScreen[] => screens.filter((s) => !chosen.has(s.screenId));

  // 1. Configured label: IT's explicit choice.
  for (const screen of screens) {
    const label = screen.display?.label;
    if (label === undefined) continue;
    const candidates = free().filter((d) => d.label === label);
    const memory = remembered[screen.screenId];
    const byMemory = memory ? candidates.find((d) => sameBounds(d.bounds, memory.bounds)) : undefined;
    const display = byMemory ?? candidates[0];
    if (display) take(screen.screenId, display, 'label');
  }
  // 2. The remembered display, strongest test first, only where the test picks exactly one.
  for (const { reason, matches } of REMEMBERED_MATCHES) {
    for (const screen of unplaced()) {
      const memory = remembered[screen.screenId];
      if (!memory || screen.display?.label !== undefined) continue;
      const found = free().filter((d) => matches(d, memory));
      if (found.length === 1 && found[0]) take(screen.screenId, found[0], reason);
    }
  }
  // 3. Configured position.
  for (const screen of unplaced()) {
    const position = screen.display?.position;
    const display = position === undefined ? undefined : ordered[position - 1];
    if (display && !taken.has(display)) take(screen.screenId, display, 'position');
  }
  // 4. Whatever is left, in reading order.
  const unassigned: UnassignedScreen[] = [];
  for (const screen of unplaced()) {
    const display = free()[0];
    if (display) take(screen.screenId, display, 'next-free');
    else unassigned.push({ screenId: screen.screenId, reason: `no free display (${displays.length} connected, ${screens.length} screens configured)` });
  }

  const placements = screens.flatMap((screen) => {
    const found = chosen.get(screen.screenId);
    return found ? [{ screenId: screen.screenId, displayId: found.display.id, bounds: { ...found.display.bounds }, matchedBy: found.matchedBy }] : [];
  });
  const bindings: Record<string, DisplayFingerprint> = {};
  for (const screen of screens) {
    const found = chosen.get(screen.screenId);
    const memory = remembered[screen.screenId];
    if (found) bindings[screen.screenId] = fingerprintOf(found.display);
    else if (memory) bindings[screen.screenId] = memory;
  }
  return { placements, unassigned, bindings };
}

/** What the window manager must do to go from one plan to the next. */
export interface PlanChanges {
  /** Screens that need a window (newly placed). */
  open: ScreenPlacement[];
  /** Screens whose window must move to other bounds. */
  move: ScreenPlacement[];
  /** Screens whose window must close (now unassigned or no longer configured). */
  close: string[];
}

/** The difference between the windows that exist and a new plan; pure, so re-planning is tested without windows. */
export function changesBetween(previous: readonly ScreenPlacement[], next: ScreenPlan): PlanChanges {
  const before = new Map(previous.map((p) => [p.screenId, p]));
  const after = new Map(next.placements.map((p) => [p.screenId, p]));
  return {
    open: next.placements.filter((p) => !before.has(p.screenId)),
    move: next.placements.filter((p) => {
      const old = before.get(p.screenId);
      return old !== undefined && (old.displayId !== p.displayId || !sameBounds(old.bounds, p.bounds));
    }),
    close: previous.filter((p) => !after.has(p.screenId)).map((p) => p.screenId),
  };
}
