import type { BrowserWindowConstructorOptions } from 'electron';
import type { ScreenTarget } from '../../protocol/index.js';
import type { ScreenPlacement } from '../displays/plan-screens.js';

export const SCREEN_TARGET_FLAG = '--pantau-screen-target=';

/** Window options for one wall screen on its display: frameless, dark, locked down. */
export function screenWindowOptions(placement: ScreenPlacement, target: ScreenTarget, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...placement.bounds,
    show: false,
    frame: false,
    backgroundColor: '#05080c',
    title: `Pantau ${target.wallId}/${target.screenId}`,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Video walls often sit behind other windows; throttling would freeze their tiles.
      backgroundThrottling: false,
      additionalArguments: [`${SCREEN_TARGET_FLAG}${encodeURIComponent(JSON.stringify(target))}`],
    },
  };
}
