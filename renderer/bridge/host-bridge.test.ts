import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROWSER_BRIDGE, bridgeFromPreload } from './host-bridge.js';

/** A stand-in for the preload surface that lets the test play the main process's messages. */
function fakePreload() {
  const listeners = { action: [] as ((p: unknown) => void)[], status: [] as ((p: unknown) => void)[] };
  const selected: unknown[] = [];
  const surface = {
    screenTarget: null,
    onAction: (listener: (p: unknown) => void) => (listeners.action.push(listener), () => listeners.action.splice(listeners.action.indexOf(listener), 1)),
    onShellStatus: (listener: (p: unknown) => void) => (listeners.status.push(listener), () => undefined),
    identifyDisplays: async () => ({ ok: true, value: 2 }),
    selectScreen: (id: unknown) => selected.push(id),
  };
  return { surface, listeners, selected };
}

test('actions from the shell reach the page only when valid', () => {
  const { surface, listeners } = fakePreload();
  const bridge = bridgeFromPreload(surface);
  assert.equal(bridge.kind, 'electron');
  const received: unknown[] = [];
  const unsubscribe = bridge.onAction((action) => received.push(action));
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    listeners.action.forEach((l) => l({ action: 'layout-2x2' }));
    listeners.action.forEach((l) => l({ action: 'ptz-up', fast: true, phase: 'start' }));
    listeners.action.forEach((l) => l({ action: 'format-disk' }));
    listeners.action.forEach((l) => l('ptz-up'));
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(received, [{ action: 'layout-2x2' }, { action: 'ptz-up', fast: true, phase: 'start' }]);
  unsubscribe();
  assert.equal(listeners.action.length, 0);
});

test('identify displays and screen selection go through; a web wall gets the browser bridge', async () => {
  const { surface, selected } = fakePreload();
  const bridge = bridgeFromPreload(surface);
  assert.equal(await bridge.identifyDisplays(), true);
  bridge.selectScreen('2');
  assert.deepEqual(selected, ['2']);
  assert.equal(bridgeFromPreload(undefined), BROWSER_BRIDGE);
  assert.equal(bridgeFromPreload({ screenTarget: {} }), BROWSER_BRIDGE, 'an older preload without functions');
  assert.equal(await BROWSER_BRIDGE.identifyDisplays(), false);
});
