/**
 * Camera positions and field-of-view cones as GeoJSON. Pure: no DOM, no map library.
 */
import type { Camera, CameraView } from '../../protocol/catalogue.js';

const EARTH_RADIUS_METRES = 6_371_008.8;

export type LonLat = [longitude: number, latitude: number];

/** The point `distanceMetres` from `origin` along a compass `bearing` (great circle). */
export function destination(origin: LonLat, bearingDegrees: number, distanceMetres: number): LonLat {
  const [lon, lat] = origin;
  const phi1 = (lat * Math.PI) / 180;
  const lambda1 = (lon * Math.PI) / 180;
  const theta = (bearingDegrees * Math.PI) / 180;
  const delta = distanceMetres / EARTH_RADIUS_METRES;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
  const lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
  return [(((lambda2 * 180) / Math.PI + 540) % 360) - 180, (phi2 * 180) / Math.PI];
}

/** Great-circle distance in metres between two points. */
export function distanceMetres(a: LonLat, b: LonLat): number {
  const phi1 = (a[1] * Math.PI) / 180;
  const phi2 = (b[1] * Math.PI) / 180;
  const dPhi = phi2 - phi1;
  const dLambda = ((b[0] - a[0]) * Math.PI) / 180;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The closed outer ring of a camera's view: a circular sector from the camera out to its range,
 * or a full circle for a 360° view. `arcSteps` points are spent on the arc (at least 2).
 */
export function coneRing(origin: LonLat, view: CameraView, arcSteps = 16): LonLat[] {
  const steps = Math.max(2, Math.floor(arcSteps));
  if (view.fieldOfView >= 360) {
    const circle = Array.from({ length: steps * 2 }, (_, i) => destination(origin, (i * 360) / (steps * 2), view.rangeMetres));
    // GeoJSON outer rings run counter-clockwise: bearings turn clockwise, so reverse.
    circle.reverse();
    return [...circle, circle[0] ?? origin];
  }
  const start = view.bearing - view.fieldOfView / 2;
  const arc = Array.from({ length: steps + 1 }, (_, i) => destination(origin, start + (i * view.fieldOfView) / steps, view.rangeMetres));
  // origin -> arc (clockwise in bearing) -> origin is clockwise on the map; RFC 7946 wants
  // counter-clockwise outer rings, so the arc is walked backwards.
  arc.reverse();
  return [origin, ...arc, origin];
}

/** Whether a point lies within a camera's view (inside its range and its angle). */
export function viewCovers(origin: LonLat, view: CameraView, point: LonLat): boolean {
  const distance = distanceMetres(origin, point);
  if (distance > view.rangeMetres) return false;
  if (view.fieldOfView >= 360 || distance === 0) return true;
  const phi1 = (origin[1] * Math.PI) / 180;
  const phi2 = (point[1] * Math.PI) / 180;
  const dLambda = ((point[0] - origin[0]) * Math.PI) / 180;
  const bearing = (Math.atan2(Math.sin(dLambda) * Math.cos(phi2), Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda)) * 180) / Math.PI;
  const offset = Math.abs(((bearing - view.bearing + 540) % 360) - 180);
  return offset <= view.fieldOfView / 2;
}

export type CameraPointProperties = { cameraId: string; name: string; number: number; agency: string; ptz: boolean; hasView: boolean };
export type CameraConeProperties = { cameraId: string; agency: string };

export type PointFeature<P> = { type: 'Feature'; id: string; properties: P; geometry: { type: 'Point'; coordinates: LonLat } };
export type PolygonFeature<P> = { type: 'Feature'; id: string; properties: P; geometry: { type: 'Polygon'; coordinates: LonLat[][] } };
export type FeatureCollection<F> = { type: 'FeatureCollection'; features: F[] };

/** Camera points for the map's camera layer. */
export function cameraPoints(cameras: readonly Camera[]): FeatureCollection<PointFeature<CameraPointProperties>> {
  return {
    type: 'FeatureCollection',
    features: cameras.map((camera) => ({
      type: 'Feature',
      id: camera.id,
      properties: { cameraId: camera.id, name: camera.name, number: camera.number, agency: camera.agency, ptz: camera.ptz, hasView: camera.view !== undefined },
      geometry: { type: 'Point', coordinates: [camera.location.longitude, camera.location.latitude] },
    })),
  };
}

/** Field-of-view cones for the cameras that declare a view; cameras without one get none. */
export function cameraCones(cameras: readonly Camera[], arcSteps = 16): FeatureCollection<PolygonFeature<CameraConeProperties>> {
  return {
    type: 'FeatureCollection',
    features: cameras.flatMap((camera) =>
      camera.view
        ? [
            {
              type: 'Feature' as const,
              id: camera.id,
              properties: { cameraId: camera.id, agency: camera.agency },
              geometry: { type: 'Polygon' as const, coordinates: [coneRing([camera.location.longitude, camera.location.latitude], camera.view, arcSteps)] },
            },
          ]
        : [],
    ),
  };
}
