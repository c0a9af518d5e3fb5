import type { App, Session, WebContents } from 'electron';

/**
 * The Electron security checklist for a kiosk wall: no new windows, no navigation away from
 * the app, no permission granted (a wall needs no camera, microphone, notifications or
 * geolocation). Applied to every web contents the app ever creates.
 */
export function hardenApp(app: App, session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
