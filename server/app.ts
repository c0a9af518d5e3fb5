import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadCatalogue } from './catalogue/camera-catalogue.js';
import type { ServerOptions } from './config/server-options.js';
import { originsOf, type WallConfig } from '../protocol/index.js';
import { webWallHandler } from './http/web-wall.js';
import { attachWallHub } from './hub/wall-hub.js';
import { createLogger } from './log.js';
import { startMediaServer } from './media/media-server.js';
import { assertPortFree } from './net/port-check.js';
import { startCameraSimulator, type CameraSimulator } from './simulator/camera-simulator.js';
import { loadWalls } from './walls/wall-config.js';
import { loadUsers, openDirectory, usersDirectory, type UserDirectory } from './auth/user-directory.js';
import { WallStore } from './state/wall-store.js';
import { WallService } from './state/wall-service.js';

const log = createLogger('server');

export interface RunningServer {
  /** Base URL of the web wall, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** Port of the embedded media server's HTTP-FLV / WS-FLV play. */
  readonly mediaHttpPort: number;
  readonly walls: readonly WallConfig[];
  /** The authority over wall state (for in-process tools and tests). */
  readonly wallService: WallService;
  /** The browser URL of every screen of every wall. */
  screenUrls(): string[];
  close(): Promise<void>;
}

/** Starts the central server: hub, web wall, embedded media server and camera simulator. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const catalogue = await loadCatalogue(options.cataloguePath);
  const walls = await loadWalls(options.wallsPath, catalogue);
  const directory = await userDirectoryFor(options);
  await assertPortFree(options.host, options.port, 'web wall');
  await assertPortFree(options.host, options.rtmpPort, 'RTMP');
  await assertPortFree(options.host, options.mediaHttpPort, 'media HTTP');

  const media = await startMediaServer({
    host: options.host,
    rtmpPort: options.rtmpPort,
    httpPort: options.mediaHttpPort,
    // A folder per instance: node-media-server locks its store against other processes, and we keep nothing in it.
    dataDir: await mkdtemp(join(tmpdir(), 'pantau-media-')),
  });
  let simulator: CameraSimulator | undefined;
  try {
    if (options.simulate) simulator = await startCameraSimulator(catalogue.clipCameras(), catalogue.clockCameras(), media.rtmpPort, join(options.cacheDir, 'clips'));
  } catch (error) {
    await media.stop();
    throw error;
  }

  await mkdir(options.dataDir, { recursive: true });
  const store = new WallStore(join(options.dataDir, 'pantau.sqlite'));
  const wallService = new WallService(store, walls, catalogue);

  const cameraOrigins = originsOf(catalogue.cameras.flatMap((camera) => Object.values(camera.streams)));
  const httpServer = createServer(webWallHandler({ rendererDir: options.rendererDir, mediaHttpPort: media.httpPort, cameraOrigins }));
  const hub = attachWallHub(httpServer, { service: wallService, directory, catalogue, mediaHttpPort: media.httpPort, extraOrigins: options.extraOrigins });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const hostForUrl = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${hostForUrl}:${options.port}`;
  log.info(`web wall and socket.io on ${url} (${catalogue.cameras.length} cameras, ${walls.length} walls)`);

  return {
    url,
    mediaHttpPort: media.httpPort,
    walls,
    wallService,
    screenUrls: () => walls.flatMap((wall) => wall.screens.map((screen) => `${url}/?wall=${encodeURIComponent(wall.id)}&screen=${encodeURIComponent(screen.id)}`)),
    close: async () => {
      await hub.close();
      httpServer.closeAllConnections();
      await simulator?.stop();
      await media.stop();
      await rm(media.dataDir, { recursive: true, force: true });
      store.close();
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The users file's directory, or the open demo directory, which only a loopback server may use. */
async function userDirectoryFor(options: ServerOptions): Promise<UserDirectory> {
  if (options.usersPath !== null) return usersDirectory(await loadUsers(options.usersPath));
  if (!LOOPBACK.has(options.host)) {
    throw new Error(`serving ${options.host} needs a users file (--users FILE): without one every client would be a supervisor`);
  }
  log.warn('no users file: running open, every client is a supervisor (loopback only)');
  return openDirectory();
}
