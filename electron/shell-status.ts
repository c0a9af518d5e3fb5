import type { CrashRecord, ShellStatus } from '../protocol/health.js';
import type { UnassignedScreen } from './displays/plan-screens.js';

/** What the main process knows about the workstation and each screen, gathered from its events. */
export interface ShellFacts {
  workstationName: string;
  appVersion: string;
  unassigned: readonly UnassignedScreen[];
  gpu: { crashes: number; hardwareAcceleration: boolean };
  warnings: readonly string[];
  selectedScreen: string | null;
  /** Per screen: shell restarts and the last crash. */
  screens: ReadonlyMap<string, { restarts: number; lastCrash: CrashRecord | null }>;
  /** The last GPU or main-process crash, reported by every screen. */
  workstationCrash: CrashRecord | null;
}

const later = (a: CrashRecord | null, b: CrashRecord | null): CrashRecord | null => {
  if (a === null) return b;
  if (b === null) return a;
  return a.at >= b.at ? a : b;
};

/** The ShellStatus one screen's window receives: its own restarts and crash, and the workstation's facts. */
export function shellStatusFor(screenId: string, facts: ShellFacts): ShellStatus {
  const screen = facts.screens.get(screenId);
  return {
    workstationName: facts.workstationName.slice(0, 120) || 'workstation',
    appVersion: facts.appVersion.slice(0, 40),
    restarts: screen?.restarts ?? 0,
    lastCrash: later(screen?.lastCrash ?? null, facts.workstationCrash),
    unassignedScreens: facts.unassigned.map((u) => ({ screenId: u.screenId, reason: u.reason.slice(0, 300) })).slice(0, 32),
    gpu: facts.gpu,
    warnings: facts.warnings.map((w) => w.slice(0, 300)).slice(0, 32),
    selected: facts.selectedScreen === screenId,
  };
}
