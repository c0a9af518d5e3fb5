import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bearingDegrees, distanceMetres, nearestCameras, viewCovers, type PlacedCamera } from './nearest-cameras.js';

// Bundaran Gladak, Solo, and points measured off it.
const gladak = { latitude: -7.5745, longitude: 110.8275 };
// About 111 m per 0.001 degree of latitude.
const north = (metres: number) => ({ latitude: gladak.latitude + metres / 111_195, longitude: gladak.longitude });

test('distance and bearing agree with the globe', () => {
  assert.ok(Math.abs(distanceMetres(gladak, north(500)) - 500) < 1);
  assert.ok(Math.abs(bearingDegrees(gladak, north(500)) - 0) < 0.01);
  assert.ok(Math.abs(bearingDegrees(north(500), gladak) - 180) < 0.01);
});

test('a camera covers a point inside its cone and range, not behind it or beyond it', () => {
  const lookingNorth = { bearing: 0, fieldOfView: 60, rangeMetres: 300 };
  assert.equal(viewCovers(gladak, lookingNorth, north(200)), true);
  assert.equal(viewCovers(gladak, lookingNorth, north(400)), false, 'beyond range');
  assert.equal(viewCovers(north(200), lookingNorth, gladak), false, 'behind the camera');
  assert.equal(viewCovers(gladak, { bearing: 350, fieldOfView: 40, rangeMetres: 300 }, north(200)), true, 'the cone wraps through north');
});

test('cameras that see the point come first, then the nearest; far ones never', () => {
  const cameras: PlacedCamera[] = [
    { id: 'near-blind', location: north(50) },
    { id: 'farther-looking', location: north(250), view: { bearing: 180, fieldOfView: 40, rangeMetres: 400 } },
    { id: 'near-looking-away', location: north(100), view: { bearing: 0, fieldOfView: 40, rangeMetres: 400 } },
    { id: 'too-far', location: north(3000) },
  ];
  const result = nearestCameras(gladak, cameras, { radiusMetres: 1000, count: 5 });
  assert.deepEqual(result.map((camera) => camera.cameraId), ['farther-looking', 'near-blind', 'near-looking-away']);
  assert.equal(result[0]!.covers, true);
  assert.deepEqual(nearestCameras(gladak, cameras, { radiusMetres: 1000, count: 1 }).map((c) => c.cameraId), ['farther-looking']);
});
