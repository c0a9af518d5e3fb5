import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_WORKSTATION_CONFIG, resolveConfig, resolveWorkstationConfig } from './workstation-config.js';

const files: Record<string, string> = {
  '/etc/pantau/config.json': JSON.stringify({ serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', screens: [{ screenId: 'a', display: { position: 2 } }], kiosk: { alwaysOnTop: true } }),
  '/srv/other.json': JSON.stringify({ serverUrl: 'http://10.0.0.7:8080', wallId: 'polresta', screens: [{ screenId: 'x' }] }),
  '/bad.json': JSON.stringify({ serverUrl: 'ftp://x', wallId: 'tmc', screens: [] }),
  '/torn.json': '{"serverUrl": "http://',
  'C:\\ProgramData\\Pantau\\config.json': JSON.stringify({ wallId: 'win-wall' }),
  '/opt/pantau/resources/default-config.json': JSON.stringify({ serverUrl: 'http://pantau.local:8080', language: 'en' }),
};
const read = (file: string): string | null => files[file] ?? null;
const noFiles = (): string | null => null;

test('with nothing configured the wall shows the demo on this machine', () => {
  assert.deepEqual(resolveWorkstationConfig([], {}, noFiles), DEMO_WORKSTATION_CONFIG);
});

test('the machine provisioning file overrides what the setup screen saved locally; the flag overrides both', () => {
  const resolved = resolveConfig({
    argv: ['--server=http://10.0.0.3:9000'],
    env: {},
    platform: 'linux',
    read,
    local: { serverUrl: 'http://192.168.1.1:8080', wallId: 'local-wall', language: 'en', kiosk: { hideCursorAfterSeconds: 30 } },
  });
  assert.equal(resolved.config.serverUrl, 'http://10.0.0.3:9000');
  assert.equal(resolved.config.wallId, 'tmc', 'provisioning beats local');
  assert.equal(resolved.config.language, 'en', 'local beats built-in where provisioning is silent');
  assert.deepEqual(resolved.config.kiosk, { alwaysOnTop: true, hideCursorAfterSeconds: 30, preventDisplaySleep: true, startAtLogin: false }, 'kiosk options merge field by field');
  assert.equal(resolved.sources.serverUrl, 'command-line');
  assert.equal(resolved.sources['kiosk.hideCursorAfterSeconds'], 'local');
  assert.deepEqual(resolved.locked, ['kiosk.alwaysOnTop', 'screens', 'serverUrl', 'wallId'], 'what IT or the command line set cannot be changed in the setup screen');
});

test('environment sits between the provisioning file and the command line', () => {
  const resolved = resolveConfig({ argv: ['--lang=id'], env: { PANTAU_WALL: 'from-env', PANTAU_LANG: 'en' }, platform: 'linux', read });
  assert.equal(resolved.config.wallId, 'from-env');
  assert.equal(resolved.config.language, 'id');
});

test('the clocks keep WIB unless a layer names another zone; a zone the runtime does not know is refused', () => {
  assert.equal(resolveConfig({ argv: [], env: {}, platform: 'linux', read: noFiles }).config.timeZone, 'Asia/Jakarta');
  assert.equal(resolveConfig({ argv: [], env: { PANTAU_TIME_ZONE: 'Asia/Makassar' }, platform: 'linux', read: noFiles }).config.timeZone, 'Asia/Makassar');
  assert.equal(resolveConfig({ argv: ['--time-zone=Asia/Jayapura'], env: { PANTAU_TIME_ZONE: 'Asia/Makassar' }, platform: 'linux', read: noFiles }).config.timeZone, 'Asia/Jayapura');
  assert.throws(() => resolveConfig({ argv: ['--time-zone=Mars/Olympus'], env: {}, platform: 'linux', read: noFiles }), /command line: timeZone: must be an IANA time zone/);
});

test('--config or PANTAU_CONFIG replaces the machine file; a missing or torn file is an error, not a silent default', () => {
  assert.equal(resolveConfig({ argv: ['--config', '/srv/other.json'], env: {}, platform: 'linux', read }).config.wallId, 'polresta');
  assert.equal(resolveConfig({ argv: [], env: { PANTAU_CONFIG: '/srv/other.json' }, platform: 'linux', read }).config.wallId, 'polresta');
  assert.throws(() => resolveConfig({ argv: ['--config', '/missing.json'], env: {}, platform: 'linux', read }), /missing\.json: no such file/);
  assert.throws(() => resolveConfig({ argv: ['--config', '/torn.json'], env: {}, platform: 'linux', read }), /torn\.json: cannot be read as JSON/);
});

test('a bad layer is refused naming the layer and each bad field', () => {
  assert.throws(() => resolveConfig({ argv: ['--config', '/bad.json'], env: {}, platform: 'linux', read }), /\/bad\.json: serverUrl: .*; screens: /);
  assert.throws(() => resolveConfig({ argv: ['--lang=fr'], env: {}, platform: 'linux', read: noFiles }), /command line: language: /);
  assert.throws(() => resolveConfig({ argv: [], env: { PANTAU_SERVER_URL: 'javascript:alert(1)' }, platform: 'linux', read: noFiles }), /environment: serverUrl: /);
});

test('on Windows the provisioning file is under ProgramData; the packaged default sits below local settings', () => {
  const resolved = resolveConfig({
    argv: [],
    env: { ProgramData: 'C:\\ProgramData' },
    platform: 'win32',
    read,
    packagedDefaultsFile: '/opt/pantau/resources/default-config.json',
    local: { language: 'id' },
  });
  assert.equal(resolved.provisioningFile, 'C:\\ProgramData\\Pantau\\config.json');
  assert.equal(resolved.config.wallId, 'win-wall');
  assert.equal(resolved.config.serverUrl, 'http://pantau.local:8080');
  assert.equal(resolved.config.language, 'id');
});

test('the enrolled token from the vault is used unless IT provisions one', () => {
  assert.equal(resolveConfig({ argv: [], env: {}, platform: 'linux', read: noFiles, storedToken: 'enrolled' }).config.token, 'enrolled');
  assert.equal(resolveConfig({ argv: [], env: { PANTAU_DEVICE_TOKEN: 'provisioned' }, platform: 'linux', read: noFiles, storedToken: 'enrolled' }).config.token, 'provisioned');
});

test('command-line switches and screen lists', () => {
  const config = resolveWorkstationConfig(['--screens=1,map', '--always-on-top', '--no-always-on-top', '--global-hotkeys', '--hide-cursor-after', '0'], {}, noFiles);
  assert.deepEqual(config.screens, [{ screenId: '1' }, { screenId: 'map' }]);
  assert.equal(config.kiosk.alwaysOnTop, false, 'the last switch wins');
  assert.equal(config.kiosk.hideCursorAfterSeconds, 0);
  assert.equal(config.hotkeys.global, true);
});
