/**
 * The CSP for a wall page (web wall and Electron app alike). Video arrives from the media server on its own port and from any
 * absolute camera origin in the catalogue, so those are named explicitly instead of allowing
 * every ws: or http: address; mpegts.js runs its demuxer in a blob: worker.
 */
export function contentSecurityPolicy(mediaOrigins: readonly string[]): string {
  const connect = ["'self'", ...new Set(mediaOrigins)].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The origins (scheme, host, port) of absolute stream URLs; HTTP ones also as WebSocket, which the player tries first. */
export function originsOf(urls: readonly string[]): string[] {
  return urls.flatMap((url) => {
    if (url.startsWith('/')) return [];
    const parsed = new URL(url);
    const origin = `${parsed.protocol}//${parsed.host}`;
    if (parsed.protocol === 'http:') return [origin, `ws://${parsed.host}`];
    if (parsed.protocol === 'https:') return [origin, `wss://${parsed.host}`];
    return [origin];
  });
}
