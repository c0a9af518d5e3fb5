/**
 * The order a briefing presents incidents in, and stepping through it. Pure: the presenter's
 * position is an incident id, which the lead syncs over the wall state so every briefing screen
 * shows the same one.
 */
import { severityRank, type Incident } from '../../protocol/incidents.js';

/** Open incidents first, most severe first, newest first within a severity; closed ones last. */
export function briefingOrder(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort((a, b) => {
    const closed = Number(a.status === 'closed') - Number(b.status === 'closed');
    if (closed !== 0) return closed;
    const severity = severityRank(b.severity) - severityRank(a.severity);
    if (severity !== 0) return severity;
    return Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id);
  });
}

/** Where the position is in the order; an unknown or absent position is the first incident. */
export function briefingIndex(order: readonly Incident[], position: string | null): number {
  if (order.length === 0) return -1;
  const index = position ? order.findIndex((incident) => incident.id === position) : -1;
  return index < 0 ? 0 : index;
}

/**
 * The position after stepping `delta` (+1 next, -1 previous). A briefing stops at its ends
 * instead of wrapping, so a clicker pressed once too often does not jump to the other end.
 */
export function briefingStep(order: readonly Incident[], position: string | null, delta: number): string | null {
  if (order.length === 0) return null;
  const index = Math.min(order.length - 1, Math.max(0, briefingIndex(order, position) + Math.trunc(delta)));
  return order[index]?.id ?? null;
}

/**
 * The incident the push key sends to a screen: the briefing's current incident while it is open
 * (what the presenter is talking about), else the newest open critical or high one; null when none.
 */
export function incidentToPush(incidents: readonly Incident[], briefingPosition: string | null): Incident | null {
  const current = briefingPosition === null ? undefined : incidents.find((incident) => incident.id === briefingPosition);
  if (current && current.status !== 'closed') return current;
  const urgent = incidents.filter((incident) => incident.status !== 'closed' && severityRank(incident.severity) >= severityRank('high'));
  urgent.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
  return urgent[0] ?? null;
}
