// CommonJS on purpose: sandboxed preloads cannot load ES modules.
import electron = require('electron');

const { contextBridge } = electron;

// Must equal SCREEN_TARGET_FLAG in windows/screen-window.ts (a unit test checks).
const FLAG = '--pantau-screen-target=';

/** The screen target the main process passed on the command line; the page validates it. */
function screenTarget(): unknown {
  const arg = process.argv.find((value) => value.startsWith(FLAG));
  if (arg === undefined) return null;
  try {
    return JSON.parse(decodeURIComponent(arg.slice(FLAG.length))) as unknown;
  } catch {
    return null;
  }
}

// A fixed, data-only surface: no ipcRenderer, no functions that reach the main process yet.
contextBridge.exposeInMainWorld('pantau', Object.freeze({ screenTarget: screenTarget() }));
