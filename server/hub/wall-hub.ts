import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer, type Socket } from 'socket.io';
import { EVENTS, SyncRequestSchema, formatIssues, describeIssues, type IntentReply, type MapSettings, type ProtocolError, type SyncReply } from '../../protocol/index.js';
import type { CameraCatalogue } from '../catalogue/camera-catalogue.js';
import { identityOf, setIdentity } from '../auth/principal.js';
import type { UserDirectory } from '../auth/user-directory.js';
import { createLogger } from '../log.js';
import type { WallService } from '../state/wall-service.js';
import { RateLimiter } from '../net/rate-limiter.js';
import { buildSnapshot, resolveHello } from './resolve-hello.js';
import { hostnameFromHostHeader } from './stream-urls.js';

const log = createLogger('hub');

/** Intents larger than this are refused with a clear error; socket.io itself would just drop the link. */
export const MAX_INTENT_BYTES = 16 * 1024;
/** Preset imports carry whole layouts and may be bigger. */
export const MAX_IMPORT_BYTES = 512 * 1024;
/** Per client: this many intents at once, refilled at RATE_PER_SECOND. */
export const RATE_BURST = 40;
export const RATE_PER_SECOND = 20;

export interface WallHubOptions {
  service: WallService;
  directory: UserDirectory;
  catalogue: CameraCatalogue;
  mediaHttpPort: number;
  /** Origins other than the server's own allowed to connect (the Electron app's app:// origin). */
  extraOrigins: readonly string[];
  /** The walls file's map section, sent to every screen with its snapshot. */
  mapSettings?: MapSettings;
}

function answer(acknowledge: unknown, reply: unknown): void {
  if (typeof acknowledge === 'function') acknowledge(reply);
}

function error(code: ProtocolError['code'], message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message, issues: [] } };
}

function byteLength(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The socket.io hub: hellos, intents, catch-up and queries; broadcasts every change to its wall's clients. */
export function attachWallHub(httpServer: HttpServer, options: WallHubOptions): SocketServer {
  const { service } = options;
  const io = new SocketServer(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    // Above the intent limits, so an oversized intent reaches us and gets a clear refusal.
    maxHttpBufferSize: 1024 * 1024,
    allowRequest: (request, callback) => {
      // Browsers send Origin on websocket upgrades: accept our own pages and the configured app origins.
      const origin = request.headers.origin;
      const ownOrigin = `http://${request.headers.host ?? ''}`;
      const allowed = origin === undefined || origin === ownOrigin || options.extraOrigins.includes(origin);
      if (!allowed) log.warn(`refused a connection from origin ${origin}`);
      callback(allowed ? null : 'origin not allowed', allowed);
    },
  });

  const limiter = new RateLimiter({ burst: RATE_BURST, perSecond: RATE_PER_SECOND });
  service.onChange((wallId, change) => {
    io.to(`wall:${wallId}`).emit(EVENTS.change, change);
  });

  io.on('connection', (socket: Socket) => {
    const clientHostname = hostnameFromHostHeader(socket.handshake.headers.host);
    socket.on('disconnect', () => limiter.forget(socket.id));
    const snapshotContext = () => ({ catalogue: options.catalogue, epoch: service.epoch, clientHostname, mediaHttpPort: options.mediaHttpPort, now: new Date(), mapSettings: options.mapSettings });

    socket.on(EVENTS.hello, (payload: unknown, acknowledge: unknown) => {
      const outcome = resolveHello(payload, {
        ...snapshotContext(),
        wall: (wallId) => service.wall(wallId),
        directory: options.directory,
        catchUp: (wallId, epoch, sequence) => service.catchUp(wallId, epoch, sequence),
      });
      if (outcome.identity) {
        const previous = identityOf(socket);
        if (previous && previous.wallId !== outcome.identity.wallId) void socket.leave(`wall:${previous.wallId}`);
        setIdentity(socket, outcome.identity);
        void socket.join(`wall:${outcome.identity.wallId}`);
        log.info(`${outcome.identity.principal.name} (${outcome.identity.principal.role}) on ${outcome.identity.wallId}/${outcome.identity.screenId} (${socket.id})`);
      } else if (!outcome.reply.ok) {
        log.warn(`${socket.id}: ${outcome.reply.error.message}`);
      }
      answer(acknowledge, outcome.reply);
    });

    socket.on(EVENTS.intent, (payload: unknown, acknowledge: unknown) => {
      const identity = identityOf(socket);
      if (!identity) return answer(acknowledge, error('unauthorized', 'say hello first'));
      if (!limiter.allow(socket.id, Date.now())) return answer(acknowledge, error('rate-limited', `more than ${RATE_PER_SECOND} actions a second; nothing was done`));
      const type = typeof payload === 'object' && payload !== null && 'type' in payload ? payload.type : undefined;
      const limit = type === 'import-presets' ? MAX_IMPORT_BYTES : MAX_INTENT_BYTES;
      const size = byteLength(payload);
      if (size > limit) return answer(acknowledge, error('too-large', `the action is ${size} bytes; the limit is ${limit}; nothing was done`));
      const reply: IntentReply = service.handleIntent({ principal: identity.principal, workstationId: identity.workstationId }, identity.wallId, payload);
      answer(acknowledge, reply);
    });

    socket.on(EVENTS.sync, (payload: unknown, acknowledge: unknown) => {
      const identity = identityOf(socket);
      if (!identity) return answer(acknowledge, error('unauthorized', 'say hello first'));
      const parsed = SyncRequestSchema.safeParse(payload);
      if (!parsed.success) return answer(acknowledge, error('bad-request', `sync refused: ${formatIssues(describeIssues(parsed.error))}`));
      const wall = service.wall(identity.wallId);
      if (!wall) return answer(acknowledge, error('unknown-wall', `no wall "${identity.wallId}"`));
      const changes = service.catchUp(identity.wallId, service.epoch, parsed.data.sequence);
      const reply: SyncReply = { ok: true, catchUp: changes ?? { kind: 'snapshot', snapshot: buildSnapshot(wall, identity.screenId, snapshotContext()) } };
      answer(acknowledge, reply);
    });

    socket.on(EVENTS.query, (payload: unknown, acknowledge: unknown) => {
      const identity = identityOf(socket);
      if (!identity) return answer(acknowledge, error('unauthorized', 'say hello first'));
      if (!limiter.allow(socket.id, Date.now())) return answer(acknowledge, error('rate-limited', 'too many requests; try again in a moment'));
      answer(acknowledge, service.query({ principal: identity.principal, workstationId: identity.workstationId }, identity.wallId, payload));
    });
  });
  return io;
}
