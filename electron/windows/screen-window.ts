import type { BrowserWindowConstructorOptions } from 'electron';
import type { KeymapFile, KioskOptions, ScreenTarget } from '../../protocol/index.js';
import type { ScreenPlacement } from '../displays/plan-screens.js';
import { lockedWebPreferences } from './locked-web-preferences.js';

export const SCREEN_TARGET_FLAG = '--pantau-screen-target=';
/** The workstation's keymap (validated in main, validated again by the page). */
export const KEYMAP_FLAG = '--pantau-keymap=';
/** Seconds without mouse movement before the preload hides the pointer; 0 never. */
export const CURSOR_HIDE_FLAG = '--pantau-cursor-hide-after=';
/** The class the preload puts on <html> while the pointer is idle. */
export const CURSOR_IDLE_CLASS = 'pantau-cursor-idle';
/** Injected by the main process (insertCSS is not subject to the page's CSP). */
export const CURSOR_IDLE_CSS = `html.${CURSOR_IDLE_CLASS}, html.${CURSOR_IDLE_CLASS} * { cursor: none !important; }`;

/** Window options for one wall screen on its display: frameless, dark, locked down, never throttled. */
export function screenWindowOptions(placement: ScreenPlacement, target: ScreenTarget, preloadPath: string, kiosk?: Pick<KioskOptions, 'alwaysOnTop' | 'hideCursorAfterSeconds'>, keymap?: KeymapFile): BrowserWindowConstructorOptions {
  return {
    // The display's bounds in the constructor: on X11 a window created elsewhere and moved can land on the wrong monitor.
    ...placement.bounds,
    show: false,
    frame: false,
    backgroundColor: '#05080c',
    title: `Pantau ${target.wallId}/${target.screenId}`,
    autoHideMenuBar: true,
    alwaysOnTop: kiosk?.alwaysOnTop ?? false,
    minimizable: false,
    skipTaskbar: false,
    webPreferences: {
      ...lockedWebPreferences(preloadPath, [
        `${SCREEN_TARGET_FLAG}${encodeURIComponent(JSON.stringify(target))}`,
        `${CURSOR_HIDE_FLAG}${kiosk?.hideCursorAfterSeconds ?? 5}`,
        ...(keymap === undefined ? [] : [`${KEYMAP_FLAG}${encodeURIComponent(JSON.stringify(keymap))}`]),
      ]),
      devTools: true,
      // Video walls often sit behind other windows; throttling would freeze their tiles. Never toggled.
      backgroundThrottling: false,
    },
  };
}
