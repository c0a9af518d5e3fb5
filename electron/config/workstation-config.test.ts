import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_WORKSTATION_CONFIG, resolveWorkstationConfig } from './workstation-config.js';

const files: Record<string, string> = {
  '/etc/pantau/config.json': JSON.stringify({ serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', screens: [{ screenId: 'a', display: { position: 2 } }] }),
  '/bad.json': JSON.stringify({ serverUrl: 'ftp://x', wallId: 'tmc', screens: [] }),
};
const read = (file: string): string => {
  const text = files[file];
  if (text === undefined) throw new Error('ENOENT');
  return text;
};

test('without a config file the wall shows the demo on this machine', () => {
  assert.deepEqual(resolveWorkstationConfig([], {}, read), DEMO_WORKSTATION_CONFIG);
});

test('--config loads a file and fills defaults; --server overrides its server URL', () => {
  const config = resolveWorkstationConfig(['--config', '/etc/pantau/config.json', '--server=http://10.0.0.3:9000'], {}, read);
  assert.equal(config.serverUrl, 'http://10.0.0.3:9000');
  assert.equal(config.wallId, 'tmc');
  assert.equal(config.language, 'id');
  assert.deepEqual(config.screens, [{ screenId: 'a', display: { position: 2 } }]);
});

test('PANTAU_CONFIG names the file when no flag does', () => {
  assert.equal(resolveWorkstationConfig([], { PANTAU_CONFIG: '/etc/pantau/config.json' }, read).wallId, 'tmc');
});

test('a bad file is refused naming each bad field', () => {
  assert.throws(() => resolveWorkstationConfig(['--config', '/bad.json'], {}, read), /\/bad\.json: serverUrl: .*; screens: /);
  assert.throws(() => resolveWorkstationConfig(['--config', '/missing.json'], {}, read), /cannot be read as JSON/);
});
