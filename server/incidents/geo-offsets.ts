import type { LatLon } from './solo-places.js';

const METRES_PER_DEGREE_LATITUDE = 111_195;

/** The point `north` and `east` metres from `from` (flat-earth: fine within a city). */
export function offsetMetres(from: LatLon, north: number, east: number): LatLon {
  const [latitude, longitude] = from;
  const metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos((latitude * Math.PI) / 180);
  return [latitude + north / METRES_PER_DEGREE_LATITUDE, longitude + east / metresPerDegreeLongitude];
}

/** The point a fraction `t` (0..1) of the way along a polyline, by length. */
export function alongCourse(course: readonly LatLon[], t: number): LatLon {
  const first = course[0];
  if (!first) throw new Error('a course needs at least one point');
  const segments: { start: LatLon; end: LatLon; length: number }[] = [];
  let previous = first;
  for (const point of course.slice(1)) {
    segments.push({ start: previous, end: point, length: Math.hypot(point[0] - previous[0], point[1] - previous[1]) });
    previous = point;
  }
  let remaining = Math.min(1, Math.max(0, t)) * segments.reduce((sum, segment) => sum + segment.length, 0);
  for (const [index, segment] of segments.entries()) {
    if (remaining <= segment.length || index === segments.length - 1) {
      const f = segment.length === 0 ? 0 : Math.min(1, remaining / segment.length);
      return [segment.start[0] + (segment.end[0] - segment.start[0]) * f, segment.start[1] + (segment.end[1] - segment.start[1]) * f];
    }
    remaining -= segment.length;
  }
  return first;
}

/** Keeps 7 decimals (about 1 cm): enough for a map, and stable in JSON. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
