import type { HealthEntry, ScreenCondition } from '../../protocol/health.js';
import type { HealthStrings } from './strings.js';

/** One row of the wall-health table, ready to show. */
export interface HealthRow {
  key: string;
  workstation: string;
  screen: string;
  condition: ScreenCondition;
  conditionLabel: string;
  liveTiles: string;
  fps: string;
  dropped: string;
  memory: string;
  lastCrash: string;
  age: string;
}

const ORDER: Record<ScreenCondition, number> = { failing: 0, silent: 1, degraded: 2, ok: 3 };

/** How long ago, in words: seconds under two minutes, then minutes. */
export function ageText(ms: number, strings: HealthStrings): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return seconds < 120 ? strings.secondsAgo(seconds) : strings.minutesAgo(Math.floor(seconds / 60));
}

/** The table rows, worst first (failing, silent, degraded, ok), then by workstation and screen. */
export function healthRows(entries: readonly HealthEntry[], now: number, strings: HealthStrings): HealthRow[] {
  return [...entries]
    .sort((a, b) => ORDER[a.condition] - ORDER[b.condition] || a.workstationId.localeCompare(b.workstationId) || a.report.screenId.localeCompare(b.report.screenId))
    .map((entry) => {
      const { report } = entry;
      const withCamera = report.tiles.filter((t) => t.state !== 'empty');
      const crash = report.lastCrash;
      return {
        key: `${entry.workstationId}/${report.wallId}/${report.screenId}`,
        workstation: `${entry.workstationId} (${report.workstationName})`,
        screen: `${report.wallId}/${report.screenId}`,
        condition: entry.condition,
        conditionLabel: strings.conditions[entry.condition],
        liveTiles: `${withCamera.filter((t) => t.state === 'live').length}/${withCamera.length}`,
        fps: report.framesPerSecond.toFixed(0),
        dropped: String(report.droppedFrames),
        memory: report.memoryMb === null ? strings.none : `${report.memoryMb} MB`,
        lastCrash: crash === null ? (report.restarts > 0 ? strings.restarts(report.restarts) : strings.none) : `${crash.reason} · ${ageText(now - Date.parse(crash.at), strings)}`,
        age: ageText(now - Date.parse(entry.receivedAt), strings),
      };
    });
}
