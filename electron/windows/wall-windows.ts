import type { BrowserWindow } from 'electron';
import type { CrashRecord } from '../../protocol/health.js';
import type { ScreenPlan, ScreenPlacement } from '../displays/plan-screens.js';
import { changesBetween } from '../displays/plan-screens.js';
import { crashFromRendererGone } from '../recovery/crash-record.js';
import { DEFAULT_RECOVERY_POLICY, nextRecoveryStep, type RecoveryPolicy } from '../recovery/reload-policy.js';
import { CURSOR_IDLE_CSS } from './screen-window.js';

export interface WallWindowsOptions {
  /** Creates the window for a placement (options from screenWindowOptions). */
  create(placement: ScreenPlacement): BrowserWindow;
  url: string;
  log(message: string): void;
  /** A window crashed, hung or failed to load: for the screen's health. */
  onFailure(screenId: string, crash: CrashRecord): void;
  /** A window (re)loaded its page: time to send it the shell status. */
  onLoaded(screenId: string): void;
  policy?: RecoveryPolicy;
  now?: () => number;
}

interface Managed {
  window: BrowserWindow;
  placement: ScreenPlacement;
  failures: number[];
  pending: ReturnType<typeof setTimeout> | null;
}

/**
 * The wall's windows, one per placed screen: applies plans (open, move, close), and recovers
 * crashed or hung windows by the reload policy. Thin: the decisions are in changesBetween and
 * nextRecoveryStep.
 */
export class WallWindows {
  private readonly managed = new Map<string, Managed>();
  private quitting = false;

  constructor(private readonly options: WallWindowsOptions) {}

  /** Brings the windows in line with a plan. */
  apply(plan: ScreenPlan): void {
    const changes = changesBetween([...this.managed.values()].map((m) => m.placement), plan);
    for (const screenId of changes.close) this.close(screenId);
    for (const placement of changes.move) {
      const managed = this.managed.get(placement.screenId);
      if (!managed) continue;
      managed.placement = placement;
      // Leave fullscreen first: a fullscreen window ignores setBounds on Windows and X11.
      managed.window.setFullScreen(false);
      managed.window.setBounds(placement.bounds);
      managed.window.setFullScreen(true);
    }
    for (const placement of changes.open) this.open(placement);
  }

  /** Whether a webContents belongs to one of the wall windows (for the IPC guard). */
  isOurs(webContentsId: number): boolean {
    return this.screenOf(webContentsId) !== null;
  }

  /** The screen a webContents shows, or null. */
  screenOf(webContentsId: number): string | null {
    for (const [screenId, managed] of this.managed) if (!managed.window.isDestroyed() && managed.window.webContents.id === webContentsId) return screenId;
    return null;
  }

  /** Screens with a window, in no particular order. */
  screens(): string[] {
    return [...this.managed.keys()];
  }

  /** The window of a screen, if it has one. */
  windowOf(screenId: string): BrowserWindow | null {
    const managed = this.managed.get(screenId);
    return managed && !managed.window.isDestroyed() ? managed.window : null;
  }

  /** Sends a message to a screen's page; false when the screen has no live window. */
  send(screenId: string, channel: string, payload: unknown): boolean {
    const window = this.windowOf(screenId);
    if (!window || window.webContents.isCrashed()) return false;
    window.webContents.send(channel, payload);
    return true;
  }

  /** Reloads every live wall window (a new CSP header applies from the next load); returns how many. */
  reloadAll(): number {
    let reloaded = 0;
    for (const managed of this.managed.values()) {
      if (managed.window.isDestroyed()) continue;
      managed.window.webContents.reload();
      reloaded += 1;
    }
    return reloaded;
  }

  /** Closes every window for good (at quit). */
  closeAll(): void {
    this.quitting = true;
    for (const screenId of [...this.managed.keys()]) this.close(screenId);
  }

  private open(placement: ScreenPlacement, failures: number[] = []): void {
    const window = this.options.create(placement);
    const managed: Managed = { window, placement, failures, pending: null };
    this.managed.set(placement.screenId, managed);
    const { screenId } = placement;
    window.once('ready-to-show', () => {
      window.setFullScreen(true);
      window.show();
    });
    // Kiosk: a wall window is closed by the shell only (Alt+F4 would leave a black monitor).
    window.on('close', (event) => {
      if (!this.quitting && this.managed.get(screenId)?.window === window) event.preventDefault();
    });
    window.webContents.on('did-finish-load', () => {
      void window.webContents.insertCSS(CURSOR_IDLE_CSS);
      this.options.onLoaded(screenId);
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      const crash = crashFromRendererGone(details, new Date(this.now()));
      if (crash) this.recover(screenId, crash);
    });
    window.on('unresponsive', () => this.recover(screenId, { reason: 'renderer-unresponsive', at: new Date(this.now()).toISOString(), detail: 'the page stopped responding' }));
    window.on('responsive', () => {
      // It recovered by itself before the reload was due.
      const current = this.managed.get(screenId);
      if (current?.pending) {
        clearTimeout(current.pending);
        current.pending = null;
        this.options.log(`screen ${screenId}: responsive again, reload cancelled`);
      }
    });
    window.webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      if (isMainFrame && code !== -3) this.recover(screenId, { reason: 'load-failed', at: new Date(this.now()).toISOString(), detail: `${description} (${code})` });
    });
    void window.loadURL(this.options.url);
  }

  private recover(screenId: string, crash: CrashRecord): void {
    const managed = this.managed.get(screenId);
    if (!managed || managed.pending) return;
    const { step, history } = nextRecoveryStep(managed.failures, this.now(), this.options.policy ?? DEFAULT_RECOVERY_POLICY);
    managed.failures = history;
    this.options.log(`screen ${screenId}: ${crash.reason} (${crash.detail}); ${step.kind} in ${step.delayMs} ms (attempt ${step.attempt + 1})`);
    this.options.onFailure(screenId, crash);
    managed.pending = setTimeout(() => {
      managed.pending = null;
      if (this.managed.get(screenId) !== managed) return;
      if (step.kind === 'reload' && !managed.window.isDestroyed()) {
        managed.window.webContents.reload();
        return;
      }
      this.close(screenId);
      this.open(managed.placement, history);
    }, step.delayMs);
  }

  private close(screenId: string): void {
    const managed = this.managed.get(screenId);
    if (!managed) return;
    this.managed.delete(screenId);
    if (managed.pending) clearTimeout(managed.pending);
    if (!managed.window.isDestroyed()) managed.window.destroy();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
