import assert from 'node:assert/strict';
import test from 'node:test';
import { PTZ_FRAME, PTZ_FRAME_BYTES, drawPtzFrame, positionCaption, type PtzView } from './ptz-camera-scene.js';

function render(view: PtzView): Uint8Array {
  const frame = new Uint8Array(PTZ_FRAME_BYTES);
  drawPtzFrame(frame, view);
  return frame;
}

/** Share of luma pixels (outside the caption band) that differ between two frames. */
function differingShare(a: Uint8Array, b: Uint8Array): number {
  const pixels = PTZ_FRAME.width * (PTZ_FRAME.height - 48);
  let differing = 0;
  for (let i = 0; i < pixels; i++) if (a[i] !== b[i]) differing++;
  return differing / pixels;
}

const home: PtzView = { pan: 0, tilt: 0, zoom: 1, moving: false };

test('the same position always gives the same picture', () => {
  assert.deepEqual(render(home), render(home));
});

test('pan, tilt and zoom each change the picture; a full turn of pan comes back to the same view', () => {
  const start = render(home);
  assert.ok(differingShare(start, render({ ...home, pan: 3 })) > 0.2);
  assert.ok(differingShare(start, render({ ...home, tilt: 3 })) > 0.2);
  assert.ok(differingShare(start, render({ ...home, zoom: 1.5 })) > 0.2);
  assert.equal(differingShare(render({ ...home, pan: -175 }), render({ ...home, pan: 185 })), 0);
});

test('the picture states its position', () => {
  assert.equal(positionCaption({ pan: 12.5, tilt: -4, zoom: 2, moving: false }), 'P +012.5 T -04.0 Z 2.0X');
  assert.equal(positionCaption({ pan: -0.04, tilt: 0, zoom: 1, moving: false }), 'P -000.0 T +00.0 Z 1.0X');
  const still = render(home);
  const moving = render({ ...home, moving: true });
  assert.notDeepEqual(still, moving, 'a moving camera says so in the picture');
});
