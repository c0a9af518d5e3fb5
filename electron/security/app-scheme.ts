import { join, normalize, relative, isAbsolute } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://pantau';

/**
 * The file under `root` that an app:// URL names, or null when the path would leave `root`.
 * An empty path is the app's index page.
 */
export function fileForAppUrl(root: string, url: string): string | null {
  const parsed = new URL(url);
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  const file = normalize(join(root, path));
  const inside = relative(root, file);
  return inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

/** Origins the wall page may open connections to: the server, and its media ports on the same host. */
export function serverConnectOrigins(serverUrl: string): string[] {
  const server = new URL(serverUrl);
  const ws = server.protocol === 'https:' ? 'wss:' : 'ws:';
  return [server.origin, `${ws}//${server.hostname}:*`, `${server.protocol}//${server.hostname}:*`];
}
