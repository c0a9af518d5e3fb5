import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultServerOptions, type ServerOptions } from '../../server/config/server-options.js';
import { findFreePort } from '../../server/net/port-check.js';
import { startServer, type RunningServer } from '../../server/app.js';

/** Starts the real server with the simulator on free loopback ports and a fresh store of its own. */
export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const [port, rtmpPort, mediaHttpPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-store-'));
  return startServer({ ...defaultServerOptions(), port, rtmpPort, mediaHttpPort, dataDir, ...overrides });
}
