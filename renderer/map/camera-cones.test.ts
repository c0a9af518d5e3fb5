import assert from 'node:assert/strict';
import test from 'node:test';
import { cameraCones, coneRing, destination, distanceMetres, viewCovers, type LonLat } from './camera-cones.js';
import type { Camera } from '../../protocol/catalogue.js';

const SOLO: LonLat = [110.8246, -7.5697];

/** Twice the signed area: positive for counter-clockwise rings (what RFC 7946 wants outside). */
function signedArea(ring: LonLat[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) sum += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  return sum;
}

test('a cone reaches its range along its bearing, closed and counter-clockwise', () => {
  const ring = coneRing(SOLO, { bearing: 90, fieldOfView: 60, rangeMetres: 200 }, 8);
  assert.deepEqual(ring[0], SOLO);
  assert.deepEqual(ring.at(-1), SOLO);
  assert.equal(ring.length, 8 + 1 + 2);
  for (const point of ring.slice(1, -1)) assert.ok(Math.abs(distanceMetres(SOLO, point) - 200) < 0.5);
  assert.ok(signedArea(ring) > 0);
  // Looking east: the arc lies east of the camera.
  assert.ok(ring.slice(1, -1).every((point) => point[0] > SOLO[0]));
});

test('a 360° camera gets a closed circle', () => {
  const ring = coneRing(SOLO, { bearing: 0, fieldOfView: 360, rangeMetres: 100 }, 8);
  assert.deepEqual(ring[0], ring.at(-1));
  assert.ok(signedArea(ring) > 0);
  assert.ok(ring.every((point) => Math.abs(distanceMetres(SOLO, point) - 100) < 0.5));
});

test('viewCovers: inside the angle and range only', () => {
  const view = { bearing: 0, fieldOfView: 90, rangeMetres: 300 };
  assert.equal(viewCovers(SOLO, view, destination(SOLO, 10, 200)), true);
  assert.equal(viewCovers(SOLO, view, destination(SOLO, 350, 200)), true, 'across north');
  assert.equal(viewCovers(SOLO, view, destination(SOLO, 60, 200)), false, 'outside the angle');
  assert.equal(viewCovers(SOLO, view, destination(SOLO, 0, 400)), false, 'beyond the range');
});

test('cameras without a view get a point but no cone', () => {
  const base = { name: 'K', agency: 'police', ptz: false, streams: { main: 'http://127.0.0.1/x.flv' } } as const;
  const cameras: Camera[] = [
    { ...base, id: 'a', number: 1, location: { longitude: SOLO[0], latitude: SOLO[1] }, view: { bearing: 10, fieldOfView: 40, rangeMetres: 50 } },
    { ...base, id: 'b', number: 2, location: { longitude: SOLO[0], latitude: SOLO[1] } },
  ];
  assert.deepEqual(cameraCones(cameras).features.map((feature) => feature.id), ['a']);
});
