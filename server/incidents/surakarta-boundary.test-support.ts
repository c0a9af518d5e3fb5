import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Ring = readonly (readonly number[])[];

// The open boundary data lives beside the repository (../shared/data/surakarta); tests that need it skip without it.
const CITY_FILE = fileURLToPath(new URL('../../../shared/data/surakarta/surakarta_kota.geojson', import.meta.url));

function insideRing(longitude: number, latitude: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A test for "inside Surakarta", or undefined when the boundary data is not on this machine. */
export function loadSurakartaBoundary(): ((latitude: number, longitude: number) => boolean) | undefined {
  if (!existsSync(CITY_FILE)) return undefined;
  const city = JSON.parse(readFileSync(CITY_FILE, 'utf8')) as { features: { geometry: { type: string; coordinates: unknown } }[] };
  const polygons: Ring[][] = [];
  for (const feature of city.features) {
    if (feature.geometry.type === 'Polygon') polygons.push(feature.geometry.coordinates as Ring[]);
    if (feature.geometry.type === 'MultiPolygon') polygons.push(...(feature.geometry.coordinates as Ring[][]));
  }
  return (latitude, longitude) =>
    polygons.some(([outer, ...holes]) => outer !== undefined && insideRing(longitude, latitude, outer) && !holes.some((hole) => insideRing(longitude, latitude, hole)));
}

export const BOUNDARY_MISSING = 'the Surakarta boundary data (../shared/data/surakarta) is not on this machine';
