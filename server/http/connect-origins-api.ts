import type { IncomingMessage, ServerResponse } from 'node:http';
import { isScopedToWall, type Principal } from '../../protocol/auth.js';
import { WALL_CONNECT_ORIGINS_PATH_PATTERN, type WallConnectOriginsError, type WallConnectOriginsReply } from '../../protocol/wall-connect-origins.js';
import { createLogger } from '../log.js';

const log = createLogger('connect-origins');

export interface ConnectOriginsApiOptions {
  /** Whether this server has the wall. */
  hasWall(wallId: string): boolean;
  /** Who a bearer token belongs to (null: no token sent); undefined when nobody. The open demo directory answers everyone. */
  authenticate(token: string | null): Principal | undefined;
  /**
   * The origins a page of `wallId` needs beyond the server: the same list the web wall's CSP adds
   * (mapConnectOrigins of the walls file's map section), so both kinds of wall allow the same.
   */
  originsFor(wallId: string): readonly string[];
}

type Answer = { status: number; body: WallConnectOriginsReply | WallConnectOriginsError };

const refuse = (status: number, code: WallConnectOriginsError['error']['code'], message: string): Answer => ({ status, body: { error: { code, message } } });

/**
 * GET /api/walls/:wallId/connect-origins for the Electron shell: the extra origins its CSP and
 * request filter must allow for that wall. Only for a token scoped to the wall, because the answer
 * widens what a workstation's pages may reach. Returns false for every other path, so it chains
 * in front of the web wall's handler.
 */
export function createConnectOriginsApi(options: ConnectOriginsApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const answerFor = (req: IncomingMessage, encodedWallId: string): Answer => {
    let wallId: string;
    try {
      wallId = decodeURIComponent(encodedWallId);
    } catch {
      return refuse(400, 'bad-request', 'the wall id is not URL-encoded properly');
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const principal = options.authenticate(bearer);
    if (!principal) return refuse(401, 'unauthorized', bearer === null ? 'this server requires a token' : 'token not accepted');
    // Before the wall lookup, so a token of another wall cannot probe which walls exist.
    if (!isScopedToWall(principal, wallId)) return refuse(403, 'forbidden', `this token is not for wall ${JSON.stringify(wallId.slice(0, 64))}`);
    if (!options.hasWall(wallId)) return refuse(404, 'not-found', `no wall ${JSON.stringify(wallId.slice(0, 64))} on this server`);
    return { status: 200, body: { wallId, origins: [...options.originsFor(wallId)] } };
  };

  return (req, res) => {
    const match = WALL_CONNECT_ORIGINS_PATH_PATTERN.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) return false;
    let answer: Answer;
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      answer = refuse(405, 'bad-request', 'use GET');
    } else {
      answer = answerFor(req, match[1] ?? '');
    }
    if (answer.status !== 200) log.warn(`connect-origins for ${req.socket.remoteAddress ?? 'unknown'}: ${answer.status} ${'error' in answer.body ? answer.body.error.message : ''}`);
    res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(answer.body));
    return true;
  };
}
