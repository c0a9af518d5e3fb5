import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loginItemPlan } from './login-item.js';
import { PreventDisplaySleepService } from './prevent-display-sleep.js';
import { DEFAULT_KEYMAP } from '../../protocol/index.js';
import { CURSOR_HIDE_FLAG, CURSOR_IDLE_CLASS, KEYMAP_FLAG, SCREEN_TARGET_FLAG, screenWindowOptions } from './screen-window.js';

const placement = { screenId: '1', displayId: 5, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, matchedBy: 'next-free' as const };
const target = { serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', screenId: '1', language: 'id' as const, token: null };

test('a wall window opens on its display, frameless, sandboxed, never throttled, optionally on top', () => {
  const options = screenWindowOptions(placement, target, '/app/preload.cjs', { alwaysOnTop: true, hideCursorAfterSeconds: 7 });
  assert.equal(options.x, 1920);
  assert.equal(options.frame, false);
  assert.equal(options.show, false);
  assert.equal(options.alwaysOnTop, true);
  assert.equal(options.webPreferences?.sandbox, true);
  assert.equal(options.webPreferences?.contextIsolation, true);
  assert.equal(options.webPreferences?.nodeIntegration, false);
  assert.equal(options.webPreferences?.backgroundThrottling, false);
  assert.ok(options.webPreferences?.additionalArguments?.includes(`${CURSOR_HIDE_FLAG}7`));
});

test('the preload reads the same flags and class the main process writes', () => {
  const preload = readFileSync(new URL('../preload.cts', import.meta.url), 'utf8');
  assert.ok(preload.includes(`'${SCREEN_TARGET_FLAG}'`));
  assert.ok(preload.includes(`'${CURSOR_HIDE_FLAG}'`));
  assert.ok(preload.includes(`'${CURSOR_IDLE_CLASS}'`));
  assert.ok(preload.includes(`'${KEYMAP_FLAG}'`));
});

test("the workstation's keymap reaches the wall page whole, as JSON the page validates again", () => {
  const options = screenWindowOptions(placement, target, '/app/preload.cjs', undefined, DEFAULT_KEYMAP);
  const arg = options.webPreferences?.additionalArguments?.find((value) => value.startsWith(KEYMAP_FLAG));
  assert.deepEqual(JSON.parse(decodeURIComponent(arg?.slice(KEYMAP_FLAG.length) ?? 'null')), DEFAULT_KEYMAP);
});

test('display sleep prevention starts once and stops once', () => {
  const started: number[] = [];
  const blocker = {
    start: () => (started.push(started.length + 1), started.length),
    stop: (id: number) => started.splice(started.indexOf(id), 1).length === 1,
    isStarted: (id: number) => started.includes(id),
  };
  const service = new PreventDisplaySleepService(blocker);
  service.setEnabled(true);
  service.setEnabled(true);
  assert.equal(started.length, 1);
  assert.ok(service.enabled);
  service.setEnabled(false);
  service.setEnabled(false);
  assert.equal(started.length, 0);
});

test('start at login: a login item on Windows, an XDG autostart file on Linux (the AppImage path when run as one)', () => {
  assert.deepEqual(loginItemPlan('win32', true, 'C:\\Program Files\\Pantau\\Pantau.exe', 'C:\\Users\\op', {}), { kind: 'electron-login-item', openAtLogin: true });
  const linux = loginItemPlan('linux', true, '/opt/Pantau/pantau', '/home/op', { APPIMAGE: '/home/op/Pantau.AppImage' });
  assert.equal(linux.kind === 'xdg-autostart' && linux.file, '/home/op/.config/autostart/pantau.desktop');
  assert.match(linux.kind === 'xdg-autostart' ? linux.contents ?? '' : '', /Exec="\/home\/op\/Pantau\.AppImage"/);
  assert.deepEqual(loginItemPlan('linux', false, '/opt/Pantau/pantau', '/home/op', { XDG_CONFIG_HOME: '/cfg' }), { kind: 'xdg-autostart', file: '/cfg/autostart/pantau.desktop', contents: null });
});

test('the preload uses the channel names of the shell bridge contract', async () => {
  const { SHELL_CHANNELS } = await import('../../protocol/workstation-config-ipc.js');
  const preload = readFileSync(new URL('../preload.cts', import.meta.url), 'utf8');
  for (const [name, channel] of Object.entries(SHELL_CHANNELS)) assert.ok(preload.includes(`${name}: '${channel}'`), name);
});
