import { KEYMAP_LAYERS, type KeyAction, type KeyChord, type KeymapFile } from '../../protocol/index.js';

/** Actions that need a key-up (hold to move); a global shortcut only ever reports the press. */
export const HOLD_ACTIONS: ReadonlySet<KeyAction> = new Set<KeyAction>([
  'ptz-up', 'ptz-down', 'ptz-left', 'ptz-right', 'ptz-up-left', 'ptz-up-right', 'ptz-down-left', 'ptz-down-right', 'ptz-zoom-in', 'ptz-zoom-out',
]);

const MODIFIER_ACCELERATORS: Record<string, string> = { Ctrl: 'Control', Alt: 'Alt', Shift: 'Shift', Meta: 'Super' };

const NAMED_KEYS: Record<string, string> = {
  ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right',
  Enter: 'Enter', Escape: 'Escape', Tab: 'Tab', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert',
  Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown', Space: 'Space',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';', Quote: "'",
  Comma: ',', Period: '.', Slash: '/', Backquote: '`',
  NumpadAdd: 'numadd', NumpadSubtract: 'numsub', NumpadMultiply: 'nummult', NumpadDivide: 'numdiv', NumpadDecimal: 'numdec',
};

export type AcceleratorResult = { ok: true; accelerator: string } | { ok: false; reason: string };

/** The Electron accelerator for a key chord ("Ctrl+Numpad5" -> "Control+num5"), or why there is none. */
export function chordToAccelerator(chord: KeyChord): AcceleratorResult {
  const parts = chord.split('+');
  const code = parts.pop() as string;
  const modifiers = parts.map((part) => MODIFIER_ACCELERATORS[part] as string);
  let key: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^Key([A-Z])$/.exec(code))) key = match[1];
  else if ((match = /^Digit([0-9])$/.exec(code))) key = match[1];
  else if ((match = /^Numpad([0-9])$/.exec(code))) key = `num${match[1]}`;
  else if ((match = /^F([1-9]|1[0-9]|2[0-4])$/.exec(code))) key = `F${match[1]}`;
  else if (code === 'NumpadEnter') return { ok: false, reason: 'Electron accelerators cannot tell the keypad Enter from the main Enter' };
  else key = NAMED_KEYS[code];
  if (key === undefined) return { ok: false, reason: `no accelerator for key ${code}` };
  return { ok: true, accelerator: [...modifiers, key].join('+') };
}

/**
 * Whether a chord may be taken system-wide: it must carry Ctrl, Alt or Meta, or be a function
 * key. A bare letter, digit or keypad key registered globally would be taken from every other
 * application on the console (typing an address, a report).
 */
export function globalSafe(chord: KeyChord): boolean {
  const parts = chord.split('+');
  const code = parts[parts.length - 1] as string;
  return parts.some((part) => part === 'Ctrl' || part === 'Alt' || part === 'Meta') || /^F([1-9]|1[0-9]|2[0-4])$/.test(code);
}

export interface GlobalBinding {
  chord: KeyChord;
  accelerator: string;
  /** A keymap action, or the selection of the workstation's screen at `selectScreen` (from 0). */
  target: { action: KeyAction } | { selectScreen: number };
}

export interface NotGlobal {
  chord: KeyChord;
  what: string;
  reason: string;
}

export interface GlobalShortcutPlan {
  register: GlobalBinding[];
  notGlobal: NotGlobal[];
}

/**
 * Which of the keymap's wall-layer chords become global shortcuts, and why the others cannot.
 * The PTZ and briefing layers depend on a mode the focused window holds, and hold-to-move needs
 * a key-up: those stay with the focused window (docs/electron.md).
 */
export function planGlobalShortcuts(keymap: KeymapFile, selectScreen: readonly KeyChord[]): GlobalShortcutPlan {
  const register: GlobalBinding[] = [];
  const notGlobal: NotGlobal[] = [];
  const taken = new Set<string>();
  const consider = (chord: KeyChord, what: string, target: GlobalBinding['target'], hold: boolean): void => {
    if (hold) return void notGlobal.push({ chord, what, reason: 'hold-to-move needs a key-up, which global shortcuts do not report' });
    if (!globalSafe(chord)) return void notGlobal.push({ chord, what, reason: 'no Ctrl, Alt or Meta: it would take the key from every other application' });
    const converted = chordToAccelerator(chord);
    if (!converted.ok) return void notGlobal.push({ chord, what, reason: converted.reason });
    if (taken.has(converted.accelerator)) return void notGlobal.push({ chord, what, reason: `${converted.accelerator} is already a global shortcut for another action` });
    taken.add(converted.accelerator);
    register.push({ chord, accelerator: converted.accelerator, target });
  };
  selectScreen.forEach((chord, index) => consider(chord, `select screen ${index + 1}`, { selectScreen: index }, false));
  for (const [action, chords] of Object.entries(keymap.layers.wall) as [KeyAction, KeyChord[] | undefined][]) {
    for (const chord of chords ?? []) consider(chord, action, { action }, HOLD_ACTIONS.has(action));
  }
  for (const layer of KEYMAP_LAYERS) {
    if (layer === 'wall') continue;
    for (const [action, chords] of Object.entries(keymap.layers[layer])) {
      for (const chord of chords ?? []) notGlobal.push({ chord, what: action, reason: `the ${layer} layer depends on a mode the focused window holds` });
    }
  }
  return { register, notGlobal };
}
