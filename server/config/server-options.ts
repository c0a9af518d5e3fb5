import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Everything the server needs to start, after defaults and flags are applied. */
export interface ServerOptions {
  host: string;
  port: number;
  rtmpPort: number;
  mediaHttpPort: number;
  cataloguePath: string;
  wallsPath: string;
  rendererDir: string;
  cacheDir: string;
  simulate: boolean;
  /** Where the SQLite store lives (wall state, history, audit); created if missing. */
  dataDir: string;
  /** The users file; null runs open (everyone a supervisor), which only a loopback server allows. */
  usersPath: string | null;
  /** Bearer tokens outside systems (panic button app, 112, e-Lapor) send to the ingest API. */
  ingestTokens: string[];
  /** Origins besides the server's own allowed to open a socket (the Electron app). */
  extraOrigins: string[];
}

/** Defaults: the demo catalogue and walls, loopback only, the usual media ports. */
export function defaultServerOptions(): ServerOptions {
  return {
    host: '127.0.0.1',
    port: 8080,
    rtmpPort: 1935,
    mediaHttpPort: 8000,
    cataloguePath: join(projectRoot, 'server/demo/catalogue.json'),
    wallsPath: join(projectRoot, 'server/demo/walls.json'),
    rendererDir: join(projectRoot, 'dist/renderer'),
    cacheDir: process.env.PANTAU_CACHE_DIR ?? join(projectRoot, '.cache'),
    simulate: true,
    dataDir: process.env.PANTAU_DATA_DIR ?? join(projectRoot, '.data'),
    usersPath: null,
    ingestTokens: (process.env.PANTAU_INGEST_TOKENS ?? '').split(',').map((token) => token.trim()).filter(Boolean),
    extraOrigins: ['app://pantau'],
  };
}

export const SERVER_USAGE = `Usage: npm run server -- [options]
  --port N           web wall and socket.io port (default 8080)
  --host ADDR        address to bind (default 127.0.0.1; 0.0.0.0 serves the network)
  --rtmp-port N      media server RTMP ingest port (default 1935)
  --media-port N     media server HTTP-FLV / WS-FLV port (default 8000)
  --catalogue FILE   camera catalogue JSON (default: the Surakarta demo)
  --walls FILE       walls JSON (default: the demo wall)
  --users FILE       users file (roles and token hashes); without it the server runs open,
                     every client a supervisor, which is allowed on a loopback address only
  --data DIR         where the SQLite store is kept (default .data; env PANTAU_DATA_DIR)
  --ingest-token T   a bearer token the ingest API accepts (repeatable; env PANTAU_INGEST_TOKENS,
                     comma-separated); without one the ingest API refuses everything
  --no-simulator     do not publish the simulated cameras, incidents and alerts
  --help             this text`;

function portOf(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--${flag}: "${value}" is not a port number (1-65535)`);
  return port;
}

/** Parses the server's command line over the defaults; throws a one-line error on a bad flag. */
export function parseServerArgs(argv: readonly string[], defaults: ServerOptions = defaultServerOptions()): ServerOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'rtmp-port': { type: 'string' },
      'media-port': { type: 'string' },
      catalogue: { type: 'string' },
      walls: { type: 'string' },
      users: { type: 'string' },
      data: { type: 'string' },
      'ingest-token': { type: 'string', multiple: true },
      'no-simulator': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const options: ServerOptions = {
    ...defaults,
    host: values.host ?? defaults.host,
    port: portOf('port', values.port, defaults.port),
    rtmpPort: portOf('rtmp-port', values['rtmp-port'], defaults.rtmpPort),
    mediaHttpPort: portOf('media-port', values['media-port'], defaults.mediaHttpPort),
    cataloguePath: values.catalogue ? resolve(values.catalogue) : defaults.cataloguePath,
    wallsPath: values.walls ? resolve(values.walls) : defaults.wallsPath,
    simulate: values['no-simulator'] ? false : defaults.simulate,
    usersPath: values.users ? resolve(values.users) : defaults.usersPath,
    dataDir: values.data ? resolve(values.data) : defaults.dataDir,
    ingestTokens: values['ingest-token'] ?? defaults.ingestTokens,
  };
  const ports = [options.port, options.rtmpPort, options.mediaHttpPort];
  if (new Set(ports).size !== ports.length) throw new Error(`--port, --rtmp-port and --media-port must differ (got ${ports.join(', ')})`);
  return options;
}
