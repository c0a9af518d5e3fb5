// A fake of the Electron main-process API, enough to run Pantau's bundled main.js under Node
// (the Electron binary cannot be had on our machines). It records what the app does with it on
// `__fake` so a test can play events (crashes, display changes, IPC, shortcuts) and watch the
// outcome. Exports are assigned one by one so Node's ESM loader sees them as named exports.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS stand-in for the CommonJS electron package
const { EventEmitter } = require('node:events');

let nextId = 1;
const windows = [];
const sent = [];
const events = [];
const userData = process.env.PANTAU_FAKE_USER_DATA;
const displays = [
  { id: 11, label: 'LEFT', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1, rotation: 0 },
  { id: 12, label: 'RIGHT', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, workArea: { x: 1920, y: 0, width: 1920, height: 1040 }, scaleFactor: 1, rotation: 0 },
];

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  commandLine: { appendSwitch: (name, value) => events.push(['switch', name, value]) },
  getPath: (name) => (name === 'userData' ? userData : `${userData}/home`),
  getVersion: () => '0.1.0',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  disableHardwareAcceleration: () => events.push(['disable-hardware-acceleration']),
  isHardwareAccelerationEnabled: () => true,
  exit: (code) => events.push(['exit', code]),
  quit: () => events.push(['quit']),
  relaunch: () => events.push(['relaunch']),
  setLoginItemSettings: (settings) => events.push(['login-item', settings]),
});

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.mainFrame = { url: 'app://pantau/index.html' };
    this.reloads = 0;
  }
  send(channel, payload) {
    sent.push({ to: this.id, channel, payload });
  }
  insertCSS(css) {
    events.push(['insert-css', this.id, css]);
    return Promise.resolve('key');
  }
  reload() {
    this.reloads += 1;
    setImmediate(() => this.emit('did-finish-load'));
  }
  isCrashed() {
    return false;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.webContents = new WebContents();
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.url = url;
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  setFullScreen(value) {
    this.fullscreen = value;
  }
  show() {}
  showInactive() {}
  focus() {}
  hide() {}
  setBounds(bounds) {
    this.bounds = bounds;
  }
  setAlwaysOnTop() {}
  setIgnoreMouseEvents() {}
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
}

const ipcHandlers = new Map();
const shortcuts = new Map();
const webRequest = { onBeforeRequest: (handler) => (webRequest.handler = handler) };
const defaultSession = {
  setPermissionRequestHandler: (handler) => (defaultSession.permissionHandler = handler),
  setPermissionCheckHandler: () => undefined,
  webRequest,
};

exports.app = app;
exports.BrowserWindow = BrowserWindow;
exports.ipcMain = { handle: (channel, handler) => ipcHandlers.set(channel, handler), on: (channel, handler) => ipcHandlers.set(channel, handler) };
exports.screen = Object.assign(new EventEmitter(), {
  getAllDisplays: () => displays,
  getCursorScreenPoint: () => ({ x: 10, y: 10 }),
  getDisplayNearestPoint: () => displays[0],
});
exports.globalShortcut = {
  // Control+1 plays a shortcut another application holds.
  register: (accelerator, callback) => (accelerator === 'Control+1' ? false : (shortcuts.set(accelerator, callback), true)),
  unregisterAll: () => shortcuts.clear(),
  isRegistered: (accelerator) => shortcuts.has(accelerator),
};
exports.session = { defaultSession };
// A scenario may set net.answer to play a server (and the app:// page files); by default nothing answers.
const net = { answer: () => Promise.reject(new Error('no network in the fake')), fetch: (url, init) => net.answer(url, init) };
exports.net = net;
exports.powerMonitor = new EventEmitter();
exports.powerSaveBlocker = { start: (type) => (events.push(['power-save-blocker', type]), 1), stop: () => true, isStarted: () => true };
const protocolHandlers = new Map();
exports.protocol = {
  registerSchemesAsPrivileged: (schemes) => events.push(['schemes', schemes]),
  handle: (scheme, handler) => (events.push(['protocol-handler', scheme]), protocolHandlers.set(scheme, handler)),
};
exports.safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (buffer) => buffer.toString().slice(4),
};
exports.__fake = { windows, displays, ipcHandlers, shortcuts, webRequest, sent, events, net, protocolHandlers };
