import { defaultServerOptions, type ServerOptions } from '../../server/config/server-options.js';
import { findFreePort } from '../../server/net/port-check.js';
import { startServer, type RunningServer } from '../../server/app.js';

/** Starts the real server with the simulator on free loopback ports. */
export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const [port, rtmpPort, mediaHttpPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
  return startServer({ ...defaultServerOptions(), port, rtmpPort, mediaHttpPort, ...overrides });
}
