import { BrowserWindow, app, net, protocol, screen, session } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { contentSecurityPolicy, type ScreenTarget } from '../protocol/index.js';
import { resolveWorkstationConfig } from './config/workstation-config.js';
import { planScreensOnDisplays, type DisplayInfo } from './displays/plan-screens.js';
import { APP_ORIGIN, APP_SCHEME, fileForAppUrl, serverConnectOrigins } from './security/app-scheme.js';
import { hardenApp } from './security/harden.js';
import { screenWindowOptions } from './windows/screen-window.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, 'preload.cjs');

// Must happen before ready: the renderer is served from app:// so its CSP travels as a header.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

function serveRenderer(csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileForAppUrl(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function currentDisplays(): DisplayInfo[] {
  return screen.getAllDisplays().map((display) => ({ id: display.id, label: display.label, bounds: display.bounds }));
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const config = resolveWorkstationConfig(process.argv, process.env);
  await app.whenReady();
  hardenApp(app, session.defaultSession, serverConnectOrigins(config.serverUrl), (line) => console.warn(`security: ${line}`));
  serveRenderer(contentSecurityPolicy(serverConnectOrigins(config.serverUrl)));

  const plan = planScreensOnDisplays(config.screens, currentDisplays());
  for (const missing of plan.unassigned) console.warn(`screen ${missing.screenId} not shown: ${missing.reason}`);
  for (const placement of plan.placements) {
    const target: ScreenTarget = {
      serverUrl: config.serverUrl,
      wallId: config.wallId,
      screenId: placement.screenId,
      language: config.language,
      token: config.token,
    };
    const window = new BrowserWindow(screenWindowOptions(placement, target, preloadPath));
    window.once('ready-to-show', () => {
      window.setFullScreen(true);
      window.show();
    });
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  }
  app.on('window-all-closed', () => app.quit());
}

main().catch((error: unknown) => {
  console.error(`Pantau could not start: ${(error as Error).message}`);
  app.exit(1);
});
