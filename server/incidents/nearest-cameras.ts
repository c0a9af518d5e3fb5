import type { CameraView } from '../../protocol/catalogue.js';

/** A point on the earth in degrees. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** What nearestCameras needs of a camera: its place and, when known, where it looks. */
export interface PlacedCamera {
  id: string;
  location: GeoPoint;
  view?: CameraView | undefined;
}

/** A camera near a point, how far it is, and whether its field of view covers the point. */
export interface NearbyCamera {
  cameraId: string;
  distanceMetres: number;
  covers: boolean;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
// Below this a camera stands at the spot: whichever way it points, the event is in its picture.
const AT_THE_SPOT_METRES = 10;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(from: GeoPoint, to: GeoPoint): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial compass bearing from one point to another, 0-360 degrees clockwise from north. */
export function bearingDegrees(from: GeoPoint, to: GeoPoint): number {
  const φ1 = radians(from.latitude);
  const φ2 = radians(to.latitude);
  const Δλ = radians(to.longitude - from.longitude);
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/** True when a camera at `camera` looking along `view` has `point` in its picture. */
export function viewCovers(camera: GeoPoint, view: CameraView, point: GeoPoint): boolean {
  const distance = distanceMetres(camera, point);
  if (distance <= AT_THE_SPOT_METRES) return true;
  if (distance > view.rangeMetres) return false;
  if (view.fieldOfView >= 360) return true;
  const offset = Math.abs(((bearingDegrees(camera, point) - view.bearing + 540) % 360) - 180);
  return offset <= view.fieldOfView / 2;
}

export interface NearestOptions {
  /** Cameras farther than this are never returned. */
  radiusMetres: number;
  /** At most this many cameras. */
  count: number;
}

/**
 * The cameras within the radius of `location`, at most `count`: those whose view covers the
 * point first (nearest first), then the others by distance. Cameras without a view never cover.
 */
export function nearestCameras(location: GeoPoint, cameras: readonly PlacedCamera[], options: NearestOptions): NearbyCamera[] {
  const nearby: NearbyCamera[] = [];
  for (const camera of cameras) {
    const distance = distanceMetres(camera.location, location);
    if (distance > options.radiusMetres) continue;
    nearby.push({ cameraId: camera.id, distanceMetres: distance, covers: camera.view ? viewCovers(camera.location, camera.view, location) : false });
  }
  nearby.sort((a, b) => Number(b.covers) - Number(a.covers) || a.distanceMetres - b.distanceMetres || a.cameraId.localeCompare(b.cameraId));
  return nearby.slice(0, Math.max(0, options.count));
}
