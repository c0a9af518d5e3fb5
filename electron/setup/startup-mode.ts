import type { ConfigSource } from '../config/config-layers.js';
import { flagSwitch } from '../config/command-line.js';

/** What the shell opens at start: the first-run setup window, or the wall windows. */
export type StartupMode = { mode: 'setup'; reason: string } | { mode: 'wall' };

/**
 * Setup or wall. The setup opens when no layer but the built-in demo names a server (a fresh
 * install: no provisioning file, flag, environment variable, packaged default or saved setting)
 * or when IT asks for it with `--setup`. Pure: the configuration's provenance and argv in.
 */
export function startupMode(sources: Readonly<Record<string, ConfigSource>>, argv: readonly string[]): StartupMode {
  if (flagSwitch(argv, 'setup') === true) return { mode: 'setup', reason: 'asked for with --setup' };
  const serverSource = sources.serverUrl;
  if (serverSource === undefined || serverSource === 'built-in') return { mode: 'setup', reason: 'no server configured (no provisioning file, flag, environment or saved setting)' };
  return { mode: 'wall' };
}
