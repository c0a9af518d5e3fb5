import type { AccidentHistory, AccidentPoint, IncidentSeverity } from '../../protocol/incidents.js';
import { alongCourse, offsetMetres, roundCoordinate } from './geo-offsets.js';
import { gaussian, pickWeighted, seededRandom, type RandomSource } from './seeded-random.js';
import { ACCIDENT_HOTSPOTS, LANDMARKS, type LatLon } from './solo-places.js';

export interface AccidentHistoryOptions {
  /** The same seed gives the same history. */
  seed: number;
  /** How many accidents. Default 3,000. */
  count?: number;
  /** The newest accident is before this. Default: now. */
  endAt?: Date;
  /** How far back the history goes, in days. Default 730 (two years). */
  days?: number;
}

// Most accidents happen on the known roads and junctions; the rest anywhere in town.
const SHARE_ON_HOTSPOTS = 0.85;
// Spread across a road's width and its verges; junctions spread wider, into their approaches.
const ROAD_SPREAD_METRES = 12;
const JUNCTION_SPREAD_METRES = 30;
const BACKGROUND_SPREAD_METRES = 100;

const SEVERITIES: readonly { severity: IncidentSeverity; share: number; weight: number }[] = [
  { severity: 'low', share: 45, weight: 1 },
  { severity: 'medium', share: 35, weight: 2 },
  { severity: 'high', share: 15, weight: 3 },
  { severity: 'critical', share: 5, weight: 4 },
];

// Accidents cluster in the morning and evening rush (hours 6-8 and 16-18 local time, UTC+7).
const HOUR_SHARES = [1, 1, 1, 1, 1, 2, 5, 7, 6, 4, 3, 3, 4, 3, 3, 4, 6, 7, 6, 4, 3, 2, 2, 1];
const WIB_OFFSET_HOURS = 7;
const HOURS = HOUR_SHARES.map((share, hour) => ({ share, hour }));

function jittered(random: RandomSource, centre: LatLon, spreadMetres: number): LatLon {
  return offsetMetres(centre, gaussian(random) * spreadMetres, gaussian(random) * spreadMetres);
}

function accidentPlace(random: RandomSource): { at: LatLon; place: string } {
  if (random() < SHARE_ON_HOTSPOTS) {
    const hotspot = pickWeighted(random, ACCIDENT_HOTSPOTS, (spot) => spot.weight);
    const junction = hotspot.course.length === 1;
    const centre = alongCourse(hotspot.course, random());
    return { at: jittered(random, centre, junction ? JUNCTION_SPREAD_METRES : ROAD_SPREAD_METRES), place: hotspot.name };
  }
  const landmark = pickWeighted(random, LANDMARKS, () => 1);
  return { at: jittered(random, landmark.at, BACKGROUND_SPREAD_METRES), place: landmark.address };
}

function accidentTime(random: RandomSource, endAt: number, days: number): string {
  const day = Math.floor(random() * days) + 1;
  const hourLocal = pickWeighted(random, HOURS, (entry) => entry.share).hour;
  const midnightUtc = Math.floor(endAt / 86_400_000) * 86_400_000 - day * 86_400_000;
  const minute = Math.floor(random() * 60);
  return new Date(midnightUtc + ((hourLocal - WIB_OFFSET_HOURS + 24) % 24) * 3_600_000 + minute * 60_000).toISOString();
}

/** A deterministic history of traffic accidents in Solo, as GeoJSON points for a heatmap. */
export function accidentHistory(options: AccidentHistoryOptions): AccidentHistory {
  const random = seededRandom(options.seed);
  const count = options.count ?? 3000;
  const endAt = (options.endAt ?? new Date()).getTime();
  const days = options.days ?? 730;
  const features: AccidentPoint[] = [];
  for (let index = 0; index < count; index++) {
    const { at, place } = accidentPlace(random);
    const severity = pickWeighted(random, SEVERITIES, (entry) => entry.share);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [roundCoordinate(at[1]), roundCoordinate(at[0])] },
      properties: { at: accidentTime(random, endAt, days), severity: severity.severity, place, weight: severity.weight },
    });
  }
  return { type: 'FeatureCollection', features };
}
