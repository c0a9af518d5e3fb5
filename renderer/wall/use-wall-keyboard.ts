import { useEffect, useRef } from 'react';
import { actionForChord, chordOf, PTZ_FAST_MODIFIER, type KeyAction, type KeymapFile } from '../../protocol/index.js';

/** PTZ actions that move while held and stop on release. */
export const PTZ_HOLD_ACTIONS: ReadonlySet<KeyAction> = new Set([
  'ptz-up', 'ptz-down', 'ptz-left', 'ptz-right', 'ptz-up-left', 'ptz-up-right', 'ptz-down-left', 'ptz-down-right', 'ptz-zoom-in', 'ptz-zoom-out',
]);

export interface KeyboardHandlers {
  keymap: KeymapFile;
  layers: { ptz: boolean; briefing: boolean };
  /** A key action pressed (not repeats) or, for PTZ moves, released. */
  onAction(action: KeyAction, phase: 'down' | 'up', fast: boolean): void;
}

/** True when typing goes to a text field (the camera search), not to the wall's keys. */
function typingInField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Turns the window's key presses into keymap actions. The speed modifier (Shift) on a PTZ move
 * key means "fast"; a held PTZ key is released on key-up, and every held one when the window loses focus.
 */
export function useWallKeyboard(handlers: KeyboardHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const held = new Map<string, KeyAction>();
    const resolve = (event: KeyboardEvent): { action: KeyAction; fast: boolean } | undefined => {
      const { keymap, layers } = latest.current;
      const direct = actionForChord(keymap, chordOf(event), layers);
      if (direct) return { action: direct, fast: PTZ_HOLD_ACTIONS.has(direct) && event.shiftKey };
      if (!event.shiftKey) return undefined;
      // Shift+move is the same move, fast, unless the keymap binds Shift+key to something else.
      const plain = actionForChord(keymap, chordOf({ code: event.code, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, shiftKey: false }), layers);
      return plain && PTZ_HOLD_ACTIONS.has(plain) && PTZ_FAST_MODIFIER === 'Shift' ? { action: plain, fast: true } : undefined;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (typingInField(event.target) && event.code !== 'Escape') return;
      const found = resolve(event);
      if (!found) return;
      event.preventDefault();
      if (event.repeat) return;
      if (PTZ_HOLD_ACTIONS.has(found.action)) held.set(event.code, found.action);
      latest.current.onAction(found.action, 'down', found.fast);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      const action = held.get(event.code);
      if (action === undefined) return;
      held.delete(event.code);
      latest.current.onAction(action, 'up', false);
    };
    const releaseAll = () => {
      for (const action of held.values()) latest.current.onAction(action, 'up', false);
      held.clear();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') releaseAll();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', releaseAll);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      releaseAll();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', releaseAll);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
