import assert from 'node:assert/strict';
import test from 'node:test';
import { SIMULATED_PTZ, SimulatedPtzDriver } from './simulated-driver.js';

function fakeClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('a held pan turns the view at its speed; a stop holds it where it is', async () => {
  const clock = fakeClock();
  const head = new SimulatedPtzDriver(clock.now);
  await head.move({ pan: 0.5, tilt: 0, zoom: 0 });
  clock.advance(1000);
  assert.equal(head.position().pan, SIMULATED_PTZ.panDegreesPerSecond / 2);
  await head.stop();
  clock.advance(5000);
  assert.equal(head.position().pan, SIMULATED_PTZ.panDegreesPerSecond / 2);
});

test('tilt and zoom stop at the limits; pan wraps all the way round', async () => {
  const clock = fakeClock();
  const head = new SimulatedPtzDriver(clock.now);
  await head.move({ pan: -1, tilt: 1, zoom: 1 });
  clock.advance(60_000);
  const position = head.position();
  assert.equal(position.tilt, SIMULATED_PTZ.tiltMax);
  assert.equal(position.zoom, SIMULATED_PTZ.zoomMax);
  assert.ok(position.pan >= -180 && position.pan < 180, `pan ${position.pan} stays within ±180`);
});

test('a saved preset is found again; an unsaved one is refused; home returns to the start', async () => {
  const clock = fakeClock();
  const head = new SimulatedPtzDriver(clock.now);
  await head.move({ pan: 1, tilt: -1, zoom: 0 });
  clock.advance(500);
  await head.stop();
  const saved = head.position();
  await head.savePreset(3);
  await head.home();
  assert.deepEqual(head.position(), { pan: 0, tilt: 0, zoom: 1 });
  await head.gotoPreset(3);
  assert.deepEqual(head.position(), saved);
  await assert.rejects(head.gotoPreset(4), /preset 4 has not been saved/);
});
