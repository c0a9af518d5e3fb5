/**
 * Believable incidents and cameras around Surakarta for the map's e2e tests and bench:
 * deterministic (seeded), valid against the protocol's schemas.
 */
import type { Camera } from '../../protocol/catalogue.js';
import type { Incident, IncidentCategory, IncidentSeverity, IncidentStatus } from '../../protocol/incidents.js';
// The server simulator's generator, so every run places the same incidents.
import { seededRandom } from '../../server/incidents/seeded-random.js';

/** The city's extent (lon/lat), from the boundary data. */
export const SOLO_BOUNDS = { west: 110.7692, south: -7.5952, east: 110.869, north: -7.5221 } as const;
export const SOLO_CENTRE: [number, number] = [110.8193, -7.5587];

const CATEGORIES: IncidentCategory[] = ['crime', 'fire', 'traffic-accident', 'panic-button', 'citizen-complaint', 'congestion', 'public-order'];
const SEVERITIES: IncidentSeverity[] = ['low', 'medium', 'high', 'critical'];
const STATUSES: IncidentStatus[] = ['new', 'verified', 'dispatched', 'handled', 'closed'];

export type IncidentSpec = Partial<Omit<Incident, 'location'>> & { id: string; longitude: number; latitude: number };

/** One incident with sensible defaults for what the spec leaves out. */
export function makeIncident(spec: IncidentSpec): Incident {
  const at = spec.updatedAt ?? new Date().toISOString();
  const { longitude, latitude, ...rest } = spec;
  return {
    source: 'test',
    sourceId: spec.id,
    category: 'traffic-accident',
    severity: 'medium',
    status: 'new',
    title: `Insiden ${spec.id}`,
    address: 'Jl. Slamet Riyadi, Surakarta',
    reportedVia: '112',
    timeline: [{ at, text: 'Laporan masuk' }],
    relatedCameraIds: [],
    assignedAgency: null,
    createdAt: at,
    updatedAt: at,
    ...rest,
    location: { longitude, latitude },
  };
}

/** `count` incidents spread over the city, mixed categories, severities and statuses. */
export function randomIncidents(count: number, seed = 7, idPrefix = 'inc'): Incident[] {
  const random = seededRandom(seed);
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const updatedAt = new Date(now - Math.floor(random() * 6 * 3600_000)).toISOString();
    return makeIncident({
      id: `${idPrefix}-${i}`,
      longitude: SOLO_BOUNDS.west + random() * (SOLO_BOUNDS.east - SOLO_BOUNDS.west),
      latitude: SOLO_BOUNDS.south + random() * (SOLO_BOUNDS.north - SOLO_BOUNDS.south),
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      // Critical incidents are rare, as in a real feed.
      severity: SEVERITIES[Math.min(3, Math.floor(random() * 3.3))],
      status: STATUSES[Math.floor(random() * STATUSES.length)],
      createdAt: updatedAt,
      updatedAt,
    });
  });
}

/** A camera at a place, looking along `bearing`. */
export function makeCamera(id: string, number: number, longitude: number, latitude: number, bearing: number): Camera {
  return {
    id,
    number,
    name: `Kamera ${number}`,
    location: { longitude, latitude },
    agency: 'police',
    ptz: false,
    view: { bearing, fieldOfView: 70, rangeMetres: 150 },
    streams: { main: `http://127.0.0.1:1/live/${id}.flv` },
  };
}
