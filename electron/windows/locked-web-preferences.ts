import type { WebPreferences } from 'electron';

/**
 * The web preferences every Pantau window gets: isolated, sandboxed, no Node, no webviews, our
 * preload only, with the flags the main process passes to it.
 */
export function lockedWebPreferences(preloadPath: string, additionalArguments: string[]): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    additionalArguments,
  };
}
