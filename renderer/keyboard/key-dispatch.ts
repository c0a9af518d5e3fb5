import type { Incident, Intent, KeyAction, SessionInfo, TemplateName, WallState } from '../../protocol/index.js';
import { incidentToPush } from '../briefing/briefing-steps.js';
import { EMPTY_ENTRY, stepEntry, type EntryCommand, type EntryKey, type EntryState } from './entry-grammar.js';

/** Which tile of which screen the keyboard acts on. */
export interface Selection {
  screenId: string;
  tileIndex: number;
}

/** The panels and overlays a key can show or hide. */
export type Toggle = 'help' | 'stats' | 'search' | 'audit' | 'health' | 'heatmap' | 'ptz-mode' | 'mute' | 'identify';

export type KeyEffect =
  | { type: 'intent'; intent: Intent }
  | { type: 'select'; selection: Selection }
  | { type: 'entry'; entry: EntryState }
  | { type: 'toggle'; toggle: Toggle }
  | { type: 'hint'; text: string }
  | { type: 'acknowledge-alert' }
  | { type: 'briefing'; step: 1 | -1 }
  | { type: 'ptz-preset'; number: number; save: boolean };

export interface DispatchContext {
  wall: WallState;
  session: SessionInfo | null;
  selection: Selection;
  entry: EntryState;
  /** The incidents the screen knows, for the push key; absent: nothing to push. */
  incidents?: readonly Incident[];
}

/** The shortest time a pushed incident may stay before it reverts (the protocol's minimum). */
const MIN_REVERT_SECONDS = 5;

const LAYOUT_ACTIONS: Partial<Record<KeyAction, TemplateName>> = {
  'layout-1': '1', 'layout-2x2': '2x2', 'layout-3x3': '3x3', 'layout-4x4': '4x4', 'layout-5x5': '5x5', 'layout-6x6': '6x6',
  'layout-1+5': '1+5', 'layout-1+7': '1+7', 'layout-1+12': '1+12', 'layout-2+8': '2+8',
};

const TOGGLES: Partial<Record<KeyAction, Toggle>> = {
  'help-toggle': 'help', 'stats-toggle': 'stats', 'camera-search': 'search', 'audit-toggle': 'audit', 'health-toggle': 'health',
  'heatmap-toggle': 'heatmap', 'ptz-mode-toggle': 'ptz-mode', 'alerts-mute': 'mute', 'identify-displays': 'identify',
};

const ENTRY_KEYS: Partial<Record<KeyAction, EntryKey>> = {
  'entry-monitor': { key: 'monitor' }, 'entry-tile': { key: 'tile' }, 'entry-enter': { key: 'enter' }, 'entry-backspace': { key: 'backspace' },
  'entry-cancel': { key: 'cancel' }, 'entry-preset': { key: 'preset' }, 'entry-save-preset': { key: 'save-preset' }, 'entry-swap': { key: 'swap' },
  'ptz-goto-preset': { key: 'ptz-preset' }, 'ptz-save-preset': { key: 'ptz-save-preset' },
};

/** The screen a monitor number names: its position on the wall, from 1. */
function screenByMonitor(wall: WallState, monitor: number): string | undefined {
  return wall.screens[monitor - 1]?.id;
}

function tileCount(wall: WallState, screenId: string): number {
  return wall.screens.find((screen) => screen.id === screenId)?.tiles.length ?? 0;
}

/** Turns a completed keypad entry into effects, resolving monitor and tile numbers against the wall. */
function commandEffects(command: EntryCommand, context: DispatchContext): KeyEffect[] {
  if (command.kind === 'ptz-preset') return [{ type: 'ptz-preset', number: command.number, save: command.save }];
  const screenId = command.monitor === null ? context.selection.screenId : screenByMonitor(context.wall, command.monitor);
  if (screenId === undefined) return [{ type: 'hint', text: `no monitor ${command.monitor ?? ''}` }];
  const tiles = tileCount(context.wall, screenId);
  const requestedTile = 'tile' in command && command.tile !== null ? command.tile - 1 : null;
  if (requestedTile !== null && requestedTile >= tiles) return [{ type: 'hint', text: `monitor has ${tiles} tiles` }];
  const sameScreen = screenId === context.selection.screenId;
  const tileIndex = requestedTile ?? (sameScreen ? context.selection.tileIndex : 0);
  const selection: KeyEffect = { type: 'select', selection: { screenId, tileIndex } };
  switch (command.kind) {
    case 'select':
      return [selection];
    case 'put-camera':
      return [selection, { type: 'intent', intent: { type: 'put-camera', screenId, tileIndex, camera: { number: command.camera } } }];
    case 'apply-preset':
      return [{ type: 'intent', intent: { type: 'apply-preset', screenId, number: command.number } }];
    case 'save-preset':
      return [{ type: 'intent', intent: { type: 'save-preset', screenId, number: command.number, name: `Preset ${command.number}`, scope: 'screen' } }];
    case 'swap':
      if (command.otherTile > tiles) return [{ type: 'hint', text: `monitor has ${tiles} tiles` }];
      return [{ type: 'intent', intent: { type: 'swap-tiles', screenId, tileIndex, otherTileIndex: command.otherTile - 1 } }];
  }
}

/**
 * The push key ends an entry `[monitor] MONITOR [seconds]`: the incident goes to the typed monitor
 * (else the selected screen) and reverts after the typed seconds (else when it closes).
 */
function pushEffects(context: DispatchContext): KeyEffect[] {
  const { entry, wall } = context;
  const position = wall.briefing.incidentIds[wall.briefing.index] ?? null;
  const incident = incidentToPush(context.incidents ?? [], position);
  if (!incident) return [{ type: 'hint', text: 'no open critical or high incident to push' }];
  const screenId = entry.monitor === null ? context.selection.screenId : screenByMonitor(wall, entry.monitor);
  if (screenId === undefined) return [{ type: 'hint', text: `no monitor ${entry.monitor ?? ''}` }];
  const seconds = entry.digits === '' ? null : Number(entry.digits);
  if (seconds !== null && seconds < MIN_REVERT_SECONDS) return [{ type: 'hint', text: `a push stays at least ${MIN_REVERT_SECONDS} seconds` }];
  return [
    { type: 'entry', entry: EMPTY_ENTRY },
    { type: 'intent', intent: { type: 'push-incident', screenId, incidentId: incident.id, revertAfterSeconds: seconds } },
  ];
}

/** Intents need a role that may operate the wall; the UI offers nothing else. */
function operate(context: DispatchContext, effects: KeyEffect[]): KeyEffect[] {
  if (context.session?.mayOperate) return effects;
  const changes = effects.some((effect) => effect.type === 'intent');
  return changes ? [...effects.filter((effect) => effect.type !== 'intent'), { type: 'hint', text: 'view only: your role cannot change the wall' }] : effects;
}

/** What a key action does, given the wall and what is selected. Pure: the hook performs the effects. */
export function dispatchKey(action: KeyAction, context: DispatchContext): KeyEffect[] {
  const { selection, wall } = context;
  const screen = wall.screens.find((candidate) => candidate.id === selection.screenId);
  if (action.startsWith('entry-digit-')) {
    const step = stepEntry(context.entry, { key: 'digit', digit: Number(action.slice('entry-digit-'.length)) });
    return step.rejected ? [{ type: 'hint', text: step.rejected }] : [{ type: 'entry', entry: step.state }];
  }
  const entryKey = ENTRY_KEYS[action];
  if (entryKey) {
    const step = stepEntry(context.entry, entryKey);
    const effects: KeyEffect[] = [{ type: 'entry', entry: step.state }];
    if (step.rejected) effects.push({ type: 'hint', text: step.rejected });
    if (step.command) effects.push(...commandEffects(step.command, context));
    return operate(context, effects);
  }
  const template = LAYOUT_ACTIONS[action];
  if (template) return operate(context, [{ type: 'intent', intent: { type: 'set-layout', screenId: selection.screenId, layout: template } }]);
  const toggle = TOGGLES[action];
  if (toggle) return [{ type: 'toggle', toggle }];
  if (action.startsWith('preset-')) {
    const number = Number(action.slice('preset-'.length));
    return operate(context, [{ type: 'intent', intent: { type: 'apply-preset', screenId: selection.screenId, number } }]);
  }
  const tiles = screen?.tiles.length ?? 1;
  switch (action) {
    case 'select-screen-next': {
      const index = wall.screens.findIndex((candidate) => candidate.id === selection.screenId);
      const next = wall.screens[(index + 1) % wall.screens.length];
      return next ? [{ type: 'select', selection: { screenId: next.id, tileIndex: 0 } }] : [];
    }
    case 'select-tile-next':
      return [{ type: 'select', selection: { ...selection, tileIndex: (selection.tileIndex + 1) % tiles } }];
    case 'select-tile-previous':
      return [{ type: 'select', selection: { ...selection, tileIndex: (selection.tileIndex - 1 + tiles) % tiles } }];
    case 'maximise-toggle': {
      const maximised = screen?.maximisedTile === selection.tileIndex;
      return operate(context, [{ type: 'intent', intent: { type: 'maximise-tile', screenId: selection.screenId, tileIndex: maximised ? null : selection.tileIndex } }]);
    }
    case 'pin-toggle': {
      if (context.session?.role !== 'supervisor') return [{ type: 'hint', text: 'only supervisors pin cameras' }];
      const content = screen?.tiles[selection.tileIndex]?.content;
      const pinned = wall.pins.find((pin) => pin.screenId === selection.screenId && pin.tileIndex === selection.tileIndex);
      if (pinned) return [{ type: 'intent', intent: { type: 'unpin', screenId: selection.screenId, cameraId: pinned.cameraId } }];
      if (content?.kind !== 'camera') return [{ type: 'hint', text: 'put a camera in the tile to pin it' }];
      return [{ type: 'intent', intent: { type: 'pin', screenId: selection.screenId, cameraId: content.cameraId, tileIndex: selection.tileIndex } }];
    }
    case 'clear-tile':
      return operate(context, [{ type: 'intent', intent: { type: 'clear-tile', screenId: selection.screenId, tileIndex: selection.tileIndex } }]);
    case 'history-back':
    case 'history-forward':
      return operate(context, [{ type: 'intent', intent: { type: 'tile-history', screenId: selection.screenId, tileIndex: selection.tileIndex, direction: action === 'history-back' ? 'back' : 'forward' } }]);
    case 'page-next':
    case 'page-previous':
      return operate(context, [{ type: 'intent', intent: { type: 'page', screenId: selection.screenId, direction: action === 'page-next' ? 'next' : 'previous' } }]);
    case 'alerts-acknowledge':
      return [{ type: 'acknowledge-alert' }];
    case 'briefing-next':
    case 'briefing-previous':
      return [{ type: 'briefing', step: action === 'briefing-next' ? 1 : -1 }];
    case 'push-incident':
      return operate(context, pushEffects(context));
    default:
      // PTZ moves are held keys: the keyboard hook handles their press and release itself.
      return [];
  }
}
