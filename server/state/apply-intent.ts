import {
  roleAtLeast,
  templateLayout,
  type ErrorCode,
  type Intent,
  type Layout,
  type Pin,
  type Preset,
  type PresetScreen,
  type ProtocolError,
  type Role,
  type ScreenState,
  type TileContent,
  type WallChange,
  type WallState,
} from '../../protocol/index.js';
import { pushedScreen, revertedScreen } from './push-incident.js';
import { cameraOf, enforcePins, freshTile, pageCameras, pinnedTiles, replaceContent, stepHistory, withLayout } from './screen-ops.js';

/** What applying an intent may look up: the catalogue and who is acting. */
export interface IntentContext {
  now: Date;
  actorName: string;
  role: Role;
  hasCamera(id: string): boolean;
  cameraIdByNumber(number: number): string | undefined;
  /** Every camera id in catalogue order, paged through when a screen has no group. */
  allCameraIds(): readonly string[];
  /** A screen as it was at an earlier version, from the history store. */
  screenAtVersion(screenId: string, version: number): ScreenState | undefined;
  /** A preset as it was at an earlier version, from the history store. */
  presetAtVersion(number: number, version: number): Preset | undefined;
  /** The facts of an incident a push needs (its related cameras, nearest first), or undefined when the server has none by that id. */
  incident(id: string): { cameraIds: readonly string[] } | undefined;
}

/** A change ready to be numbered and broadcast, with what the history store must keep. */
export interface AppliedIntent {
  ok: true;
  state: WallState;
  change: Omit<WallChange, 'sequence' | 'at' | 'actor'>;
  /** A line for the audit log. */
  summary: string;
  changedScreens: ScreenState[];
  changedPresets: { number: number; preset: Preset | null }[];
}
export type IntentOutcome = AppliedIntent | { ok: false; error: ProtocolError };

function refuse(code: ErrorCode, message: string, field?: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message, issues: field === undefined ? [] : [{ field, reason: message }] } };
}

type Step<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };
const done = <T>(value: T): Step<T> => ({ ok: true, value });

function findScreen(state: WallState, screenId: string): Step<ScreenState> {
  const screen = state.screens.find((candidate) => candidate.id === screenId);
  if (!screen) return refuse('not-found', `wall "${state.id}" has no screen "${screenId}" (it has: ${state.screens.map((s) => s.id).join(', ')})`, 'screenId');
  return done(screen);
}

function checkTile(screen: ScreenState, tileIndex: number, field = 'tileIndex'): Step<number> {
  if (tileIndex >= screen.tiles.length) {
    return refuse('bad-request', `screen "${screen.name}" has ${screen.tiles.length} tiles; there is no tile ${tileIndex + 1}`, field);
  }
  return done(tileIndex);
}

function checkNotPinned(screen: ScreenState, pins: readonly Pin[], tileIndex: number): Step<null> {
  const pin = pinnedTiles(screen, pins).get(tileIndex);
  if (pin) return refuse('pinned', `tile ${tileIndex + 1} of "${screen.name}" holds ${pin.cameraId}, pinned by ${pin.by}; a supervisor must unpin it first`, 'tileIndex');
  return done(null);
}

function checkContent(content: TileContent, context: IntentContext): Step<TileContent> {
  const cameras = content.kind === 'camera' ? [content.cameraId] : content.kind === 'tour' ? content.cameraIds : [];
  const unknown = cameras.find((id) => !context.hasCamera(id));
  if (unknown !== undefined) return refuse('not-found', `no camera "${unknown}" in the catalogue`, 'content');
  return done(content);
}

function forbidden(message: string): { ok: false; error: ProtocolError } {
  return refuse('forbidden', message);
}

/** Builds the successful outcome of a change to some screens. */
function screensChanged(state: WallState, screens: ScreenState[], summary: string, extra: Partial<AppliedIntent['change']> = {}): AppliedIntent {
  const bumped = screens.map((screen) => ({ ...screen, version: screen.version + 1 }));
  const byId = new Map(bumped.map((screen) => [screen.id, screen]));
  return {
    ok: true,
    state: { ...state, screens: state.screens.map((screen) => byId.get(screen.id) ?? screen), ...extra },
    change: { intentType: '', screens: bumped, ...extra },
    summary,
    changedScreens: bumped,
    changedPresets: [],
  };
}

function presetScreenOf(screen: ScreenState): PresetScreen {
  return { layout: screen.layout, contents: screen.tiles.map((tile) => tile.content) };
}

/** A screen showing a preset's layout and contents, keeping tile histories where it can. */
function screenFromPreset(screen: ScreenState, preset: PresetScreen, context: IntentContext, pins: readonly Pin[]): ScreenState {
  const laidOut = withLayout(screen, preset.layout);
  const tiles = laidOut.tiles.map((tile, index) => {
    const content = preset.contents[index] ?? { kind: 'blank' as const };
    // A camera removed from the catalogue since the preset was saved leaves its tile blank.
    const usable = checkContent(content, context).ok ? content : { kind: 'blank' as const };
    return replaceContent(tile, usable);
  });
  return enforcePins({ ...laidOut, tiles }, pins);
}

/** Fills a screen's free tiles with one page of its group (or of every camera). */
function showPage(screen: ScreenState, state: WallState, context: IntentContext, page: number): Step<ScreenState> {
  const group = screen.paging.groupId === null ? null : state.groups.find((candidate) => candidate.id === screen.paging.groupId);
  const cameraIds = group ? group.cameraIds.filter((id) => context.hasCamera(id)) : context.allCameraIds();
  const tilePinned = new Set(state.pins.filter((pin) => pin.screenId === screen.id && pin.tileIndex !== null).map((pin) => Math.min(pin.tileIndex ?? 0, screen.tiles.length - 1)));
  const free = screen.tiles.map((_, index) => index).filter((index) => !tilePinned.has(index));
  const shown = pageCameras(cameraIds, page, free.length);
  const tiles = [...screen.tiles];
  free.forEach((tileIndex, position) => {
    const cameraId = shown.cameras[position];
    const tile = tiles[tileIndex];
    if (tile) tiles[tileIndex] = replaceContent(tile, cameraId === undefined ? { kind: 'blank' } : { kind: 'camera', cameraId });
  });
  return done(enforcePins({ ...screen, tiles, paging: { ...screen.paging, page: shown.page }, maximisedTile: null }, state.pins));
}

/**
 * Applies one intent to a wall state, or says why it cannot, changing nothing. Pure: the caller
 * numbers, persists and broadcasts the change. Role rules beyond "may operate this wall" live here
 * because they depend on the state (a wall preset, a pinned tile).
 */
export function applyIntent(state: WallState, intent: Intent, context: IntentContext): IntentOutcome {
  const outcome = applyIntentInner(state, intent, context);
  if (outcome.ok) outcome.change.intentType = intent.type;
  return outcome;
}

function applyIntentInner(state: WallState, intent: Intent, context: IntentContext): IntentOutcome {
  const supervisor = roleAtLeast(context.role, 'supervisor');
  switch (intent.type) {
    case 'set-layout': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const layout = typeof intent.layout === 'string' ? templateLayout(intent.layout) : intent.layout;
      const next = enforcePins(withLayout(screen.value, layout), state.pins);
      return screensChanged(state, [next], `layout ${layout.template} on ${screen.value.name}`);
    }
    case 'put-camera':
    case 'set-tile':
    case 'clear-tile': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const tileIndex = checkTile(screen.value, intent.tileIndex);
      if (!tileIndex.ok) return tileIndex;
      let content: TileContent;
      if (intent.type === 'put-camera') {
        const cameraId = 'id' in intent.camera ? intent.camera.id : context.cameraIdByNumber(intent.camera.number);
        if (cameraId === undefined || !context.hasCamera(cameraId)) {
          const what = 'id' in intent.camera ? `"${intent.camera.id}"` : `number ${intent.camera.number}`;
          return refuse('not-found', `no camera ${what} in the catalogue`, 'camera');
        }
        content = { kind: 'camera', cameraId };
      } else if (intent.type === 'set-tile') {
        const checked = checkContent(intent.content, context);
        if (!checked.ok) return checked;
        content = checked.value;
      } else {
        content = { kind: 'blank' };
      }
      const current = screen.value.tiles[tileIndex.value];
      if (current && cameraOf(current.content) !== null && cameraOf(current.content) === cameraOf(content)) {
        return screensChanged(state, [], `${cameraOf(content) ?? ''} already in tile ${tileIndex.value + 1} of ${screen.value.name}`);
      }
      const pinned = checkNotPinned(screen.value, state.pins, tileIndex.value);
      if (!pinned.ok) return pinned;
      const tiles = screen.value.tiles.map((tile, index) => (index === tileIndex.value ? replaceContent(tile, content) : tile));
      const what = content.kind === 'camera' ? content.cameraId : content.kind;
      return screensChanged(state, [{ ...screen.value, tiles }], `${what} to tile ${tileIndex.value + 1} of ${screen.value.name}`);
    }
    case 'swap-tiles': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const a = checkTile(screen.value, intent.tileIndex);
      if (!a.ok) return a;
      const b = checkTile(screen.value, intent.otherTileIndex, 'otherTileIndex');
      if (!b.ok) return b;
      for (const index of [a.value, b.value]) {
        const pin = state.pins.find((candidate) => candidate.screenId === screen.value.id && candidate.tileIndex === index);
        if (pin) return refuse('pinned', `tile ${index + 1} of "${screen.value.name}" is pinned to ${pin.cameraId} by ${pin.by}`, 'tileIndex');
      }
      const tiles = [...screen.value.tiles];
      const [tileA, tileB] = [tiles[a.value], tiles[b.value]];
      if (!tileA || !tileB) return refuse('bad-request', 'no such tiles');
      tiles[a.value] = tileB;
      tiles[b.value] = tileA;
      return screensChanged(state, [{ ...screen.value, tiles }], `swap tiles ${a.value + 1} and ${b.value + 1} of ${screen.value.name}`);
    }
    case 'maximise-tile': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      if (intent.tileIndex !== null) {
        const tile = checkTile(screen.value, intent.tileIndex);
        if (!tile.ok) return tile;
      }
      const summary = intent.tileIndex === null ? `restore ${screen.value.name}` : `maximise tile ${intent.tileIndex + 1} of ${screen.value.name}`;
      return screensChanged(state, [{ ...screen.value, maximisedTile: intent.tileIndex }], summary);
    }
    case 'tile-history': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const tileIndex = checkTile(screen.value, intent.tileIndex);
      if (!tileIndex.ok) return tileIndex;
      const pinned = checkNotPinned(screen.value, state.pins, tileIndex.value);
      if (!pinned.ok) return pinned;
      const tile = screen.value.tiles[tileIndex.value];
      const stepped = tile && stepHistory(tile, intent.direction);
      if (!stepped) return refuse('not-found', `tile ${tileIndex.value + 1} has no ${intent.direction === 'back' ? 'earlier' : 'later'} camera`, 'direction');
      const tiles = screen.value.tiles.map((candidate, index) => (index === tileIndex.value ? stepped : candidate));
      return screensChanged(state, [{ ...screen.value, tiles }], `${intent.direction} in tile ${tileIndex.value + 1} of ${screen.value.name}`);
    }
    case 'show-group':
    case 'page': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      let paging = screen.value.paging;
      let page = paging.page;
      if (intent.type === 'show-group') {
        if (intent.groupId !== null && !state.groups.some((group) => group.id === intent.groupId)) {
          return refuse('not-found', `wall "${state.id}" has no camera group "${intent.groupId}"`, 'groupId');
        }
        paging = { groupId: intent.groupId, page: 0 };
        page = 0;
      } else {
        page += intent.direction === 'next' ? 1 : -1;
      }
      const shown = showPage({ ...screen.value, paging }, state, context, page);
      if (!shown.ok) return shown;
      const groupName = paging.groupId ?? 'all cameras';
      return screensChanged(state, [shown.value], `${groupName} page ${shown.value.paging.page + 1} on ${screen.value.name}`);
    }
    case 'apply-preset': {
      const preset = state.presets.find((candidate) => candidate.number === intent.number);
      if (!preset) return refuse('not-found', `no preset ${intent.number} on wall "${state.id}"`, 'number');
      if (preset.scope === 'screen') {
        const screen = findScreen(state, intent.screenId);
        if (!screen.ok) return screen;
        const source = preset.screens.screen;
        if (!source) return refuse('not-found', `preset ${intent.number} is empty`, 'number');
        return screensChanged(state, [screenFromPreset(screen.value, source, context, state.pins)], `preset ${preset.number} "${preset.name}" on ${screen.value.name}`);
      }
      const screens = state.screens.flatMap((screen) => {
        const source = preset.screens[screen.id];
        return source ? [screenFromPreset(screen, source, context, state.pins)] : [];
      });
      return screensChanged(state, screens, `wall preset ${preset.number} "${preset.name}"`);
    }
    case 'save-preset': {
      if (intent.scope === 'wall' && !supervisor) return forbidden('only supervisors save wall-wide presets');
      const existing = state.presets.find((candidate) => candidate.number === intent.number);
      if (existing?.scope === 'wall' && !supervisor) return forbidden(`preset ${intent.number} is wall-wide; only supervisors may replace it`);
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const screens = intent.scope === 'screen'
        ? { screen: presetScreenOf(screen.value) }
        : Object.fromEntries(state.screens.map((candidate) => [candidate.id, presetScreenOf(candidate)]));
      const preset: Preset = {
        number: intent.number,
        name: intent.name,
        scope: intent.scope,
        screens,
        version: (existing?.version ?? 0) + 1,
        updatedBy: context.actorName,
        updatedAt: context.now.toISOString(),
      };
      return presetsChanged(state, [{ number: preset.number, preset }], `save ${preset.scope} preset ${preset.number} "${preset.name}"`);
    }
    case 'delete-preset': {
      const existing = state.presets.find((candidate) => candidate.number === intent.number);
      if (!existing) return refuse('not-found', `no preset ${intent.number} on wall "${state.id}"`, 'number');
      if (existing.scope === 'wall' && !supervisor) return forbidden(`preset ${intent.number} is wall-wide; only supervisors may delete it`);
      return presetsChanged(state, [{ number: intent.number, preset: null }], `delete preset ${intent.number} "${existing.name}"`);
    }
    case 'import-presets': {
      if (!supervisor) return forbidden('only supervisors import presets');
      const numbers = new Set<number>();
      for (const [index, incoming] of intent.presets.entries()) {
        if (numbers.has(incoming.number)) return refuse('bad-request', `preset ${incoming.number} appears twice in the import`, `presets.${index}.number`);
        numbers.add(incoming.number);
        for (const screen of Object.values(incoming.screens)) {
          for (const content of screen.contents) {
            const checked = checkContent(content, context);
            if (!checked.ok) return refuse('not-found', `preset ${incoming.number}: ${checked.error.message}`, `presets.${index}`);
          }
        }
        if (incoming.scope === 'screen' && incoming.screens.screen === undefined) {
          return refuse('bad-request', `screen preset ${incoming.number} must have its layout under "screen"`, `presets.${index}.screens`);
        }
      }
      const updates = intent.presets.map((incoming) => {
        const existing = state.presets.find((candidate) => candidate.number === incoming.number);
        const preset: Preset = { ...incoming, version: (existing?.version ?? 0) + 1, updatedBy: context.actorName, updatedAt: context.now.toISOString() };
        return { number: incoming.number, preset };
      });
      return presetsChanged(state, updates, `import ${updates.length} presets`);
    }
    case 'pin': {
      if (!supervisor) return forbidden('only supervisors pin cameras');
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      if (!context.hasCamera(intent.cameraId)) return refuse('not-found', `no camera "${intent.cameraId}" in the catalogue`, 'cameraId');
      if (intent.tileIndex !== null) {
        const tile = checkTile(screen.value, intent.tileIndex);
        if (!tile.ok) return tile;
        const holder = state.pins.find((pin) => pin.screenId === intent.screenId && pin.tileIndex === intent.tileIndex && pin.cameraId !== intent.cameraId);
        if (holder) return refuse('pinned', `tile ${intent.tileIndex + 1} is already pinned to ${holder.cameraId}; unpin it first`, 'tileIndex');
      }
      const pin: Pin = { screenId: intent.screenId, cameraId: intent.cameraId, tileIndex: intent.tileIndex, by: context.actorName, at: context.now.toISOString() };
      const pins = [...state.pins.filter((candidate) => !(candidate.screenId === pin.screenId && candidate.cameraId === pin.cameraId)), pin];
      const next = enforcePins(screen.value, pins);
      const where = pin.tileIndex === null ? screen.value.name : `tile ${pin.tileIndex + 1} of ${screen.value.name}`;
      return screensChanged({ ...state, pins }, [next], `pin ${pin.cameraId} to ${where}`, { pins });
    }
    case 'unpin': {
      if (!supervisor) return forbidden('only supervisors unpin cameras');
      const existing = state.pins.find((pin) => pin.screenId === intent.screenId && pin.cameraId === intent.cameraId);
      if (!existing) return refuse('not-found', `${intent.cameraId} is not pinned on screen "${intent.screenId}"`, 'cameraId');
      const pins = state.pins.filter((pin) => pin !== existing);
      return screensChanged({ ...state, pins }, [], `unpin ${intent.cameraId} from screen ${intent.screenId}`, { pins });
    }
    case 'restore-screen-version': {
      if (!supervisor) return forbidden('only supervisors restore earlier versions');
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const old = context.screenAtVersion(intent.screenId, intent.version);
      if (!old) return refuse('not-found', `screen "${intent.screenId}" has no version ${intent.version}`, 'version');
      const restored = enforcePins({ ...old, version: screen.value.version }, state.pins);
      return screensChanged(state, [restored], `restore ${screen.value.name} to version ${intent.version}`);
    }
    case 'restore-preset-version': {
      if (!supervisor) return forbidden('only supervisors restore earlier versions');
      const old = context.presetAtVersion(intent.number, intent.version);
      if (!old) return refuse('not-found', `preset ${intent.number} has no version ${intent.version}`, 'version');
      const existing = state.presets.find((candidate) => candidate.number === intent.number);
      const preset: Preset = { ...old, version: Math.max(existing?.version ?? 0, old.version) + 1, updatedBy: context.actorName, updatedAt: context.now.toISOString() };
      return presetsChanged(state, [{ number: intent.number, preset }], `restore preset ${intent.number} to version ${intent.version}`);
    }
    case 'set-briefing': {
      const incidentIds = intent.incidentIds ?? state.briefing.incidentIds;
      const index = Math.min(intent.index, Math.max(0, incidentIds.length - 1));
      const briefing = { incidentIds, index };
      return screensChanged({ ...state, briefing }, [], `briefing at ${index + 1} of ${incidentIds.length}`, { briefing });
    }
    case 'push-incident': {
      const screen = findScreen(state, intent.screenId);
      if (!screen.ok) return screen;
      const incident = context.incident(intent.incidentId);
      if (!incident) return refuse('not-found', `no incident "${intent.incidentId}" on this server`, 'incidentId');
      const cameraIds = incident.cameraIds.filter((id) => context.hasCamera(id));
      // Every briefing tile of the wall follows one position: the pushed incident becomes it.
      const briefing = { incidentIds: [intent.incidentId], index: 0 };
      const revert = (intent.revertAfterSeconds ?? null) === null ? 'until it closes' : `for ${intent.revertAfterSeconds} s or until it closes`;
      return screensChanged({ ...state, briefing }, [pushedScreen(screen.value, state.pins, cameraIds)],
        `push incident ${intent.incidentId} (${cameraIds.length} cameras) to ${screen.value.name}, ${revert}`, { briefing });
    }
  }
}

/**
 * Puts a screen back as it was before a push: the system's change when a push ends. Refused
 * (changing nothing) when the screen no longer exists.
 */
export function revertPush(state: WallState, before: ScreenState, reason: string): IntentOutcome {
  const screen = findScreen(state, before.id);
  if (!screen.ok) return screen;
  const outcome = screensChanged(state, [revertedScreen(screen.value, before, state.pins)], `${screen.value.name} back to its layout before the push: ${reason}`);
  outcome.change.intentType = 'revert-push';
  return outcome;
}

function presetsChanged(state: WallState, updates: { number: number; preset: Preset | null }[], summary: string): AppliedIntent {
  const replaced = new Set(updates.map((update) => update.number));
  const presets = [...state.presets.filter((preset) => !replaced.has(preset.number)), ...updates.flatMap((update) => (update.preset ? [update.preset] : []))]
    .sort((a, b) => a.number - b.number);
  return {
    ok: true,
    state: { ...state, presets },
    change: { intentType: '', presets },
    summary,
    changedScreens: [],
    changedPresets: updates,
  };
}

/** A screen's first state from its configuration: layout, contents, no history. */
export function initialScreen(id: string, name: string, layout: Layout, contents: readonly TileContent[]): ScreenState {
  return {
    id,
    name,
    version: 0,
    layout,
    tiles: layout.cells.map((_, index) => freshTile(contents[index] ?? { kind: 'blank' })),
    maximisedTile: null,
    paging: { groupId: null, page: 0 },
  };
}
