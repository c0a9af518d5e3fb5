/**
 * How incidents fade with age: the pins of what happened hours ago step back so the room sees
 * what is current. Age counts from an incident's last update, so one that is still being worked
 * on stays bright. Pure; the same stops drive the map's paint expression and the tests.
 */
import type { IncidentStatus } from '../../protocol/incidents.js';

/** [age in minutes, opacity] pairs, ascending in age. */
export const FADE_STOPS: readonly (readonly [number, number])[] = [
  [0, 1],
  [30, 0.9],
  [120, 0.6],
  [360, 0.4],
];

/** Closed incidents stay on the map for context but recede further. */
export const CLOSED_FACTOR = 0.5;

/** The global-state key the map reads the current time (epoch seconds) from. */
export const NOW_STATE_KEY = 'nowSeconds';

/** Opacity of an incident pin `ageMinutes` after its last update. */
export function fadeOpacity(ageMinutes: number, status: IncidentStatus): number {
  const age = Math.max(0, ageMinutes);
  let opacity = FADE_STOPS[FADE_STOPS.length - 1]?.[1] ?? 1;
  for (let i = 1; i < FADE_STOPS.length; i++) {
    const [a0, o0] = FADE_STOPS[i - 1] ?? [0, 1];
    const [a1, o1] = FADE_STOPS[i] ?? [0, 1];
    if (age <= a1) {
      opacity = o0 + ((o1 - o0) * (age - a0)) / (a1 - a0);
      break;
    }
  }
  return status === 'closed' ? opacity * CLOSED_FACTOR : opacity;
}

/**
 * The same curve as a maplibre expression over the feature's `updatedAtS` and the map's global
 * state `nowSeconds`: the map fades pins by moving one number, without touching the data.
 */
export function fadeOpacityExpression(): unknown[] {
  const ageMinutes = ['/', ['-', ['global-state', NOW_STATE_KEY], ['get', 'updatedAtS']], 60];
  return [
    '*',
    ['interpolate', ['linear'], ['max', 0, ageMinutes], ...FADE_STOPS.flat()],
    ['case', ['==', ['get', 'status'], 'closed'], CLOSED_FACTOR, 1],
  ];
}
