import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_KEYMAP, type KeymapFile } from '../../protocol/index.js';
import { chordToAccelerator, planGlobalShortcuts } from './accelerator.js';
import { HoldKeyTracker, type KeyInput } from './control-keys.js';
import { registerGlobalShortcuts } from './global-shortcuts.js';
import { ScreenSelection } from './screen-selection.js';

test('key chords become Electron accelerators', () => {
  const cases: [string, string][] = [
    ['Ctrl+Digit1', 'Control+1'],
    ['Ctrl+Alt+Shift+Meta+KeyK', 'Control+Alt+Shift+Super+K'],
    ['Alt+Numpad5', 'Alt+num5'],
    ['Ctrl+NumpadAdd', 'Control+numadd'],
    ['Ctrl+ArrowUp', 'Control+Up'],
    ['F6', 'F6'],
    ['Shift+Slash', 'Shift+/'],
    ['Ctrl+BracketLeft', 'Control+['],
  ];
  for (const [chord, accelerator] of cases) assert.deepEqual(chordToAccelerator(chord), { ok: true, accelerator }, chord);
  assert.match(JSON.stringify(chordToAccelerator('NumpadEnter')), /cannot tell the keypad Enter/);
  assert.match(JSON.stringify(chordToAccelerator('Ctrl+IntlRo')), /no accelerator for key IntlRo/);
});

test('the default keymap: layouts, presets and screen selection go global; bare keys and PTZ moves stay with the focused window', () => {
  const plan = planGlobalShortcuts(DEFAULT_KEYMAP, ['Ctrl+Alt+Digit1', 'Ctrl+Alt+Digit2']);
  const global = new Map(plan.register.map((b) => [b.chord, b]));
  assert.deepEqual(global.get('Ctrl+Digit4')?.target, { action: 'layout-4x4' });
  assert.equal(global.get('Ctrl+Digit4')?.accelerator, 'Control+4');
  assert.deepEqual(global.get('Alt+Digit3')?.target, { action: 'preset-3' });
  assert.deepEqual(global.get('Ctrl+Alt+Digit2')?.target, { selectScreen: 1 });
  assert.deepEqual(global.get('F6')?.target, { action: 'select-screen-next' });
  const why = (chord: string, what: string) => plan.notGlobal.find((n) => n.chord === chord && n.what === what)?.reason ?? '';
  assert.match(why('KeyA', 'alerts-acknowledge'), /take the key from every other application/);
  assert.match(why('ArrowUp', 'ptz-up'), /key-up/);
  assert.match(why('Numpad8', 'ptz-up'), /ptz layer/);
  assert.ok(!global.has('Digit1'));
});

test('a chord bound twice across selection and keymap is registered once, the second named', () => {
  const keymap: KeymapFile = { version: 1, layers: { wall: { 'layout-1': ['Ctrl+Alt+Digit1'] }, ptz: {}, briefing: {} } };
  const plan = planGlobalShortcuts(keymap, ['Ctrl+Alt+Digit1']);
  assert.equal(plan.register.length, 1);
  assert.match(plan.notGlobal[0]?.reason ?? '', /already a global shortcut/);
});

test('a shortcut another application holds is reported, the others work', () => {
  const plan = planGlobalShortcuts(DEFAULT_KEYMAP, ['Ctrl+Alt+Digit1']);
  const callbacks = new Map<string, () => void>();
  const fake = { register: (accelerator: string, callback: () => void) => (accelerator === 'Control+1' ? false : (callbacks.set(accelerator, callback), true)), unregisterAll: () => callbacks.clear() };
  const fired: unknown[] = [];
  const outcome = registerGlobalShortcuts(fake, plan, (binding) => fired.push(binding.target));
  assert.deepEqual(outcome.conflicts.map((b) => b.chord), ['Ctrl+Digit1']);
  callbacks.get('Control+Alt+1')?.();
  assert.deepEqual(fired, [{ selectScreen: 0 }]);
});

test('a key selects a screen; every other action goes to the selected screen', () => {
  const selection = new ScreenSelection(['1', '2', 'map']);
  assert.deepEqual(selection.route('layout-2x2'), { kind: 'send', screenId: '1', message: { action: 'layout-2x2' } });
  assert.deepEqual(selection.selectIndex(2), { kind: 'select', screenId: 'map' });
  assert.deepEqual(selection.route('page-next'), { kind: 'send', screenId: 'map', message: { action: 'page-next' } });
  assert.deepEqual(selection.route('select-screen-next'), { kind: 'select', screenId: '1' }, 'wraps around');
  assert.deepEqual(selection.selectIndex(5), { kind: 'none', reason: 'this workstation has no screen 6' });
  assert.equal(selection.select('nope'), false);
  selection.select('2');
  selection.setScreens(['1', 'map']);
  assert.equal(selection.selected, '1', 'a screen that lost its display gives the selection back');
  assert.deepEqual(selection.route('identify-displays'), { kind: 'identify-displays' });
});

const key = (type: 'keyDown' | 'keyUp', code: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type, code, control: false, alt: false, shift: false, meta: false, isAutoRepeat: false, ...mods });

test('holding a PTZ key moves until it is released; Shift moves fast; auto-repeat sends nothing more', () => {
  const keys = new HoldKeyTracker(DEFAULT_KEYMAP);
  assert.deepEqual(keys.handle(key('keyDown', 'ArrowUp')), [{ action: 'ptz-up', fast: false, phase: 'start' }]);
  assert.deepEqual(keys.handle(key('keyDown', 'ArrowUp', { isAutoRepeat: true })), []);
  assert.deepEqual(keys.handle(key('keyUp', 'ArrowUp')), [{ action: 'ptz-up', phase: 'stop' }]);
  assert.deepEqual(keys.handle(key('keyDown', 'ArrowLeft', { shift: true })), [{ action: 'ptz-left', fast: true, phase: 'start' }]);
  assert.deepEqual(keys.handle(key('keyUp', 'ArrowLeft')), [{ action: 'ptz-left', phase: 'stop' }], 'stops even when Shift was released first');
});

test('in PTZ mode the keypad steers; leaving the window stops every move', () => {
  const keys = new HoldKeyTracker(DEFAULT_KEYMAP);
  assert.deepEqual(keys.handle(key('keyDown', 'Numpad8')), [{ action: 'entry-digit-8' }]);
  assert.deepEqual(keys.handle(key('keyDown', 'KeyZ')), [{ action: 'ptz-mode-toggle' }]);
  assert.ok(keys.inPtzMode);
  assert.deepEqual(keys.handle(key('keyDown', 'Numpad9')), [{ action: 'ptz-up-right', fast: false, phase: 'start' }]);
  assert.deepEqual(keys.handle(key('keyDown', 'NumpadAdd')), [{ action: 'ptz-zoom-in', fast: false, phase: 'start' }]);
  assert.deepEqual(keys.releaseAll(), [{ action: 'ptz-up-right', phase: 'stop' }, { action: 'ptz-zoom-in', phase: 'stop' }]);
  assert.deepEqual(keys.handle(key('keyUp', 'Numpad9')), [], 'no second stop');
  assert.deepEqual(keys.handle(key('keyDown', 'Escape')), [{ action: 'ptz-mode-toggle' }]);
  assert.ok(!keys.inPtzMode);
});

test('switching PTZ mode from outside stops moves in progress', () => {
  const keys = new HoldKeyTracker(DEFAULT_KEYMAP);
  assert.deepEqual(keys.setPtzMode(true), []);
  keys.handle(key('keyDown', 'Numpad4'));
  assert.deepEqual(keys.setPtzMode(false), [{ action: 'ptz-left', phase: 'stop' }]);
});
