import { DEFAULT_KEYMAP, KeymapFileSchema, describeIssues, formatIssues, type KeymapFile } from '../../protocol/index.js';
import type { ReadOptionalText } from './provisioning-file.js';

export type KeymapLoad = { keymap: KeymapFile; source: string; problem: string | null };

/**
 * The keymap to use: the configured file when it is valid, else the default keymap with the
 * problem named (a bad keymap file must not leave the wall without keys).
 */
export function loadKeymap(file: string | null, read: ReadOptionalText): KeymapLoad {
  if (file === null) return { keymap: DEFAULT_KEYMAP, source: 'default', problem: null };
  let text: string | null;
  try {
    text = read(file);
  } catch (error) {
    return { keymap: DEFAULT_KEYMAP, source: 'default', problem: `${file}: ${(error as Error).message}` };
  }
  if (text === null) return { keymap: DEFAULT_KEYMAP, source: 'default', problem: `${file}: no such file` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { keymap: DEFAULT_KEYMAP, source: 'default', problem: `${file}: cannot be read as JSON: ${(error as Error).message}` };
  }
  const parsed = KeymapFileSchema.safeParse(json);
  if (!parsed.success) return { keymap: DEFAULT_KEYMAP, source: 'default', problem: `${file}: ${formatIssues(describeIssues(parsed.error))}` };
  return { keymap: parsed.data, source: file, problem: null };
}
