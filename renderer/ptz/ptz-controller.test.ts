import assert from 'node:assert/strict';
import test from 'node:test';
import { PTZ_REFRESH_MS } from '../../protocol/ptz.js';
import { CLICK_MOVE_MS, PTZ_SPEED, PtzController, isPtzMoveAction } from './ptz-controller.js';

const { normal, fast } = PTZ_SPEED;

test('holding an arrow moves the camera that way; letting go stops it', () => {
  const controller = new PtzController();
  assert.deepEqual(controller.press('ptz-right', false, 0), [{ type: 'move', velocity: { pan: normal, tilt: 0, zoom: 0 } }]);
  assert.deepEqual(controller.press('ptz-right', false, 30), [], 'the keyboard\'s auto-repeat sends nothing new');
  assert.deepEqual(controller.release('ptz-right', 100), [{ type: 'stop' }]);
  assert.deepEqual(controller.tick(1000), [], 'a still camera is not refreshed');
});

test('two keys combine into a diagonal; opposite keys cancel; the modifier makes it fast', () => {
  const controller = new PtzController();
  controller.press('ptz-up', false, 0);
  assert.deepEqual(controller.press('ptz-left', false, 10), [{ type: 'move', velocity: { pan: -normal, tilt: normal, zoom: 0 } }]);
  assert.deepEqual(controller.press('ptz-right', false, 20), [{ type: 'move', velocity: { pan: 0, tilt: normal, zoom: 0 } }]);
  assert.deepEqual(controller.press('ptz-zoom-in', true, 30), [{ type: 'move', velocity: { pan: 0, tilt: fast, zoom: fast } }]);
  assert.deepEqual(new PtzController().press('ptz-down-right', true, 0), [{ type: 'move', velocity: { pan: fast, tilt: -fast, zoom: 0 } }]);
});

test('a held move is repeated for the dead-man, and only while held', () => {
  const controller = new PtzController();
  controller.press('ptz-left', false, 0);
  assert.deepEqual(controller.tick(PTZ_REFRESH_MS - 1), []);
  assert.deepEqual(controller.tick(PTZ_REFRESH_MS), [{ type: 'move', velocity: { pan: -normal, tilt: 0, zoom: 0 } }]);
  assert.deepEqual(controller.tick(PTZ_REFRESH_MS * 2), [{ type: 'move', velocity: { pan: -normal, tilt: 0, zoom: 0 } }]);
  controller.release('ptz-left', PTZ_REFRESH_MS * 2 + 10);
  assert.deepEqual(controller.tick(PTZ_REFRESH_MS * 10), []);
});

test('losing focus or hiding the window stops a moving camera, and a still one is left alone', () => {
  const controller = new PtzController();
  controller.press('ptz-zoom-out', false, 0);
  assert.deepEqual(controller.releaseAll(50), [{ type: 'stop' }]);
  assert.deepEqual(controller.releaseAll(60), []);
  assert.deepEqual(controller.tick(5000), []);
});

test('a click moves toward the clicked point for a moment, then stops', () => {
  const controller = new PtzController();
  assert.deepEqual(controller.click(0.25, -0.2, 0), [{ type: 'move', velocity: { pan: 0.5, tilt: 0.45, zoom: 0 } }]);
  assert.deepEqual(controller.tick(CLICK_MOVE_MS - 1), [{ type: 'move', velocity: { pan: 0.5, tilt: 0.45, zoom: 0 } }], 'refreshed like a held key');
  assert.deepEqual(controller.tick(CLICK_MOVE_MS), [{ type: 'stop' }]);
});

test('a drag steers like a joystick from where it started, and stops when let go', () => {
  const controller = new PtzController();
  assert.deepEqual(controller.drag(0.5, 0, 0), [{ type: 'move', velocity: { pan: 0.5, tilt: 0, zoom: 0 } }]);
  assert.deepEqual(controller.drag(3, 0.5, 10), [{ type: 'move', velocity: { pan: 1, tilt: -0.5, zoom: 0 } }], 'never past full speed');
  assert.deepEqual(controller.press('ptz-up', false, 20), [{ type: 'move', velocity: { pan: 0, tilt: normal, zoom: 0 } }], 'a key wins over the pointer');
  controller.release('ptz-up', 30);
  assert.deepEqual(controller.dragEnd(40), [{ type: 'stop' }]);
});

test('only the move actions of the keymap steer', () => {
  assert.equal(isPtzMoveAction('ptz-up-left'), true);
  assert.equal(isPtzMoveAction('ptz-home'), false);
  assert.equal(isPtzMoveAction('layout-1'), false);
});
