import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Browser, Page } from 'playwright-core';
import { SETUP_CHANNELS } from '../protocol/workstation-config-setup.js';
import { SHELL_CHANNELS, type WorkstationConfigLayer } from '../protocol/index.js';
import type { RunningServer } from '../server/app.js';
import { findFreePort } from '../server/net/port-check.js';
import { resolveConfig } from '../electron/config/workstation-config.js';
import { SetupSession } from '../electron/setup/setup-session.js';
import { registerSetupHandlers } from '../electron/setup/setup-window.js';
import { socketHello } from '../electron/setup/wall-screens.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer } from './support/test-server.js';

// The first-run setup page as Vite built it, in Chromium, with a stand-in for the preload: its
// `window.pantau` calls go to the main process's real setup handlers (zod guard, SetupSession,
// /healthz check, workstation hello, save) running in this test process against the real server.
// Only Electron itself is missing: the sender facts are those of the setup window.

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ simulate: false });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

type Handler = (event: IpcMainInvokeEvent, payload?: unknown) => unknown;

/** The main process's side of the setup: real handlers, a settings layer in memory, a recording vault. */
function shellStandIn() {
  let local: WorkstationConfigLayer = {};
  const saved: WorkstationConfigLayer[] = [];
  const identified: number[] = [];
  let wallsOpened = 0;
  const resolve = (layer: WorkstationConfigLayer) => resolveConfig({ argv: [], env: {}, platform: 'linux', read: () => null, local: layer });
  const setup = new SetupSession({
    machineName: 'wall-pc-e2e',
    displays: () => [
      { id: 11, label: 'LEFT', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 12, label: 'RIGHT', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ],
    resolved: () => resolve(local),
    localLayer: () => local,
    resolveWith: resolve,
    vault: { status: () => ({ usable: true }), store: () => undefined },
    fetchHealth: (url, init) => fetch(url, init),
    fetchEnrol: (url, init) => fetch(url, init),
    hello: socketHello,
    saveLayer: (layer) => {
      local = layer;
      saved.push(layer);
    },
    onSaved: () => void (wallsOpened += 1),
  });
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as unknown as Pick<IpcMain, 'handle'>;
  registerSetupHandlers(ipcMain, () => setup, (id) => id === 1, (channel, error) => console.log(`[refused] ${channel}: ${error}`));
  handlers.set(SHELL_CHANNELS.identifyDisplays, () => (identified.push(Date.now()), { ok: true, value: 2 }));
  const frame = { url: 'app://pantau/setup/index.html' };
  const event = { senderFrame: frame, sender: { id: 1, mainFrame: frame } } as unknown as IpcMainInvokeEvent;
  const invoke = async (channel: string, payload?: unknown): Promise<unknown> => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload);
  };
  return { invoke, saved, identified, wallsOpened: () => wallsOpened };
}

async function openSetup(shell: ReturnType<typeof shellStandIn>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.exposeFunction('__pantauInvoke', shell.invoke);
  // The surface electron/preload.cts exposes, frozen, channel names fixed. A string, not a
  // function: tsx's transform would add helpers the page does not have.
  const channels = JSON.stringify({ identify: SHELL_CHANNELS.identifyDisplays, setup: SETUP_CHANNELS });
  await page.addInitScript(`(() => {
    const channels = ${channels};
    const invoke = (channel, payload) => window.__pantauInvoke(channel, payload);
    Object.defineProperty(window, 'pantau', {
      value: Object.freeze({
        screenTarget: null,
        onAction: () => () => undefined,
        onShellStatus: () => () => undefined,
        identifyDisplays: () => invoke(channels.identify),
        selectScreen: () => undefined,
        setup: Object.freeze({
          describe: () => invoke(channels.setup.describe),
          checkServer: (serverUrl) => invoke(channels.setup.checkServer, { serverUrl }),
          listScreens: (serverUrl, wallId) => invoke(channels.setup.listScreens, { serverUrl, wallId }),
          enrol: (serverUrl, code) => invoke(channels.setup.enrol, { serverUrl, code }),
          save: (settings) => invoke(channels.setup.save, settings),
        }),
      }),
    });
  })();`);
  await page.goto(`${server.url}/setup/index.html`);
  await page.getByTestId('setup').waitFor();
  return page;
}

test('first run: a wrong address is said in words, the right one lists the wall screens, save sends the chosen settings', async () => {
  const shell = shellStandIn();
  const page = await openSetup(shell);
  assert.equal(await page.locator('h1').innerText(), 'Penyiapan Pantau', 'Indonesian by default');
  assert.deepEqual(await page.getByTestId('displays').locator('li').allInnerTexts(), ['Monitor 1: LEFT · 1920×1080', 'Monitor 2: RIGHT · 1920×1080']);

  // Nothing listens on this port.
  const deadUrl = `http://127.0.0.1:${await findFreePort()}`;
  await page.getByTestId('server-url').fill(deadUrl);
  await page.getByTestId('test-connection').click();
  const status = page.locator('[data-testid="server-status"]:not([data-tone="busy"])');
  assert.match(await status.innerText(), new RegExp(`Server di ${deadUrl.replace(/[.]/g, '\\.')} tidak dapat dihubungi \\(ECONNREFUSED\\)\\. Periksa alamat, port, dan jaringan\\.`));
  assert.equal(await status.getAttribute('data-tone'), 'bad');

  await page.getByTestId('server-url').fill(server.url);
  await page.getByTestId('test-connection').click();
  await page.locator('[data-testid="server-status"][data-tone="ok"]').waitFor();
  assert.equal(await page.getByTestId('server-status').innerText(), `Terhubung ke server Pantau di ${server.url} (protokol 2).`);

  await page.getByTestId('wall-id').fill('nowhere');
  await page.getByTestId('list-screens').click();
  await page.locator('[data-testid="wall-status"][data-tone="bad"]').waitFor();
  assert.match(await page.getByTestId('wall-status').innerText(), /Server tidak mengenal dinding "nowhere" \(no wall "nowhere" on this server\)/);

  await page.getByTestId('wall-id').fill('demo');
  await page.getByTestId('list-screens').click();
  await page.locator('[data-testid="wall-status"][data-tone="ok"]').waitFor();
  assert.equal(await page.getByTestId('wall-status').innerText(), 'Command Center Surakarta (test): 2 layar.');
  assert.deepEqual(await page.getByTestId('screen-choice').locator('th').allInnerTexts(), ['Layar 1 (1)', 'Layar 2 (2)']);

  await page.getByTestId('identify-displays').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="identify-status"]') === null);

  // Two screens on one display are refused in words before anything is sent.
  await page.locator('#screen-1').selectOption('1');
  await page.locator('#screen-2').selectOption('1');
  await page.getByTestId('save').click();
  assert.match(await page.getByTestId('form-errors').innerText(), /Monitor 1 dipilih untuk layar 1 dan 2: satu monitor untuk satu layar\./);
  assert.equal(shell.saved.length, 0);

  // Crossed over: screen 1 on the right-hand display, screen 2 on the left.
  await page.locator('#screen-1').selectOption('2');
  await page.getByTestId('wall-language').selectOption('en');
  await page.getByTestId('save').click();
  await page.locator('[data-testid="save-status"][data-tone="ok"]').waitFor();
  assert.equal(await page.getByTestId('save-status').innerText(), 'Tersimpan. Jendela dinding dibuka.');
  assert.deepEqual(shell.saved, [{ serverUrl: server.url, wallId: 'demo', language: 'en', screens: [{ screenId: '1', display: { position: 2 } }, { screenId: '2', display: { position: 1 } }] }]);
  assert.equal(shell.identified.length, 1, 'identify displays reached the shell');
  assert.equal(shell.wallsOpened(), 1, 'the shell was told to open the wall');
  await page.close();
});
