import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { _electron } from 'playwright-core';
import { startTestServer } from './support/test-server.js';

const require = createRequire(import.meta.url);

/** The Electron executable when one exists here (ELECTRON_OVERRIDE_DIST_PATH or a normal install). */
function electronExecutable(): string | null {
  try {
    const path = require('electron') as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executable = electronExecutable();

test('the Electron wall opens a window per screen and plays its tiles', { skip: executable ? false : 'skipped: no Electron binary' }, async () => {
  const server = await startTestServer();
  const app = await _electron.launch({ executablePath: executable!, args: ['dist/electron/main.js', `--server=${server.url}`] });
  try {
    const window = await app.firstWindow();
    await window.waitForFunction(() => document.querySelectorAll('[data-testid="tile"][data-state="live"]').length === 4, undefined, { timeout: 60_000 });
    const isolated = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require === 'undefined');
    assert.ok(isolated, 'the page has no Node integration');
  } finally {
    await app.close();
    await server.close();
  }
});
