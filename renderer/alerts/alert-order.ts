import { priorityRank, type Alert, type AlertPriority } from '../../protocol/incidents.js';

/** Newest first; equal times by priority, then id, so the order never flickers. */
export function newestFirst(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || priorityRank(b.priority) - priorityRank(a.priority) || b.id.localeCompare(a.id, 'en', { numeric: true }),
  );
}

/** The ticker's alerts: unacknowledged ones, newest first, at most `limit`. */
export function tickerAlerts(alerts: readonly Alert[], limit: number): Alert[] {
  return newestFirst(alerts.filter((alert) => alert.acknowledgedBy === undefined)).slice(0, limit);
}

/** The critical alerts in `alerts` whose ids are not in `seen`: the ones that should sound. */
export function newCriticalAlerts(seen: ReadonlySet<string>, alerts: readonly Alert[]): Alert[] {
  return alerts.filter((alert) => alert.priority === 'critical' && alert.acknowledgedBy === undefined && !seen.has(alert.id));
}

/** How the ticker moves: still when its content fits, else a marquee at a constant reading speed. */
export interface MarqueePlan {
  scrolls: boolean;
  /** Seconds for one full pass of the content (0 when still). */
  durationSeconds: number;
}

/** Whether the content overflows the strip, and how long one pass takes at `pixelsPerSecond`. */
export function marqueePlan(contentWidth: number, viewportWidth: number, pixelsPerSecond: number): MarqueePlan {
  // A pixel or two of rounding must not start a marquee.
  if (contentWidth <= viewportWidth + 1 || pixelsPerSecond <= 0) return { scrolls: false, durationSeconds: 0 };
  return { scrolls: true, durationSeconds: Math.max(4, contentWidth / pixelsPerSecond) };
}

/**
 * The marquee's CSS timing: smooth, or `stepsPerSecond` still positions a second. In software
 * rendering a smooth marquee redraws its strip at the display's rate: beside a 25-tile grid on
 * two cores it cost 23 % of a core, 15 steps a second 9 % (a per-thread CPU probe, docs/player.md).
 */
export function marqueeTiming(plan: MarqueePlan, stepsPerSecond: number | null): string {
  if (!plan.scrolls || stepsPerSecond === null) return 'linear';
  return `steps(${Math.max(1, Math.round(plan.durationSeconds * stepsPerSecond))})`;
}

/** Counts of unacknowledged alerts by priority, for the list's header. */
export function countByPriority(alerts: readonly Alert[]): Record<AlertPriority, number> {
  const counts: Record<AlertPriority, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const alert of alerts) if (alert.acknowledgedBy === undefined) counts[alert.priority] += 1;
  return counts;
}
