import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCIDENT_HOTSPOTS, LANDMARKS } from './solo-places.js';
import { BOUNDARY_MISSING, loadSurakartaBoundary } from './surakarta-boundary.test-support.js';

const insideSurakarta = loadSurakartaBoundary();

test('every hotspot point and landmark lies inside Surakarta', { skip: insideSurakarta ? false : BOUNDARY_MISSING }, () => {
  const outside = [
    ...ACCIDENT_HOTSPOTS.flatMap((spot) => spot.course.map((point) => ({ name: spot.name, point }))),
    ...LANDMARKS.map((landmark) => ({ name: landmark.name, point: landmark.at })),
  ].filter(({ point }) => !insideSurakarta?.(point[0], point[1]));
  assert.deepEqual(outside, []);
});
