import { PTZ_FAST_MODIFIER, actionForChord, chordOf, type KeyAction, type KeymapFile } from '../../protocol/index.js';
import type { ShellAction } from '../../protocol/workstation-config-ipc.js';
import { HOLD_ACTIONS } from './accelerator.js';

/** A key event as Electron's before-input-event reports it (the fields we use). */
export interface KeyInput {
  type: 'keyDown' | 'keyUp' | string;
  code: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
  isAutoRepeat: boolean;
}

/**
 * Turns key downs and ups in a focused Pantau window into actions with a key-up for
 * hold-to-move: a PTZ move key sends `start` when pressed and `stop` when released (even when
 * Shift was let go first), and releasing focus stops every move. Tracks the PTZ layer itself,
 * since it sees every key.
 */
export class HoldKeyTracker {
  private ptzMode = false;
  /** Key code -> the hold action it started. */
  private readonly held = new Map<string, KeyAction>();

  constructor(private readonly keymap: KeymapFile) {}

  /** Whether the PTZ layer is on. */
  get inPtzMode(): boolean {
    return this.ptzMode;
  }

  /** The actions a key event produces (usually none or one). */
  handle(input: KeyInput): ShellAction[] {
    if (input.type === 'keyUp') {
      const action = this.held.get(input.code);
      if (action === undefined) return [];
      this.held.delete(input.code);
      return [{ action, phase: 'stop' }];
    }
    if (input.type !== 'keyDown' || input.isAutoRepeat) return [];
    const event = { code: input.code, ctrlKey: input.control, altKey: input.alt, shiftKey: input.shift, metaKey: input.meta };
    const active = { ptz: this.ptzMode, briefing: false };
    let action = actionForChord(this.keymap, chordOf(event), active);
    let fast = false;
    // The speed modifier is not part of a move's chord: Shift+ArrowUp is ptz-up at full speed.
    if (PTZ_FAST_MODIFIER === 'Shift' && input.shift && (action === undefined || !HOLD_ACTIONS.has(action))) {
      const withoutShift = actionForChord(this.keymap, chordOf({ ...event, shiftKey: false }), active);
      if (withoutShift !== undefined && HOLD_ACTIONS.has(withoutShift)) {
        action = withoutShift;
        fast = true;
      }
    }
    if (action === undefined) return [];
    if (action === 'ptz-mode-toggle') {
      this.ptzMode = !this.ptzMode;
      return [...this.releaseAll(), { action }];
    }
    if (HOLD_ACTIONS.has(action)) {
      if (this.held.get(input.code) === action) return [];
      this.held.set(input.code, action);
      return [{ action, fast, phase: 'start' }];
    }
    return [{ action }];
  }

  /** Sets the PTZ layer; a change stops every move. Returns the stops to deliver. */
  setPtzMode(on: boolean): ShellAction[] {
    if (this.ptzMode === on) return [];
    this.ptzMode = on;
    return this.releaseAll();
  }

  /** Stops every move in progress: the window lost focus, so its key-ups will never come. */
  releaseAll(): ShellAction[] {
    const stops = [...this.held.values()].map((action): ShellAction => ({ action, phase: 'stop' }));
    this.held.clear();
    return stops;
  }
}
