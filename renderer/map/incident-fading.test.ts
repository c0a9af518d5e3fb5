import assert from 'node:assert/strict';
import test from 'node:test';
import { CLOSED_FACTOR, FADE_STOPS, fadeOpacity, fadeOpacityExpression } from './incident-fading.js';

test('older incidents fade, never to nothing; closed ones recede further', () => {
  const ages = [0, 10, 30, 90, 120, 300, 360, 10_000];
  const opacities = ages.map((age) => fadeOpacity(age, 'new'));
  for (let i = 1; i < opacities.length; i++) assert.ok(opacities[i]! <= opacities[i - 1]!);
  assert.equal(fadeOpacity(0, 'new'), 1);
  assert.ok(fadeOpacity(10_000, 'new') >= 0.4);
  assert.equal(fadeOpacity(0, 'closed'), CLOSED_FACTOR);
  assert.equal(fadeOpacity(-5, 'verified'), 1, 'a clock slightly behind the server does not over-brighten');
});

test('the map expression uses the same stops', () => {
  const json = JSON.stringify(fadeOpacityExpression());
  assert.ok(json.includes(JSON.stringify(FADE_STOPS.flat()).slice(1, -1)));
  assert.ok(json.includes('"global-state","nowSeconds"'));
});
