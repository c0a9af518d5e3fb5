import type { CrashRecord } from '../../protocol/health.js';

/** The renderer-gone details Electron reports (the fields used). */
export interface GoneDetails {
  reason: string;
  exitCode: number;
}

/** A crash record for a renderer that went away; `clean-exit` (a reload or close) is not a crash. */
export function crashFromRendererGone(details: GoneDetails, at: Date): CrashRecord | null {
  if (details.reason === 'clean-exit') return null;
  const reason = details.reason === 'killed' ? 'renderer-killed' : details.reason === 'oom' ? 'renderer-oom' : 'renderer-crashed';
  return { reason, at: at.toISOString(), detail: `${details.reason} (exit code ${details.exitCode})` };
}
