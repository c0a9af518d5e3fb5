import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../protocol/incidents.js';
import criticalSoundUrl from '../../assets/sounds/critical-alert.wav';
import { newCriticalAlerts } from './alert-order.js';

const MUTE_KEY = 'pantau:alerts-muted';

function readMuted(): boolean {
  try {
    return globalThis.localStorage?.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether alert sounds are muted on this workstation, remembered across restarts. */
export function useMutePreference(): [boolean, () => void] {
  const [muted, setMuted] = useState(readMuted);
  const toggle = useCallback(() => {
    setMuted((current) => {
      const next = !current;
      try {
        globalThis.localStorage?.setItem(MUTE_KEY, next ? '1' : '0');
      } catch {
        // A browser without storage still mutes for this session.
      }
      return next;
    });
  }, []);
  return [muted, toggle];
}

/**
 * Sounds once for each critical alert that arrives while this screen is showing. Alerts already
 * there at the first snapshot stay silent: a restarted wall must not replay old alarms.
 */
export function useCriticalSound(alerts: readonly Alert[] | null, muted: boolean): void {
  const seen = useRef<Set<string> | null>(null);
  const audio = useRef<HTMLAudioElement | null>(null);
  useEffect(() => {
    if (!alerts) return;
    if (seen.current === null) {
      seen.current = new Set(alerts.map((alert) => alert.id));
      return;
    }
    const fresh = newCriticalAlerts(seen.current, alerts);
    for (const alert of alerts) seen.current.add(alert.id);
    if (fresh.length === 0 || muted) return;
    audio.current ??= new Audio(criticalSoundUrl);
    audio.current.currentTime = 0;
    // A browser that blocks autoplay refuses quietly; the ticker still shows the alert.
    audio.current.play().catch(() => undefined);
  }, [alerts, muted]);
}
