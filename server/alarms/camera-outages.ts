import type { HealthReport } from '../../protocol/index.js';

/** Which cameras just went offline on the wall, and which came back. */
export interface OutageChange {
  offline: string[];
  restored: string[];
}

/**
 * Camera outages from what the wall screens report, not from guesses: a camera is out when every
 * screen that shows it reports its tile offline, and back when one of them shows it live again.
 * Pure: the caller turns the changes into alerts.
 */
export class CameraOutageTracker {
  readonly #out = new Set<string>();

  /** Takes the latest report of every screen; returns what changed since the last call. */
  observe(reports: readonly HealthReport[]): OutageChange {
    const states = new Map<string, Set<string>>();
    for (const report of reports) {
      for (const tile of report.tiles) {
        if (tile.cameraId === null) continue;
        const seen = states.get(tile.cameraId) ?? new Set<string>();
        seen.add(tile.state);
        states.set(tile.cameraId, seen);
      }
    }
    const change: OutageChange = { offline: [], restored: [] };
    for (const [cameraId, seen] of states) {
      const allOffline = [...seen].every((state) => state === 'offline');
      if (allOffline && !this.#out.has(cameraId)) {
        this.#out.add(cameraId);
        change.offline.push(cameraId);
      } else if (seen.has('live') && this.#out.delete(cameraId)) {
        change.restored.push(cameraId);
      }
    }
    return change;
  }
}
