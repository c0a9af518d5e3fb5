import { useEffect, useState } from 'react';
import type { Language } from '../../protocol/index.js';
import type { ShellStatus } from '../../protocol/health.js';
import type { HostBridge } from '../bridge/host-bridge.js';
import { healthStringsFor } from './strings.js';

/** Keeps the latest shell status from the host bridge (null in a plain browser). */
export function useShellStatus(bridge: HostBridge): ShellStatus | null {
  const [status, setStatus] = useState<ShellStatus | null>(null);
  useEffect(() => bridge.onShellStatus(setStatus), [bridge]);
  return status;
}

/**
 * The message on every remaining display when a configured screen has no monitor: which screens
 * and why, so nobody mistakes a missing screen for a quiet one. Renders nothing otherwise.
 */
export function UnassignedScreensNotice({ status, language }: { status: ShellStatus | null; language: Language }) {
  if (status === null || status.unassignedScreens.length === 0) return null;
  const strings = healthStringsFor(language);
  return (
    <div role="alert" data-testid="unassigned-screens" style={{ position: 'absolute', top: 12, left: '50%', transform: 'translateX(-50%)', zIndex: 50, background: '#c62828', color: '#fff', padding: '10px 18px', borderRadius: 6, fontSize: 20, maxWidth: '80%' }}>
      <strong>{strings.unassignedTitle}: </strong>
      {status.unassignedScreens.map((u) => u.screenId).join(', ')}
      <div style={{ fontSize: 14, opacity: 0.9 }}>{strings.unassignedHint}</div>
    </div>
  );
}
