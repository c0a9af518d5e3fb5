import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { createLogger } from '../log.js';

const require = createRequire(import.meta.url);
const log = createLogger('media');

interface NodeMediaServerInstance {
  run(): Promise<void>;
  stop(): Promise<void>;
}
type NodeMediaServerClass = new (config: Record<string, unknown>, configPath: string) => NodeMediaServerInstance;

export interface MediaServerOptions {
  host: string;
  rtmpPort: number;
  httpPort: number;
  /** node-media-server keeps a small JSON store of its own; it goes here. */
  dataDir: string;
}

export interface MediaServer {
  readonly rtmpPort: number;
  readonly httpPort: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded node-media-server: RTMP ingest, HTTP-FLV and WS-FLV play with a GOP
 * cache. Its admin console and API stay off; it is a media relay for the wall and nothing more.
 * node-media-server keeps its config in a module-level singleton, so one per process.
 */
export async function startMediaServer(options: MediaServerOptions): Promise<MediaServer> {
  await mkdir(options.dataDir, { recursive: true });
  const NodeMediaServer = require('node-media-server') as NodeMediaServerClass;
  const nmsLogger = require('node-media-server/src/core/logger.js') as { level: string };
  const server = new NodeMediaServer(
    {
      bind: options.host,
      rtmp: { port: options.rtmpPort },
      http: { port: options.httpPort },
      store: { path: options.dataDir },
      webadmin: { enable: false },
      record: { auto: false, path: `${options.dataDir}/record` },
      auth: { play: false, publish: false },
    },
    '',
  );
  // Its constructor sets debug level (a line per packet burst); keep warnings and errors.
  nmsLogger.level = 'warn';
  await server.run();
  log.info(`RTMP on ${options.host}:${options.rtmpPort}, HTTP-FLV and WS-FLV on ${options.host}:${options.httpPort}`);
  return { rtmpPort: options.rtmpPort, httpPort: options.httpPort, dataDir: options.dataDir, stop: () => server.stop() };
}
