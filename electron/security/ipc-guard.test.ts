import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IpcMain } from 'electron';
import { SelectScreenRequestSchema } from '../../protocol/workstation-config-ipc.js';
import { checkSender } from './ipc-guard.js';
import { handleGuarded, onGuarded } from './ipc-handlers.js';

const ours = (id: number): boolean => id === 7;
const mainFrame = { url: 'app://pantau/index.html' };

/** A stand-in for ipcMain that records handlers so a test can play a renderer's messages. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipc = {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, handler),
    on: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => handlers.set(channel, handler),
  } as unknown as Pick<IpcMain, 'handle' | 'on'>;
  const send = (channel: string, event: unknown, payload: unknown): unknown => handlers.get(channel)?.(event, payload);
  return { ipc, send };
}

const eventFrom = (url: string | null, options: { id?: number; subFrame?: boolean } = {}) => {
  const frame = url === null ? null : { url };
  const main = options.subFrame ? { url: 'app://pantau/index.html' } : frame;
  return { senderFrame: frame, sender: { id: options.id ?? 7, mainFrame: main } };
};

test('only the main frame of our own window, showing our app, may talk to the main process', () => {
  assert.deepEqual(checkSender({ frameUrl: mainFrame.url, isMainFrame: true, webContentsId: 7 }, ours), { ok: true });
  assert.match(JSON.stringify(checkSender({ frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 7 }, ours)), /origin https:\/\/evil\.example is not app:\/\/pantau/);
  assert.match(JSON.stringify(checkSender({ frameUrl: mainFrame.url, isMainFrame: false, webContentsId: 7 }, ours)), /sub-frame/);
  assert.match(JSON.stringify(checkSender({ frameUrl: mainFrame.url, isMainFrame: true, webContentsId: 8 }, ours)), /did not create/);
  assert.match(JSON.stringify(checkSender({ frameUrl: null, isMainFrame: false, webContentsId: 7 }, ours)), /gone/);
});

test('a valid message from our window is handled; a bad payload or a foreign sender is refused and changes nothing', () => {
  const { ipc, send } = fakeIpcMain();
  const selected: string[] = [];
  const refusals: string[] = [];
  onGuarded(ipc, 'pantau:select-screen', SelectScreenRequestSchema, ours, (channel, error) => refusals.push(`${channel} ${error}`), (value) => selected.push(value.screenId));
  send('pantau:select-screen', eventFrom('app://pantau/index.html'), { screenId: '2' });
  send('pantau:select-screen', eventFrom('app://pantau/index.html'), { screenId: '../../etc' });
  send('pantau:select-screen', eventFrom('app://pantau/index.html'), { screenId: '2', extra: true });
  send('pantau:select-screen', eventFrom('https://evil.example/'), { screenId: '3' });
  send('pantau:select-screen', eventFrom('app://pantau/index.html', { subFrame: true }), { screenId: '3' });
  assert.deepEqual(selected, ['2']);
  assert.equal(refusals.length, 4);
  assert.match(refusals[0] ?? '', /bad payload: screenId: /);
  assert.match(refusals[2] ?? '', /refused: sender origin/);
});

test('an invoke handler answers refusals with a clear error', async () => {
  const { ipc, send } = fakeIpcMain();
  handleGuarded(ipc, 'pantau:select-screen', SelectScreenRequestSchema, ours, () => undefined, (value) => `selected ${value.screenId}`);
  assert.deepEqual(await send('pantau:select-screen', eventFrom('app://pantau/'), { screenId: '1' }), { ok: true, value: 'selected 1' });
  assert.deepEqual(await send('pantau:select-screen', eventFrom('app://pantau/', { id: 99 }), { screenId: '1' }), { ok: false, error: 'refused: sent from a window the shell did not create' });
});

test('a handler that answers later is awaited: the page gets the value, not a promise', async () => {
  const { ipc, send } = fakeIpcMain();
  handleGuarded(ipc, 'pantau:select-screen', SelectScreenRequestSchema, ours, () => undefined, (value) => Promise.resolve(`later ${value.screenId}`));
  assert.deepEqual(await send('pantau:select-screen', eventFrom('app://pantau/'), { screenId: '2' }), { ok: true, value: 'later 2' });
});
