import type { Camera, CatalogueCamera } from '../../protocol/index.js';

/**
 * Resolves a catalogue stream address for one client: a path is played from the embedded
 * media server on the host name the client used to reach us, so a wall on another PC gets
 * an address it can open; absolute URLs pass through.
 */
export function resolveStreamUrl(url: string, clientHostname: string, mediaHttpPort: number): string {
  if (!url.startsWith('/')) return url;
  const host = clientHostname.includes(':') && !clientHostname.startsWith('[') ? `[${clientHostname}]` : clientHostname;
  return `ws://${host}:${mediaHttpPort}${url}`;
}

/** The camera as a client receives it, with playable URLs. */
export function cameraForClient(camera: CatalogueCamera, number: number, clientHostname: string, mediaHttpPort: number): Camera {
  const resolve = (url: string) => resolveStreamUrl(url, clientHostname, mediaHttpPort);
  return {
    id: camera.id,
    number,
    name: camera.name,
    location: camera.location,
    agency: camera.agency,
    ptz: camera.ptz,
    ...(camera.view === undefined ? {} : { view: camera.view }),
    streams: camera.streams.sub === undefined
      ? { main: resolve(camera.streams.main) }
      : { main: resolve(camera.streams.main), sub: resolve(camera.streams.sub) },
  };
}

/** The host name (no port) from an HTTP Host header, falling back to loopback. */
export function hostnameFromHostHeader(hostHeader: string | undefined): string {
  if (!hostHeader) return '127.0.0.1';
  try {
    const hostname = new URL(`http://${hostHeader}`).hostname;
    return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  } catch {
    return '127.0.0.1';
  }
}
