import { BrowserWindow } from 'electron';
import type { KeymapFile, Language } from '../../protocol/index.js';
import type { ShellAction } from '../../protocol/workstation-config-ipc.js';
import { HoldKeyTracker } from '../hotkeys/control-keys.js';

const page = (language: Language): string => {
  const text = language === 'en'
    ? ['PTZ control', 'Hold the arrows or keypad to move, release to stop. Shift: fast. Esc: leave.']
    : ['Kendali PTZ', 'Tahan panah atau keypad untuk menggerakkan, lepas untuk berhenti. Shift: cepat. Esc: keluar.'];
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>
body{margin:0;background:#0b1220;color:#e6edf3;font-family:sans-serif;padding:12px;border:3px solid #f0b429;box-sizing:border-box;height:100vh}
h1{margin:0 0 6px;font-size:18px}p{margin:0;font-size:13px}</style></head><body><h1>${text[0]}</h1><p>${text[1]}</p></body></html>`;
};

/**
 * A small focusable window for hold-to-move PTZ from a console where another application has the
 * focus: a global shortcut brings it up and focuses it; while focused, before-input-event sees
 * every key down and up, so a move starts on press and stops on release. Losing focus stops
 * every move (its key-ups will never arrive) and hides it.
 */
export class PtzControlWindow {
  private window: BrowserWindow | null = null;
  private tracker: HoldKeyTracker;

  constructor(
    keymap: KeymapFile,
    private readonly language: Language,
    private readonly deliver: (message: ShellAction) => void,
  ) {
    this.tracker = new HoldKeyTracker(keymap);
  }

  /** Shows and focuses the control window on the given display area (the operator's console). */
  show(bounds: { x: number; y: number; width: number; height: number }): void {
    const window = this.window && !this.window.isDestroyed() ? this.window : this.create();
    window.setBounds({ x: bounds.x + Math.round(bounds.width / 2) - 220, y: bounds.y + bounds.height - 160, width: 440, height: 110 });
    window.show();
    window.focus();
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow({
      width: 440,
      height: 110,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    window.webContents.on('before-input-event', (event, input) => {
      event.preventDefault();
      const wasPtz = this.tracker.inPtzMode;
      for (const message of this.tracker.handle(input)) this.deliver(message);
      // Leaving PTZ mode ends the session: give the focus back.
      if (wasPtz && !this.tracker.inPtzMode) window.hide();
    });
    window.on('blur', () => {
      for (const message of this.tracker.releaseAll()) this.deliver(message);
      // The screen's page left PTZ mode with us only if we tell it: one toggle back.
      if (this.tracker.inPtzMode) {
        this.tracker.setPtzMode(false);
        this.deliver({ action: 'ptz-mode-toggle' });
      }
      window.hide();
    });
    void window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page(this.language))}`);
    this.window = window;
    return window;
  }

  /** Opens the window in PTZ mode and tells the selected screen to enter it too. */
  openForPtz(bounds: { x: number; y: number; width: number; height: number }): void {
    if (!this.tracker.inPtzMode) {
      this.tracker.setPtzMode(true);
      this.deliver({ action: 'ptz-mode-toggle' });
    }
    this.show(bounds);
  }
}
