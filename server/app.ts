import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadCatalogue } from './catalogue/camera-catalogue.js';
import type { ServerOptions } from './config/server-options.js';
import { describeMapSettings, mapConnectOrigins, originsOf, type WallConfig } from '../protocol/index.js';
import { createConnectOriginsApi } from './http/connect-origins-api.js';
import { webWallHandler } from './http/web-wall.js';
import { attachWallHub } from './hub/wall-hub.js';
import { createLogger } from './log.js';
import { startMediaServer } from './media/media-server.js';
import { assertPortFree } from './net/port-check.js';
import { startCameraSimulator, type CameraSimulator } from './simulator/camera-simulator.js';
import { loadWallsFile } from './walls/wall-config.js';
import { loadUsers, openDirectory, usersDirectory, type UserDirectory } from './auth/user-directory.js';
import type { UserConfig } from '../protocol/index.js';
import { WallStore } from './state/wall-store.js';
import { WallService } from './state/wall-service.js';
import { createIncidentApi } from './http/incident-api.js';
import { attachIncidentChannel } from './incidents/incident-channel.js';
import { IncidentService } from './incidents/incident-service.js';
import { IncidentSimulator } from './incidents/incident-simulator.js';
import { SqliteIncidentStore } from './incidents/sqlite-incident-store.js';
import { attachPtzChannel } from './ptz/ptz-channel.js';
import { createPtzDrivers } from './ptz/ptz-drivers.js';
import { PtzService } from './ptz/ptz-service.js';
import { pushAlarmToWalls } from './alarms/alarm-to-wall.js';
import { CameraOutageTracker } from './alarms/camera-outages.js';
import { DeviceTokens } from './enrolment/device-tokens.js';
import { createEnrolmentApi } from './enrolment/enrolment-api.js';
import { EnrolmentCodes } from './enrolment/enrolment-codes.js';
import { SqliteDeviceTokenRepository } from './enrolment/sqlite-device-tokens.js';
import { attachHealthChannel } from './health/health-channel.js';
import { HealthStore } from './health/health-store.js';

const log = createLogger('server');

export interface RunningServer {
  /** Base URL of the web wall, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** Port of the embedded media server's HTTP-FLV / WS-FLV play. */
  readonly mediaHttpPort: number;
  readonly walls: readonly WallConfig[];
  /** The authority over wall state (for in-process tools and tests). */
  readonly wallService: WallService;
  /** Incidents and alerts (for in-process tools and tests). */
  readonly incidents: IncidentService;
  /** The browser URL of every screen of every wall. */
  screenUrls(): string[];
  close(): Promise<void>;
}

/** Starts the central server: hub, web wall, embedded media server and camera simulator. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const catalogue = await loadCatalogue(options.cataloguePath);
  const { walls, map: mapSettings } = await loadWallsFile(options.wallsPath, catalogue);
  const users = options.usersPath === null ? null : await loadUsers(options.usersPath);
  if (users === null && !LOOPBACK.has(options.host)) {
    throw new Error(`serving ${options.host} needs a users file (--users FILE): without one every client would be a supervisor`);
  }
  const ptz = createPtzDrivers(catalogue.cameras);
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
    if (options.simulate) simulator = await startCameraSimulator(catalogue.clipCameras(), catalogue.clockCameras(), media.rtmpPort, join(options.cacheDir, 'clips'), ptz.simulated);
  } catch (error) {
    await media.stop();
    throw error;
  }

  await mkdir(options.dataDir, { recursive: true });
  const store = new WallStore(join(options.dataDir, 'pantau.sqlite'));
  const deviceTokens = new DeviceTokens(new SqliteDeviceTokenRepository(store.database));
  const directory = directoryFor(users, deviceTokens);
  // The incident lookup is called only when an intent arrives, after `incidents` exists.
  const wallService = new WallService(store, walls, catalogue, undefined, {
    incident: (id) => {
      const incident = incidents.incident(id);
      return incident && { cameraIds: incident.relatedCameraIds };
    },
  });
  const incidents = new IncidentService({
    cameras: () => catalogue.cameras,
    onAlarm: (alarm) => pushAlarmToWalls(wallService, alarm.cameraIds, alarm.incident.title),
    store: new SqliteIncidentStore(store.database),
  });
  // A pushed incident's screen goes back to its layout when the incident closes.
  const stopPushReverts = incidents.onChange((change) => {
    if (change.kind === 'incident' && change.incident.status === 'closed') wallService.incidentClosed(change.incident.id);
  });
  // Pushes pending before a restart are taken up only now: whether their incident is still open decides.
  wallService.resumePushReverts((id) => incidents.isOpen(id));
  const ptzService = new PtzService({ drivers: ptz.drivers });

  const cameraOrigins = originsOf(catalogue.cameras.flatMap((camera) => Object.values(camera.streams)));
  // One list for both kinds of wall: the web wall's CSP, and the Electron shell's through the API.
  const mapOrigins = mapConnectOrigins(mapSettings);
  const webWall = webWallHandler({ rendererDir: options.rendererDir, mediaHttpPort: media.httpPort, cameraOrigins, mapOrigins });
  const incidentApi = createIncidentApi(incidents, { ingestTokens: options.ingestTokens });
  const enrolmentApi = createEnrolmentApi({ codes: new EnrolmentCodes(), tokens: deviceTokens, authenticate: (token) => directory.principalForToken(token) });
  // The map section is deployment-wide today, so every wall needs the same origins.
  const connectOriginsApi = createConnectOriginsApi({ hasWall: (wallId) => wallService.wall(wallId) !== undefined, authenticate: (token) => directory.principalForToken(token), originsFor: () => mapOrigins });
  const httpServer = createServer((request, response) => {
    if (!incidentApi(request, response) && !enrolmentApi(request, response) && !connectOriginsApi(request, response)) webWall(request, response);
  });
  const hub = attachWallHub(httpServer, { service: wallService, directory, catalogue, mediaHttpPort: media.httpPort, extraOrigins: options.extraOrigins, ...(mapSettings ? { mapSettings } : {}) });
  const incidentChannel = attachIncidentChannel(hub, incidents, { audit: (entry) => store.audit(entry) });
  const detachPtz = attachPtzChannel(hub, ptzService);
  const healthStore = new HealthStore();
  const health = attachHealthChannel(hub, healthStore);
  const outages = new CameraOutageTracker();
  // Camera-offline alerts come from what the screens see, so the ticker never contradicts a live tile.
  healthStore.onChange(() => {
    const { offline, restored } = outages.observe(healthStore.list().entries.map((entry) => entry.report));
    for (const cameraId of offline) incidents.raiseAlert({ priority: 'high', kind: 'camera-offline', text: `Kamera ${catalogue.get(cameraId)?.name ?? cameraId} terputus`, cameraId });
    for (const cameraId of restored) incidents.raiseAlert({ priority: 'low', kind: 'camera-restored', text: `Kamera ${catalogue.get(cameraId)?.name ?? cameraId} kembali tersambung`, cameraId });
  });
  // No cameras for the simulator: it would invent outages of cameras the wall shows live.
  const incidentSimulator = options.simulate ? new IncidentSimulator(incidents) : undefined;
  incidentSimulator?.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const hostForUrl = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${hostForUrl}:${options.port}`;
  log.info(`web wall and socket.io on ${url} (${catalogue.cameras.length} cameras, ${walls.length} walls)`);
  log.info(describeMapSettings(mapSettings));

  return {
    url,
    mediaHttpPort: media.httpPort,
    walls,
    wallService,
    incidents,
    screenUrls: () => walls.flatMap((wall) => wall.screens.map((screen) => `${url}/?wall=${encodeURIComponent(wall.id)}&screen=${encodeURIComponent(screen.id)}`)),
    close: async () => {
      incidentSimulator?.stop();
      stopPushReverts();
      wallService.close();
      incidentChannel.close();
      detachPtz();
      health.close();
      await ptzService.close();
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

/** The users file's directory (with enrolled workstations' device tokens), or the open demo directory (loopback only, checked at start). */
function directoryFor(users: UserConfig[] | null, deviceTokens: DeviceTokens): UserDirectory {
  if (users !== null) return usersDirectory(users, [(token) => deviceTokens.resolveDeviceToken(token)]);
  log.warn('no users file: running open, every client is a supervisor (loopback only)');
  return openDirectory();
}
