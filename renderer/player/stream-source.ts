/** How a stream is carried, decided from its URL. */
export type StreamProtocol = 'ws-flv' | 'http-flv' | 'ws-ts' | 'http-ts' | 'hls';

/** The protocol of a stream URL, or null when the player cannot play it. */
export function protocolOf(url: string): StreamProtocol | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const websocket = parsed.protocol === 'ws:' || parsed.protocol === 'wss:';
  const http = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  if (!websocket && !http) return null;
  const path = parsed.pathname.toLowerCase();
  if (path.endsWith('.flv')) return websocket ? 'ws-flv' : 'http-flv';
  if (path.endsWith('.ts')) return websocket ? 'ws-ts' : 'http-ts';
  if (path.endsWith('.m3u8') && http) return 'hls';
  return null;
}

/**
 * The addresses to try for a stream, best first. Chromium opens at most 6 HTTP/1.1 connections
 * per host, so a grid of HTTP-FLV tiles plays only 6; the media servers we meet
 * (node-media-server, SRS, ZLMediaKit) serve the same .flv path over WebSocket, which has no
 * such cap. So HTTP-FLV is upgraded to WS-FLV, and played over HTTP only if that fails.
 */
export function candidateUrls(url: string): string[] {
  const protocol = protocolOf(url);
  if (protocol !== 'http-flv' && protocol !== 'http-ts') return [url];
  const upgraded = new URL(url);
  upgraded.protocol = upgraded.protocol === 'https:' ? 'wss:' : 'ws:';
  return [upgraded.toString(), url];
}
