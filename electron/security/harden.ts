import type { App, Session, WebContents } from 'electron';
import { navigationAllowed, permissionAllowed, requestAllowed, urlForLog } from './request-filter.js';

/** Where blocked things are logged. */
export type SecurityLog = (message: string) => void;

/**
 * The Electron security checklist for a kiosk wall: every permission denied, no new windows, no
 * navigation away from the app, no webviews, and no request to an origin outside `allowedOrigins`
 * (the configured server and camera origins). Applied to every web contents the app creates.
 */
export function hardenApp(app: App, session: Session, allowedOrigins: readonly string[], log: SecurityLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = permissionAllowed(permission);
    if (!allowed) log(`permission "${permission}" denied`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = requestAllowed(details.url, allowedOrigins);
    if (!allowed) log(`request blocked: ${urlForLog(details.url)}`);
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log(`new window blocked: ${urlForLog(url)}`);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (!navigationAllowed(event.url)) {
        log(`navigation blocked: ${urlForLog(event.url)}`);
        event.preventDefault();
      }
    });
    contents.on('will-redirect', (event) => {
      if (!navigationAllowed(event.url) && event.isMainFrame) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
