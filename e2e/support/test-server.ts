import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultServerOptions, type ServerOptions } from '../../server/config/server-options.js';
import { findFreePort } from '../../server/net/port-check.js';
import { startServer, type RunningServer } from '../../server/app.js';

/** The walls the end-to-end tests expect: the demo cameras on two 2x2 screens (the demo itself shows more). */
export const TEST_WALLS = fileURLToPath(new URL('../fixtures/walls.json', import.meta.url));
/** The demo's eight clip cameras, without the live-rendered PTZ camera that would load the CPU the tests share. */
export const TEST_CATALOGUE = fileURLToPath(new URL('../fixtures/catalogue.json', import.meta.url));

/** Starts the real server with the simulator on free loopback ports, the test walls and a fresh store of its own. */
export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const [port, rtmpPort, mediaHttpPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-store-'));
  return startServer({ ...defaultServerOptions(), port, rtmpPort, mediaHttpPort, dataDir, wallsPath: TEST_WALLS, cataloguePath: TEST_CATALOGUE, ...overrides });
}
