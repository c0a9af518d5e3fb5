import { contentSecurityPolicy } from '../../protocol/index.js';
import { serverConnectOrigins } from './app-scheme.js';

/** Every origin a wall page may reach: its server, the server host's media ports, and the provisioned camera origins. */
export function allowedConnectOrigins(serverUrl: string, cameraOrigins: readonly string[]): string[] {
  return [...new Set([...serverConnectOrigins(serverUrl), ...cameraOrigins])];
}

/** The CSP header for wall pages: connect-src built from the configured server and camera origins. */
export function wallPageCsp(serverUrl: string, cameraOrigins: readonly string[]): string {
  return contentSecurityPolicy(allowedConnectOrigins(serverUrl, cameraOrigins));
}
