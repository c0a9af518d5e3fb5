import type { KeyAction } from '../../protocol/index.js';
import type { ShellAction } from '../../protocol/workstation-config-ipc.js';

/** What the shell does with an action that arrived outside a wall window (a global shortcut, the PTZ control window). */
export type ActionRoute =
  | { kind: 'select'; screenId: string }
  | { kind: 'identify-displays' }
  | { kind: 'send'; screenId: string; message: ShellAction }
  | { kind: 'none'; reason: string };

/**
 * Which screen the keyboard acts on. A key selects a screen (select-screen-next, or the
 * configured select chords); every other action goes to the selected screen's window.
 */
export class ScreenSelection {
  private selectedId: string | null;

  constructor(private screenIds: readonly string[]) {
    this.selectedId = screenIds[0] ?? null;
  }

  /** The selected screen, or null when the workstation shows none. */
  get selected(): string | null {
    return this.selectedId;
  }

  /** The screens shown now, in configuration order; keeps the selection when it is still shown. */
  setScreens(screenIds: readonly string[]): void {
    this.screenIds = screenIds;
    if (this.selectedId === null || !screenIds.includes(this.selectedId)) this.selectedId = screenIds[0] ?? null;
  }

  /** Selects a screen by id (a click on a window, the CCTV grammar); false for a screen not shown here. */
  select(screenId: string): boolean {
    if (!this.screenIds.includes(screenId)) return false;
    this.selectedId = screenId;
    return true;
  }

  /** Selects the screen at `index` in configuration order; false when there is none. */
  selectIndex(index: number): ActionRoute {
    const screenId = this.screenIds[index];
    if (screenId === undefined) return { kind: 'none', reason: `this workstation has no screen ${index + 1}` };
    this.selectedId = screenId;
    return { kind: 'select', screenId };
  }

  /** Routes an action: shell actions are done here, the rest go to the selected screen. */
  route(action: KeyAction, extra: Omit<ShellAction, 'action'> = {}): ActionRoute {
    if (action === 'select-screen-next') {
      if (this.screenIds.length === 0) return { kind: 'none', reason: 'no screen is shown' };
      const at = this.selectedId === null ? -1 : this.screenIds.indexOf(this.selectedId);
      return this.selectIndex((at + 1) % this.screenIds.length);
    }
    if (action === 'identify-displays') return { kind: 'identify-displays' };
    if (this.selectedId === null) return { kind: 'none', reason: 'no screen is shown' };
    return { kind: 'send', screenId: this.selectedId, message: { action, ...extra } };
  }
}
