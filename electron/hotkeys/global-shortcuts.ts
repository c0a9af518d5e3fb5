import type { GlobalBinding, GlobalShortcutPlan } from './accelerator.js';

/** The part of Electron's globalShortcut used here; injected so tests run without Electron. */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

export interface RegistrationOutcome {
  registered: GlobalBinding[];
  /** Shortcuts another application holds: register() returned false (it fails silently otherwise). */
  conflicts: GlobalBinding[];
}

/** Registers the planned global shortcuts, replacing earlier ones; reports those another application holds. */
export function registerGlobalShortcuts(globalShortcut: GlobalShortcutLike, plan: GlobalShortcutPlan, trigger: (binding: GlobalBinding) => void): RegistrationOutcome {
  globalShortcut.unregisterAll();
  const registered: GlobalBinding[] = [];
  const conflicts: GlobalBinding[] = [];
  for (const binding of plan.register) {
    let ok: boolean;
    try {
      ok = globalShortcut.register(binding.accelerator, () => trigger(binding));
    } catch {
      // Electron throws for accelerators the platform cannot register at all: a conflict too.
      ok = false;
    }
    (ok ? registered : conflicts).push(binding);
  }
  return { registered, conflicts };
}
