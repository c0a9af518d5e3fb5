/** How a stream is carried, decided from its URL. */
export type StreamProtocol = 'ws-flv' | 'http-flv' | 'ws-ts' | 'http-ts';

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
  return null;
}
