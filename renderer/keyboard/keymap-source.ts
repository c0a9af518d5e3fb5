import { DEFAULT_KEYMAP, KeymapFileSchema, describeIssues, formatIssues, type KeymapFile } from '../../protocol/index.js';

/**
 * The keymap of this window: the workstation's keymap file as the desktop app's preload hands it
 * over (`window.pantau.keymap`, validated here), else the default. A bad keymap never leaves the
 * wall without keys: it is reported and the default is used.
 */
export function currentKeymap(surface: unknown = (globalThis as { pantau?: unknown }).pantau): { keymap: KeymapFile; problem: string | null } {
  const provided = typeof surface === 'object' && surface !== null && 'keymap' in surface ? surface.keymap : undefined;
  if (provided === undefined || provided === null) return { keymap: DEFAULT_KEYMAP, problem: null };
  const parsed = KeymapFileSchema.safeParse(provided);
  if (parsed.success) return { keymap: parsed.data, problem: null };
  return { keymap: DEFAULT_KEYMAP, problem: `keymap refused, using the default: ${formatIssues(describeIssues(parsed.error))}` };
}
