import { APP_ORIGIN } from './app-scheme.js';

/**
 * Whether a request from a wall window may leave the machine. Allowed: the app itself
 * (app://pantau), in-page data and blob URLs, and http/ws addresses whose origin matches one of
 * `allowed` (an exact origin, or `scheme://host:*` for any port of that host, as the CSP writes
 * it). Everything else is cancelled by the session's webRequest filter: defence in depth
 * beneath the CSP, covering requests the CSP does not govern.
 */
export function requestAllowed(url: string, allowed: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'devtools:') return true;
  if (parsed.protocol === 'app:') return parsed.origin === APP_ORIGIN || `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return false;
  const port = parsed.port || (parsed.protocol === 'http:' || parsed.protocol === 'ws:' ? '80' : '443');
  return allowed.some((pattern) => {
    const match = /^([a-z]+:)\/\/([^/:]+)(?::(\d+|\*))?$/.exec(pattern);
    if (!match) return false;
    const [, scheme, host, patternPort] = match;
    if (scheme !== parsed.protocol || host !== parsed.hostname) return false;
    if (patternPort === '*') return true;
    const wanted = patternPort ?? (scheme === 'http:' || scheme === 'ws:' ? '80' : '443');
    return wanted === port;
  });
}

/** A URL as a log line may show it: without query or fragment, which can carry secrets (mapbox-gl puts its access_token there). */
export function urlForLog(url: string): string {
  return url.replace(/[?#].*$/s, '').slice(0, 200);
}

/** Whether a window may navigate to `url`: only within the app itself (a reload is not a navigation). */
export function navigationAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Permissions a wall page may have: none. A wall needs no camera, microphone, notifications,
 * geolocation, clipboard or MIDI; fullscreen is the shell's job, not the page's.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set();

/** Whether the page may have `permission`; Electron grants everything unless told otherwise. */
export function permissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}
