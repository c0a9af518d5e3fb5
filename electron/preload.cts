// CommonJS on purpose: sandboxed preloads cannot load ES modules. Self-contained (no imports
// of our ES modules): the names below repeat protocol/workstation-config-ipc.ts and
// windows/screen-window.ts, and a unit test keeps them equal.
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

const FLAG = '--pantau-screen-target=';
const KEYMAP_FLAG = '--pantau-keymap=';
const CURSOR_FLAG = '--pantau-cursor-hide-after=';
const CURSOR_CLASS = 'pantau-cursor-idle';
const CHANNELS = {
  action: 'pantau:action',
  status: 'pantau:shell-status',
  identifyDisplays: 'pantau:identify-displays',
  selectScreen: 'pantau:select-screen',
} as const;
// The first-run setup window's channels (protocol/workstation-config-setup.ts); the main process
// answers them only for the setup window.
const SETUP_CHANNELS = {
  describe: 'pantau:setup-describe',
  checkServer: 'pantau:setup-check-server',
  listScreens: 'pantau:setup-list-screens',
  enrol: 'pantau:setup-enrol',
  save: 'pantau:setup-save',
} as const;

function flag(prefix: string): string | undefined {
  return process.argv.find((value) => value.startsWith(prefix))?.slice(prefix.length);
}

/** A JSON value the main process passed on the command line (screen target, keymap), or null; the page validates it. */
function jsonFlag(prefix: string): unknown {
  const arg = flag(prefix);
  if (arg === undefined) return null;
  try {
    return JSON.parse(decodeURIComponent(arg)) as unknown;
  } catch {
    return null;
  }
}

/**
 * Subscribes to a main -> page channel. The page's listener gets the payload only, never the
 * IPC event (it would hand the page `sender`, a way back into ipcRenderer). Returns the
 * unsubscribe function.
 */
function subscribe(channel: string, listener: unknown): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const wrapped = (_event: unknown, payload: unknown): void => {
    (listener as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

// The pointer hides after a while without movement (a wall is watched, not used with a mouse).
// The main process injects the CSS for the class; the DOM is shared with the page's world.
const hideAfterSeconds = Number(flag(CURSOR_FLAG) ?? '5');
if (Number.isFinite(hideAfterSeconds) && hideAfterSeconds > 0) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = (): void => document.documentElement.classList.add(CURSOR_CLASS);
  const active = (): void => {
    document.documentElement.classList.remove(CURSOR_CLASS);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(idle, hideAfterSeconds * 1000);
  };
  window.addEventListener('mousemove', active, { passive: true });
  window.addEventListener('mousedown', active, { passive: true });
  window.addEventListener('DOMContentLoaded', active);
}

// A fixed surface of named functions: no ipcRenderer, no channel chosen by the page.
contextBridge.exposeInMainWorld(
  'pantau',
  Object.freeze({
    screenTarget: jsonFlag(FLAG),
    keymap: jsonFlag(KEYMAP_FLAG),
    onAction: (listener: unknown) => subscribe(CHANNELS.action, listener),
    onShellStatus: (listener: unknown) => subscribe(CHANNELS.status, listener),
    identifyDisplays: (): Promise<unknown> => ipcRenderer.invoke(CHANNELS.identifyDisplays),
    selectScreen: (screenId: unknown): void => {
      ipcRenderer.send(CHANNELS.selectScreen, { screenId });
    },
    // Each answers `{ ok: true, value }` or `{ ok: false, error }`; the page validates the value.
    setup: Object.freeze({
      describe: (): Promise<unknown> => ipcRenderer.invoke(SETUP_CHANNELS.describe),
      checkServer: (serverUrl: unknown): Promise<unknown> => ipcRenderer.invoke(SETUP_CHANNELS.checkServer, { serverUrl }),
      listScreens: (serverUrl: unknown, wallId: unknown): Promise<unknown> => ipcRenderer.invoke(SETUP_CHANNELS.listScreens, { serverUrl, wallId }),
      enrol: (serverUrl: unknown, code: unknown): Promise<unknown> => ipcRenderer.invoke(SETUP_CHANNELS.enrol, { serverUrl, code }),
      save: (settings: unknown): Promise<unknown> => ipcRenderer.invoke(SETUP_CHANNELS.save, settings),
    }),
  }),
);
