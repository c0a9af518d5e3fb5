import { z } from 'zod';

/**
 * Every action a key can trigger. Entry keys build the CCTV-keyboard grammar
 * `[monitor] MONITOR-KEY [tile] TILE-KEY [camera] ENTER`; PTZ keys act on the selected tile's camera.
 */
export const KEY_ACTIONS = [
  // numeric entry (the CCTV keyboard grammar)
  'entry-digit-0', 'entry-digit-1', 'entry-digit-2', 'entry-digit-3', 'entry-digit-4',
  'entry-digit-5', 'entry-digit-6', 'entry-digit-7', 'entry-digit-8', 'entry-digit-9',
  'entry-monitor', 'entry-tile', 'entry-enter', 'entry-backspace', 'entry-cancel',
  'entry-preset', 'entry-save-preset', 'entry-swap',
  // selection and tiles
  'select-screen-next', 'select-tile-next', 'select-tile-previous',
  'maximise-toggle', 'clear-tile', 'pin-toggle', 'history-back', 'history-forward',
  'page-next', 'page-previous',
  // layouts and presets
  'layout-1', 'layout-2x2', 'layout-3x3', 'layout-4x4', 'layout-5x5', 'layout-6x6',
  'layout-1+5', 'layout-1+7', 'layout-1+12', 'layout-2+8',
  'preset-1', 'preset-2', 'preset-3', 'preset-4', 'preset-5', 'preset-6', 'preset-7', 'preset-8', 'preset-9',
  // panels and overlays
  'help-toggle', 'stats-toggle', 'camera-search', 'audit-toggle', 'health-toggle',
  'heatmap-toggle', 'alerts-acknowledge', 'alerts-mute', 'briefing-next', 'briefing-previous',
  'identify-displays',
  // incidents: `[monitor] MONITOR [seconds] PUSH` pushes the incident to a screen
  'push-incident',
  // PTZ on the selected tile
  'ptz-mode-toggle', 'ptz-up', 'ptz-down', 'ptz-left', 'ptz-right',
  'ptz-up-left', 'ptz-up-right', 'ptz-down-left', 'ptz-down-right',
  'ptz-zoom-in', 'ptz-zoom-out', 'ptz-home', 'ptz-goto-preset', 'ptz-save-preset',
] as const;
export const KeyActionSchema = z.enum(KEY_ACTIONS);
export type KeyAction = z.infer<typeof KeyActionSchema>;

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;

/**
 * A key chord: optional modifiers in the order Ctrl, Alt, Shift, Meta, then a KeyboardEvent.code
 * (layout-independent, so a keypad's keys are told apart from the main row): "Ctrl+Digit1", "NumpadEnter".
 */
export const KeyChordSchema = z
  .string()
  .regex(/^((Ctrl|Alt|Shift|Meta)\+)*[A-Z][A-Za-z0-9]*$/, 'must be modifiers (Ctrl+, Alt+, Shift+, Meta+) then a KeyboardEvent.code such as KeyA, Digit1, Numpad5, ArrowUp')
  .refine((chord) => {
    const parts = chord.split('+').slice(0, -1);
    const order = parts.map((part) => MODIFIERS.indexOf(part as (typeof MODIFIERS)[number]));
    return new Set(parts).size === parts.length && order.every((value, index) => index === 0 || value > (order[index - 1] ?? -1));
  }, 'modifiers must be written once each, in the order Ctrl, Alt, Shift, Meta');
export type KeyChord = z.infer<typeof KeyChordSchema>;

const BindingsSchema = z.partialRecord(KeyActionSchema, z.array(KeyChordSchema).max(4));
export type Bindings = z.infer<typeof BindingsSchema>;

/**
 * Layers of bindings, consulted in order: `ptz` while PTZ mode is on (the keypad steers),
 * `briefing` while the selected screen presents a briefing, then `wall`, always.
 */
export const KEYMAP_LAYERS = ['ptz', 'briefing', 'wall'] as const;
export type KeymapLayer = (typeof KEYMAP_LAYERS)[number];

/** The keymap file. Within one layer a chord may trigger only one action. */
export const KeymapFileSchema = z
  .strictObject({
    version: z.literal(1),
    layers: z.strictObject({ wall: BindingsSchema, ptz: BindingsSchema.default({}), briefing: BindingsSchema.default({}) }),
  })
  .superRefine((file, ctx) => {
    for (const layer of KEYMAP_LAYERS) {
      const owner = new Map<string, string>();
      for (const [action, chords] of Object.entries(file.layers[layer])) {
        for (const chord of chords ?? []) {
          const previous = owner.get(chord);
          if (previous !== undefined && previous !== action) {
            ctx.addIssue({ code: 'custom', path: ['layers', layer, action], message: `${chord} is already bound to ${previous} in the ${layer} layer` });
          }
          owner.set(chord, action);
        }
      }
    }
  });
export type KeymapFile = z.infer<typeof KeymapFileSchema>;

/** The action a chord triggers, looking through the active layers in order; undefined when none. */
export function actionForChord(keymap: KeymapFile, chord: KeyChord, active: { ptz: boolean; briefing: boolean }): KeyAction | undefined {
  for (const layer of KEYMAP_LAYERS) {
    if (layer !== 'wall' && !active[layer]) continue;
    for (const [action, chords] of Object.entries(keymap.layers[layer])) {
      if (chords?.includes(chord)) return action as KeyAction;
    }
  }
  return undefined;
}

/** Builds the chord of a keyboard event in the keymap's notation. */
export function chordOf(event: { code: string; ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }): KeyChord {
  const parts: string[] = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  if (event.metaKey) parts.push('Meta');
  parts.push(event.code);
  return parts.join('+');
}

const digitBindings = Object.fromEntries(
  Array.from({ length: 10 }, (_, digit) => [`entry-digit-${digit}`, [`Digit${digit}`, `Numpad${digit}`]]),
) as Bindings;

/**
 * The default keymap: a cheap USB numeric keypad drives the grammar (keypad * ends the monitor,
 * / ends the tile, Enter puts the camera there); arrows steer PTZ (in PTZ mode the keypad's 1-9
 * too); Ctrl+digit picks a layout; on a briefing screen arrows and PageUp/PageDown step.
 */
export const DEFAULT_KEYMAP: KeymapFile = {
  version: 1,
  layers: {
    wall: {
      ...digitBindings,
      'entry-monitor': ['NumpadMultiply', 'KeyM'],
      'entry-tile': ['NumpadDivide', 'KeyT'],
      'entry-enter': ['Enter', 'NumpadEnter'],
      'entry-backspace': ['Backspace'],
      'entry-cancel': ['Escape', 'NumpadDecimal'],
      'entry-preset': ['KeyP'],
      'entry-save-preset': ['Ctrl+KeyP'],
      'entry-swap': ['KeyS'],
      'select-screen-next': ['F6'],
      'select-tile-next': ['Tab'],
      'select-tile-previous': ['Shift+Tab'],
      'maximise-toggle': ['NumpadAdd', 'KeyF'],
      'clear-tile': ['Delete'],
      'pin-toggle': ['KeyX'],
      'history-back': ['BracketLeft'],
      'history-forward': ['BracketRight'],
      'page-next': ['PageDown'],
      'page-previous': ['PageUp'],
      'layout-1': ['Ctrl+Digit1'],
      'layout-2x2': ['Ctrl+Digit2'],
      'layout-3x3': ['Ctrl+Digit3'],
      'layout-4x4': ['Ctrl+Digit4'],
      'layout-5x5': ['Ctrl+Digit5'],
      'layout-6x6': ['Ctrl+Digit6'],
      'layout-1+5': ['Ctrl+Digit7'],
      'layout-1+7': ['Ctrl+Digit8'],
      'layout-1+12': ['Ctrl+Digit9'],
      'layout-2+8': ['Ctrl+Digit0'],
      'preset-1': ['Alt+Digit1', 'F1'],
      'preset-2': ['Alt+Digit2', 'F2'],
      'preset-3': ['Alt+Digit3', 'F3'],
      'preset-4': ['Alt+Digit4', 'F4'],
      'preset-5': ['Alt+Digit5', 'F5'],
      'preset-6': ['Alt+Digit6'],
      'preset-7': ['Alt+Digit7'],
      'preset-8': ['Alt+Digit8'],
      'preset-9': ['Alt+Digit9'],
      'help-toggle': ['Shift+Slash', 'F12', 'KeyH'],
      'stats-toggle': ['KeyI'],
      'camera-search': ['KeyC', 'Ctrl+KeyK'],
      'audit-toggle': ['KeyL'],
      'health-toggle': ['KeyW'],
      'heatmap-toggle': ['KeyG'],
      'alerts-acknowledge': ['KeyA'],
      'alerts-mute': ['KeyU'],
      'identify-displays': ['Ctrl+Shift+KeyD'],
      'push-incident': ['KeyB'],
      'ptz-mode-toggle': ['KeyZ', 'NumpadSubtract'],
      'ptz-up': ['ArrowUp'],
      'ptz-down': ['ArrowDown'],
      'ptz-left': ['ArrowLeft'],
      'ptz-right': ['ArrowRight'],
      'ptz-zoom-in': ['Equal', 'Shift+Equal'],
      'ptz-zoom-out': ['Minus'],
      'ptz-home': ['Home'],
      'ptz-goto-preset': ['KeyO'],
      'ptz-save-preset': ['Ctrl+KeyO'],
    },
    ptz: {
      'ptz-up-left': ['Numpad7'],
      'ptz-up': ['Numpad8'],
      'ptz-up-right': ['Numpad9'],
      'ptz-left': ['Numpad4'],
      'ptz-home': ['Numpad5'],
      'ptz-right': ['Numpad6'],
      'ptz-down-left': ['Numpad1'],
      'ptz-down': ['Numpad2'],
      'ptz-down-right': ['Numpad3'],
      'ptz-zoom-in': ['NumpadAdd'],
      'ptz-zoom-out': ['Numpad0'],
      'ptz-mode-toggle': ['NumpadSubtract', 'KeyZ', 'Escape'],
    },
    briefing: {
      'briefing-next': ['ArrowRight', 'ArrowDown', 'PageDown', 'Space'],
      'briefing-previous': ['ArrowLeft', 'ArrowUp', 'PageUp'],
    },
  },
};

/** The speed modifier for PTZ moves: held with a move key, the camera moves at full speed. */
export const PTZ_FAST_MODIFIER = 'Shift';
