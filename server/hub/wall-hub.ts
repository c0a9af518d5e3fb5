import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { EVENTS, type HelloReply, type WallConfig } from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import { createLogger } from '../log.js';
import { resolveHello } from './resolve-hello.js';
import { hostnameFromHostHeader } from './stream-urls.js';

const log = createLogger('hub');

export interface WallHubOptions {
  walls: readonly WallConfig[];
  catalogue: CameraCatalogue;
  mediaHttpPort: number;
  /** Origins other than the server's own allowed to connect (the Electron app's app:// origin). */
  extraOrigins: readonly string[];
}

/** The socket.io hub: answers each screen's hello with its snapshot. */
export function attachWallHub(httpServer: HttpServer, options: WallHubOptions): SocketServer {
  const io = new SocketServer(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (request, callback) => {
      // Browsers send Origin on websocket upgrades: accept our own pages and the configured app origins.
      const origin = request.headers.origin;
      const ownOrigin = `http://${request.headers.host ?? ''}`;
      const allowed = origin === undefined || origin === ownOrigin || options.extraOrigins.includes(origin);
      if (!allowed) log.warn(`refused a connection from origin ${origin}`);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  io.on('connection', (socket) => {
    const clientHostname = hostnameFromHostHeader(socket.handshake.headers.host);
    socket.on(EVENTS.hello, (payload: unknown, acknowledge: unknown) => {
      const reply: HelloReply = resolveHello(payload, {
        walls: options.walls,
        catalogue: options.catalogue,
        clientHostname,
        mediaHttpPort: options.mediaHttpPort,
        sequence: 0,
        now: new Date(),
      });
      if (reply.ok) {
        void socket.join(`screen:${reply.snapshot.wall.id}:${reply.snapshot.screen.id}`);
        log.info(`screen ${reply.snapshot.wall.id}/${reply.snapshot.screen.id} connected (${socket.id})`);
      } else {
        log.warn(`${socket.id}: ${reply.error.message}`);
      }
      if (typeof acknowledge === 'function') acknowledge(reply);
    });
  });
  return io;
}
