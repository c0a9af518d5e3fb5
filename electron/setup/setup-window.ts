import type { BrowserWindowConstructorOptions, IpcMain, Rectangle } from 'electron';
import { lockedWebPreferences } from '../windows/locked-web-preferences.js';
import { z } from 'zod';
import {
  CheckServerRequestSchema,
  EnrolRequestSchema,
  ListScreensRequestSchema,
  SETUP_CHANNELS,
  SetupSaveRequestSchema,
} from '../../protocol/workstation-config-setup.js';
import { handleGuarded, type RefusalLog } from '../security/ipc-handlers.js';
import { CURSOR_HIDE_FLAG } from '../windows/screen-window.js';
import type { SetupSession } from './setup-session.js';

/** The setup page inside the app (Vite's second input, renderer/setup/index.html). */
export const SETUP_PAGE_PATH = 'setup/index.html';

/**
 * Options of the setup window: an ordinary framed window on the display under the pointer (IT is
 * sitting at it, it is not a kiosk), locked down like the wall windows, the pointer never hidden.
 */
export function setupWindowOptions(workArea: Rectangle, preloadPath: string): BrowserWindowConstructorOptions {
  const width = Math.min(workArea.width, 1400);
  const height = Math.min(workArea.height, 1000);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
    show: false,
    frame: true,
    backgroundColor: '#05080c',
    title: 'Pantau — Setup',
    autoHideMenuBar: true,
    webPreferences: lockedWebPreferences(preloadPath, [`${CURSOR_HIDE_FLAG}0`]),
  };
}

/**
 * Registers the setup channels: each checks that the sender is the setup window's main frame on
 * app://pantau and parses its payload with zod before the session sees it.
 */
export function registerSetupHandlers(ipcMain: Pick<IpcMain, 'handle'>, session: () => SetupSession | null, isSetupWindow: (webContentsId: number) => boolean, refused: RefusalLog): void {
  const live = (): SetupSession => {
    const current = session();
    if (current === null) throw new Error('the setup is closed');
    return current;
  };
  handleGuarded(ipcMain, SETUP_CHANNELS.describe, z.undefined(), isSetupWindow, refused, () => live().describe());
  handleGuarded(ipcMain, SETUP_CHANNELS.checkServer, CheckServerRequestSchema, isSetupWindow, refused, ({ serverUrl }) => live().checkServer(serverUrl));
  handleGuarded(ipcMain, SETUP_CHANNELS.listScreens, ListScreensRequestSchema, isSetupWindow, refused, ({ serverUrl, wallId }) => live().listScreens(serverUrl, wallId));
  handleGuarded(ipcMain, SETUP_CHANNELS.enrol, EnrolRequestSchema, isSetupWindow, refused, ({ serverUrl, code }) => live().enrol(serverUrl, code));
  handleGuarded(ipcMain, SETUP_CHANNELS.save, SetupSaveRequestSchema, isSetupWindow, refused, (request) => live().save(request));
}
