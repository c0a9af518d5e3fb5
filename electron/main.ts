import { BrowserWindow, app, globalShortcut, ipcMain, net, powerMonitor, powerSaveBlocker, protocol, safeStorage, screen, session } from 'electron';
import electronUpdater from 'electron-updater';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentSecurityPolicy, type ScreenTarget, type WorkstationConfig } from '../protocol/index.js';
import type { CrashRecord } from '../protocol/health.js';
import { IdentifyDisplaysRequestSchema, SHELL_CHANNELS, SelectScreenRequestSchema, type ShellAction } from '../protocol/workstation-config-ipc.js';
import { loadKeymap } from './config/keymap-file.js';
import { SettingsStore } from './config/settings-store.js';
import { TokenVault } from './config/token-vault.js';
import { flagSwitch, flagValue } from './config/command-line.js';
import { readOptionalText, resolveConfig, type ResolvedConfig } from './config/workstation-config.js';
import type { WorkstationConfigLayer } from '../protocol/index.js';
import { planScreensOnDisplays, type DisplayInfo, type ScreenPlan } from './displays/plan-screens.js';
import { ReplanScheduler } from './displays/replan-scheduler.js';
import { exchangeEnrolmentCode } from './enrolment/enrol-client.js';
import { planGlobalShortcuts, type GlobalBinding } from './hotkeys/accelerator.js';
import { registerGlobalShortcuts } from './hotkeys/global-shortcuts.js';
import { ScreenSelection, type ActionRoute } from './hotkeys/screen-selection.js';
import { shellLogger } from './log.js';
import { chromiumSetup } from './recovery/chromium-switches.js';
import { relaunchDecision } from './recovery/crash-loop-guard.js';
import { afterGpuCrash, resetGpuFallback } from './recovery/gpu-crashes.js';
import { APP_ORIGIN, APP_SCHEME, fileForAppUrl } from './security/app-scheme.js';
import { allowedConnectOrigins, wallPageCsp } from './security/connect-origins.js';
import { ServerOriginsLearner, fetchServerConnectOrigins, mergeConnectOrigins, serverOriginsPlan } from './security/server-origins.js';
import { hardenApp } from './security/harden.js';
import { handleGuarded, onGuarded } from './security/ipc-handlers.js';
import { SetupSession } from './setup/setup-session.js';
import { SETUP_PAGE_PATH, registerSetupHandlers, setupWindowOptions } from './setup/setup-window.js';
import { startupMode } from './setup/startup-mode.js';
import { socketHello } from './setup/wall-screens.js';
import { shellStatusFor, type ShellFacts } from './shell-status.js';
import { startAutoUpdate, updateFeed } from './updates/auto-update.js';
import { identifyDisplays } from './windows/identify-overlay.js';
import { loginItemPlan } from './windows/login-item.js';
import { PreventDisplaySleepService } from './windows/prevent-display-sleep.js';
import { PtzControlWindow } from './windows/ptz-control-window.js';
import { screenWindowOptions } from './windows/screen-window.js';
import { WallWindows } from './windows/wall-windows.js';

const log = shellLogger('main');
const here = dirname(fileURLToPath(import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadPath = join(here, 'preload.cjs');
/** The default configuration IT may replace inside the package (electron-builder extraResources). */
const packagedDefaults = app.isPackaged ? join(process.resourcesPath, 'default-config.json') : null;

// Must happen before ready: the renderer is served from app:// so its CSP travels as a header.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

// One instance per user profile (the lock lives in userData; e2e tests pass --user-data-dir).
if (!app.requestSingleInstanceLock()) {
  log.info('another Pantau is running on this profile: leaving');
  app.exit(0);
  // Nothing below may run in a second instance (it would write the first one's settings file).
  process.exit(0);
}

const settings = new SettingsStore(app.getPath('userData'));
if (settings.startupNote) log.warn(settings.startupNote);
if (flagSwitch(process.argv, 'reset-gpu-fallback')) settings.update((s) => ({ ...s, ...resetGpuFallback() }));

/** The configuration from every layer; the token joins after ready (safeStorage needs it). */
function currentConfig(storedToken: string | null, local: WorkstationConfigLayer = settings.configLayer()): ResolvedConfig {
  return resolveConfig({ argv: process.argv, env: process.env, platform: process.platform, read: readOptionalText, packagedDefaultsFile: packagedDefaults, local, storedToken });
}

/** Problems IT should see on the wall-health page (shortcut conflicts, keymap, vault). */
const warnings: string[] = [];
const facts: { -readonly [K in keyof ShellFacts]: ShellFacts[K] } & { screens: Map<string, { restarts: number; lastCrash: CrashRecord | null }> } = {
  workstationName: hostname(),
  appVersion: app.getVersion(),
  unassigned: [],
  gpu: { crashes: settings.current.gpuCrashCount, hardwareAcceleration: !settings.current.hardwareAccelerationDisabled },
  warnings,
  selectedScreen: null,
  screens: new Map(),
  workstationCrash: null,
};

/** A fatal main-process error: record it, then relaunch unless the app is crash-looping. */
function fatal(error: unknown): void {
  log.error(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  try {
    const decision = relaunchDecision(settings.current.relaunchTimes, Date.now());
    settings.update((s) => ({ ...s, relaunchTimes: decision.times }));
    if (decision.relaunch) {
      app.relaunch();
    } else {
      log.error('relaunched too often in the last minutes: exiting; the service manager or IT must restart Pantau');
    }
  } finally {
    app.exit(1);
  }
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

function currentDisplays(): DisplayInfo[] {
  return screen.getAllDisplays().map((display) => ({ id: display.id, label: display.label, bounds: display.bounds, scaleFactor: display.scaleFactor, rotation: display.rotation }));
}

/** Serves the built renderer on app://pantau with the CSP of the moment (setup: no server; wall: its server). */
function serveRenderer(csp: () => string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileForAppUrl(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', csp());
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function applyLoginItem(enabled: boolean): void {
  const plan = loginItemPlan(process.platform, enabled, process.execPath, app.getPath('home'), process.env);
  if (plan.kind === 'electron-login-item') {
    app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
  } else if (plan.contents === null) {
    rmSync(plan.file, { force: true });
  } else {
    mkdirSync(dirname(plan.file), { recursive: true });
    writeFileSync(plan.file, plan.contents);
  }
}

async function enrolIfAsked(config: WorkstationConfig, vault: TokenVault): Promise<void> {
  const code = flagValue(process.argv, 'enrol');
  if (code === undefined) return;
  const reply = await exchangeEnrolmentCode(config.serverUrl, code, hostname(), (url, init) => net.fetch(url, init));
  vault.store(reply.deviceToken);
  log.info(`enrolled as workstation ${reply.workstationId} (${reply.role}); device token kept encrypted`);
}

async function main(config0: ResolvedConfig): Promise<void> {
  await app.whenReady();
  const vault = new TokenVault(safeStorage, settings.tokenSlot(), process.platform);
  const vaultStatus = vault.status();
  if (!vaultStatus.usable) warnings.push(`device token cannot be kept encrypted: ${vaultStatus.reason}`);
  if (settings.plainTokenFromOldFile !== null && vaultStatus.usable) vault.store(settings.plainTokenFromOldFile);
  await enrolIfAsked(config0.config, vault).catch((error: unknown) => {
    log.error((error as Error).message);
    warnings.push((error as Error).message);
  });
  const firstResolved = currentConfig(vault.read());
  // One request filter and one page server for the app's life. The setup page reaches no server
  // itself (the main process does), so both start closed and open to the server's origins when
  // the wall starts; `allowed` is read on every request.
  const allowed: string[] = [];
  let csp = contentSecurityPolicy([]);
  hardenApp(app, session.defaultSession, allowed, (line) => log.warn(`security: ${line}`));
  serveRenderer(() => csp);
  const refused = (channel: string, error: string): void => log.warn(`ipc ${channel}: ${error}`);
  let showIdentify = (): number => identifyDisplays(currentDisplays(), [], firstResolved.config.language);
  let isWallWindow: (webContentsId: number) => boolean = () => false;
  let setupWindow: BrowserWindow | null = null;
  const isSetupWindow = (id: number): boolean => setupWindow !== null && !setupWindow.isDestroyed() && setupWindow.webContents.id === id;
  handleGuarded(ipcMain, SHELL_CHANNELS.identifyDisplays, IdentifyDisplaysRequestSchema, (id) => isWallWindow(id) || isSetupWindow(id), refused, () => showIdentify());
  app.on('window-all-closed', () => app.quit());

  const mode = startupMode(firstResolved.sources, process.argv);
  if (mode.mode === 'wall') {
    await startWall(firstResolved);
    return;
  }
  log.info(`opening the setup window: ${mode.reason}`);
  let setupSession: SetupSession | null = new SetupSession({
    displays: currentDisplays,
    resolved: () => currentConfig(vault.read()),
    localLayer: () => settings.configLayer(),
    resolveWith: (local) => currentConfig(vault.read(), local),
    vault,
    fetchHealth: (url, init) => net.fetch(url, init),
    fetchEnrol: (url, init) => net.fetch(url, init),
    hello: socketHello,
    saveLayer: (layer) => settings.update((s) => ({ ...s, config: layer })),
    onSaved: () => {
      // After the page has its answer: open the wall first, then close the setup, so that
      // window-all-closed (quit) never sees zero windows in between.
      setImmediate(() => {
        setupSession = null;
        startWall(currentConfig(vault.read()))
          .then(() => setupWindow?.close())
          .catch(fatal);
      });
    },
  });
  registerSetupHandlers(ipcMain, () => setupSession, isSetupWindow, refused);
  // On the display IT is looking at (under the pointer), not a wall display.
  const pointerDisplay = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
  const setup = new BrowserWindow(setupWindowOptions(pointerDisplay.workArea, preloadPath));
  setupWindow = setup;
  setup.once('ready-to-show', () => setup.show());
  app.on('second-instance', () => {
    if (!setup.isDestroyed()) setup.show();
  });
  void setup.loadURL(`${APP_ORIGIN}/${SETUP_PAGE_PATH}`);

  /** Opens the wall windows for `resolved` and wires everything they need. */
  async function startWall(resolved: ResolvedConfig): Promise<void> {
    const config = resolved.config;
    log.info(`configuration: server ${config.serverUrl}, wall ${config.wallId}, ${config.screens.length} screens; provisioning file ${resolved.provisioningFile}; locked: ${resolved.locked.join(', ') || 'none'}`);

    const keymap = loadKeymap(config.keymapFile, readOptionalText);
    if (keymap.problem) {
      log.warn(`keymap: ${keymap.problem}; the default keymap is used`);
      warnings.push(`keymap: ${keymap.problem}`);
    }

    allowed.push(...allowedConnectOrigins(config.serverUrl, config.connectOrigins));
    csp = wallPageCsp(config.serverUrl, config.connectOrigins);
    // The walls file's map origins (city tile server, Mapbox) come from the server, so IT names
    // them once. Asked from here with the device token, never from a page: a page cannot widen
    // its own CSP. The windows wait for the first answer; a server that is down at start is asked
    // again, and the windows reload once when its origins widen what they may reach.
    let windowsOpen = false;
    let reloadWallWindows = (): number => 0;
    const serverOrigins = new ServerOriginsLearner({
      attempt: () => fetchServerConnectOrigins(config.serverUrl, config.wallId, config.token, (url, init) => net.fetch(url, init)),
      log,
      onLearned: (learned) => {
        const plan = serverOriginsPlan(allowed, learned, windowsOpen);
        if (plan.add.length === 0) return;
        allowed.push(...plan.add);
        csp = wallPageCsp(config.serverUrl, mergeConnectOrigins(config.connectOrigins, learned));
        if (plan.reloadWindows) log.info(`connect origins widened after the wall opened: ${reloadWallWindows()} wall windows reloaded for the new CSP`);
      },
    });
    await serverOrigins.start();

    const sleepBlocker = new PreventDisplaySleepService(powerSaveBlocker);
    sleepBlocker.setEnabled(config.kiosk.preventDisplaySleep);
    try {
      applyLoginItem(config.kiosk.startAtLogin);
    } catch (error) {
      log.warn(`start at login not set: ${(error as Error).message}`);
    }

    const selection = new ScreenSelection([]);
    const targetFor = (screenId: string): ScreenTarget => ({ serverUrl: config.serverUrl, wallId: config.wallId, screenId, language: config.language, timeZone: config.timeZone, token: config.token });
    const sendStatus = (screenId: string): void => {
      windows.send(screenId, SHELL_CHANNELS.status, shellStatusFor(screenId, { ...facts, selectedScreen: selection.selected }));
    };
    const broadcastStatus = (): void => windows.screens().forEach(sendStatus);
    const windows = new WallWindows({
      create: (placement) => new BrowserWindow(screenWindowOptions(placement, targetFor(placement.screenId), preloadPath, config.kiosk, keymap.keymap)),
      url: `${APP_ORIGIN}/index.html`,
      log: (message) => log.warn(message),
      onFailure: (screenId, crash) => {
        const entry = facts.screens.get(screenId) ?? { restarts: 0, lastCrash: null };
        facts.screens.set(screenId, { restarts: entry.restarts + 1, lastCrash: crash });
      },
      onLoaded: sendStatus,
    });

    let plan: ScreenPlan = { placements: [], unassigned: [], bindings: {} };
    const replan = (cause: string): void => {
      plan = planScreensOnDisplays(config.screens, currentDisplays(), settings.current.displayBindings);
      for (const placement of plan.placements) log.info(`screen ${placement.screenId} -> display ${placement.displayId} (${placement.matchedBy}) [${cause}]`);
      for (const missing of plan.unassigned) log.warn(`screen ${missing.screenId} not shown: ${missing.reason}`);
      facts.unassigned = plan.unassigned;
      settings.rememberDisplays(plan.bindings);
      windows.apply(plan);
      selection.setScreens(config.screens.map((s) => s.screenId).filter((id) => plan.placements.some((p) => p.screenId === id)));
      broadcastStatus();
    };
    replan('start');
    windowsOpen = true;
    reloadWallWindows = () => windows.reloadAll();
    const scheduler = new ReplanScheduler(750, replan);
    screen.on('display-added', () => scheduler.request('display-added'));
    screen.on('display-removed', () => scheduler.request('display-removed'));
    screen.on('display-metrics-changed', () => scheduler.request('display-metrics-changed'));
    powerMonitor.on('resume', () => scheduler.request('resume'));
    powerMonitor.on('unlock-screen', () => scheduler.request('unlock-screen'));

    showIdentify = (): number => identifyDisplays(currentDisplays(), plan.placements, config.language);
    const deliver = (route: ActionRoute): void => {
      if (route.kind === 'select') broadcastStatus();
      else if (route.kind === 'identify-displays') showIdentify();
      else if (route.kind === 'send' && !windows.send(route.screenId, SHELL_CHANNELS.action, route.message)) log.warn(`action ${route.message.action}: screen ${route.screenId} has no window`);
    };
    const ptzControl = new PtzControlWindow(keymap.keymap, config.language, (message: ShellAction) => deliver(selection.route(message.action, { ...(message.fast === undefined ? {} : { fast: message.fast }), ...(message.phase === undefined ? {} : { phase: message.phase }) })));

    const isOurs = (id: number): boolean => windows.isOurs(id);
    isWallWindow = isOurs;
    onGuarded(ipcMain, SHELL_CHANNELS.selectScreen, SelectScreenRequestSchema, isOurs, refused, ({ screenId }, event) => {
      // A page may select only its own screen: it cannot steer the keyboard to another.
      if (windows.screenOf(event.sender.id) !== screenId) return refused(SHELL_CHANNELS.selectScreen, `screen ${screenId} is not the sender's`);
      if (selection.select(screenId)) broadcastStatus();
    });

    if (config.hotkeys.global) {
      const shortcuts = planGlobalShortcuts(keymap.keymap, config.hotkeys.selectScreen);
      const trigger = (binding: GlobalBinding): void => {
        if ('selectScreen' in binding.target) return deliver(selection.selectIndex(binding.target.selectScreen));
        if (binding.target.action === 'ptz-mode-toggle') {
          // PTZ needs key-ups: hand the keyboard to the control window on the console's display.
          const cursor = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
          return ptzControl.openForPtz(cursor.workArea);
        }
        deliver(selection.route(binding.target.action));
      };
      const outcome = registerGlobalShortcuts(globalShortcut, shortcuts, trigger);
      log.info(`global shortcuts: ${outcome.registered.length} registered, ${shortcuts.notGlobal.length} kept for the focused window`);
      for (const conflict of outcome.conflicts) warnings.push(`global shortcut ${conflict.accelerator} (${'action' in conflict.target ? conflict.target.action : 'select screen'}) is held by another application`);
      app.on('will-quit', () => globalShortcut.unregisterAll());
      // The windows already have their first status: send it again with any conflicts.
      if (outcome.conflicts.length > 0) broadcastStatus();
    }

    app.on('child-process-gone', (_event, details) => {
      if (details.type !== 'GPU' || details.reason === 'clean-exit') return;
      const next = afterGpuCrash(settings.current);
      settings.update((s) => ({ ...s, gpuCrashCount: next.gpuCrashCount, hardwareAccelerationDisabled: next.hardwareAccelerationDisabled }));
      facts.gpu = { crashes: facts.gpu.crashes + 1, hardwareAcceleration: !next.hardwareAccelerationDisabled && app.isHardwareAccelerationEnabled() };
      facts.workstationCrash = { reason: 'gpu-crashed', at: new Date().toISOString(), detail: `${details.reason} (exit code ${details.exitCode})` };
      log.error(`GPU process gone: ${details.reason} (${details.exitCode})${next.fallBackNow ? '; hardware acceleration off from the next start' : ''}`);
      if (next.fallBackNow) warnings.push('repeated GPU crashes: Pantau restarts with software decoding');
      broadcastStatus();
      if (next.fallBackNow) fatal(new Error('GPU crashed repeatedly; relaunching without hardware acceleration'));
    });

    const feed = updateFeed(config.updates);
    if (feed) startAutoUpdate(electronUpdater.autoUpdater, feed, (message) => log.info(message));

    app.on('second-instance', () => windows.screens().forEach((id) => windows.windowOf(id)?.show()));
    app.on('before-quit', () => {
      serverOrigins.stop();
      scheduler.cancel();
      windows.closeAll();
    });
  }
}

// Before ready: Chromium switches and the GPU fallback decided from the configuration and the stored GPU state.
let early: ResolvedConfig | null = null;
try {
  early = currentConfig(null);
} catch (error) {
  log.error(`Pantau could not start: ${(error as Error).message}`);
  app.exit(2);
}
if (early) {
  const chromium = chromiumSetup(process.platform, early.config.hardwareDecode, settings.current.hardwareAccelerationDisabled);
  for (const [name, value] of chromium.switches) app.commandLine.appendSwitch(name, value);
  if (chromium.disableHardwareAcceleration) app.disableHardwareAcceleration();
  log.info(chromium.decodeNote);
  main(early).catch(fatal);
}
