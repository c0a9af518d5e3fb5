import { existsSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { PROTOCOL_VERSION } from '../../protocol/index.js';
import { hostnameFromHostHeader, resolveStreamUrl } from '../hub/stream-urls.js';
import { contentSecurityPolicy } from '../../protocol/index.js';

export interface WebWallOptions {
  rendererDir: string;
  mediaHttpPort: number;
  /** Origins of absolute stream URLs in the catalogue. */
  cameraOrigins: readonly string[];
  /** Origins the provisioned map needs (its style's host, Mapbox's API with a token): mapConnectOrigins. */
  mapOrigins?: readonly string[];
}

function sendText(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

/** Serves the built renderer as the web wall, with security headers, plus /healthz. */
export function webWallHandler(options: WebWallOptions): RequestListener {
  const built = existsSync(options.rendererDir);
  const serve = built ? sirv(options.rendererDir, { single: true, dev: false, etag: true }) : undefined;
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.url === '/healthz') {
      sendText(response, 200, 'application/json', JSON.stringify({ ok: true, protocolVersion: PROTOCOL_VERSION }));
      return;
    }
    const hostname = hostnameFromHostHeader(request.headers.host);
    const mediaWs = resolveStreamUrl('/', hostname, options.mediaHttpPort).slice(0, -1);
    const mediaHttp = mediaWs.replace(/^ws:/, 'http:');
    response.setHeader('content-security-policy', contentSecurityPolicy([mediaWs, mediaHttp, ...options.cameraOrigins, ...(options.mapOrigins ?? [])]));
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    if (!serve) {
      sendText(response, 503, 'text/plain; charset=utf-8', 'The wall renderer is not built. Run: npm run build:renderer\n');
      return;
    }
    serve(request, response, () => sendText(response, 404, 'text/plain; charset=utf-8', 'Not found\n'));
  };
}
