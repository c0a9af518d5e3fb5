/**
 * The origins a wall's pages must reach besides the server, as the server computes them from its
 * walls file (today: the map's, `mapConnectOrigins`). The Electron shell asks for them so that IT
 * sets a tile server or a Mapbox token once, on the server, instead of in every workstation's
 * provisioning file too. Plain zod: no DOM, no Node.
 */
import { z } from 'zod';
import { IdSchema } from './catalogue.js';
import { ConnectOriginSchema } from './connect-origin.js';

/** GET, bearer token of a principal scoped to the wall: the origins that wall's pages need. */
export function wallConnectOriginsPath(wallId: string): string {
  return `/api/walls/${encodeURIComponent(wallId)}/connect-origins`;
}

/** Matches the path above and captures the wall id (still URL-encoded). */
export const WALL_CONNECT_ORIGINS_PATH_PATTERN = /^\/api\/walls\/([^/]+)\/connect-origins$/;

/** More origins than a map can need (a style, 16 extra origins, Mapbox's 4): a longer list is refused whole. */
export const MAX_WALL_CONNECT_ORIGINS = 32;
/** A reply's body larger than this is not read to its end: the shell refuses it before parsing. */
export const MAX_WALL_CONNECT_ORIGINS_BYTES = 8 * 1024;

export const WallConnectOriginsReplySchema = z.strictObject({
  wallId: IdSchema,
  /** scheme://host[:port] with http, https, ws or wss; never a path, never a wildcard. */
  origins: z.array(ConnectOriginSchema).max(MAX_WALL_CONNECT_ORIGINS),
});
export type WallConnectOriginsReply = z.infer<typeof WallConnectOriginsReplySchema>;

/** The body of every refused connect-origins request. */
export const WallConnectOriginsErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.enum(['unauthorized', 'forbidden', 'not-found', 'bad-request']), message: z.string().max(500) }),
});
export type WallConnectOriginsError = z.infer<typeof WallConnectOriginsErrorSchema>;
