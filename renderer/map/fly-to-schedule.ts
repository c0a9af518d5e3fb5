/**
 * When the map flies to a new critical incident and when it returns to the city view. Pure: the
 * component feeds it the incidents and the clock and carries out the moves it returns.
 */
import type { Incident } from '../../protocol/incidents.js';

export type FlyToOptions = {
  /** Fly to an incident that becomes critical (new, or escalated) while the map is showing. */
  flyToCritical: boolean;
  /** How long the map stays on it before returning to the home view; 0 stays until the next one. */
  returnHomeAfterMs: number;
};

export type FlyToState = {
  /** Critical incidents already seen (flown to, or present when the map started). */
  seenCritical: ReadonlySet<string>;
  /** The incident the map is on, if it flew to one. */
  focusedId: string | null;
  /** When to go home (epoch ms), if scheduled. */
  returnAt: number | null;
};

export type FlyToMove = { kind: 'fly-to'; incident: Incident } | { kind: 'return-home' } | { kind: 'none' };

/** The state when the map starts: what is already critical is not news and flies nowhere. */
export function initialFlyToState(incidents: readonly Incident[]): FlyToState {
  return { seenCritical: new Set(criticalOpenIds(incidents)), focusedId: null, returnAt: null };
}

function criticalOpenIds(incidents: readonly Incident[]): string[] {
  return incidents.filter((incident) => incident.severity === 'critical' && incident.status !== 'closed').map((incident) => incident.id);
}

/**
 * After the incidents changed: flies to the newest critical incident not seen before (by
 * `updatedAt`), and schedules the return home. Incidents no longer critical are forgotten, so
 * one that escalates again flies again.
 */
export function onIncidentsChanged(state: FlyToState, incidents: readonly Incident[], now: number, options: FlyToOptions): { state: FlyToState; move: FlyToMove } {
  const critical = incidents.filter((incident) => incident.severity === 'critical' && incident.status !== 'closed');
  const fresh = critical.filter((incident) => !state.seenCritical.has(incident.id));
  const seenCritical = new Set(critical.map((incident) => incident.id));
  if (fresh.length === 0 || !options.flyToCritical) {
    return { state: { ...state, seenCritical }, move: { kind: 'none' } };
  }
  const newest = fresh.reduce((a, b) => (Date.parse(b.updatedAt) > Date.parse(a.updatedAt) ? b : a));
  return {
    state: { seenCritical, focusedId: newest.id, returnAt: options.returnHomeAfterMs > 0 ? now + options.returnHomeAfterMs : null },
    move: { kind: 'fly-to', incident: newest },
  };
}

/** On the clock: returns home once the stay is over. */
export function onTick(state: FlyToState, now: number): { state: FlyToState; move: FlyToMove } {
  if (state.returnAt !== null && now >= state.returnAt) {
    return { state: { ...state, focusedId: null, returnAt: null }, move: { kind: 'return-home' } };
  }
  return { state, move: { kind: 'none' } };
}

/** An operator took the map (panned or zoomed): no automatic return pulls it away from them. */
export function onOperatorMoved(state: FlyToState): FlyToState {
  return { ...state, focusedId: null, returnAt: null };
}
