import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SETTINGS_SCHEMA_VERSION } from '../../protocol/index.js';
import { freshSettings, migrateSettings } from './settings-migrations.js';

test('a new machine starts with empty settings of the current version', () => {
  const result = migrateSettings({});
  assert.ok(result.ok);
  assert.equal(result.settings.schemaVersion, SETTINGS_SCHEMA_VERSION);
  assert.deepEqual(result.settings, { ...freshSettings() });
  assert.equal(result.migratedFrom, null, 'a new file is not a migration');
});

test('the first version (the skeleton file, token in clear) is migrated: configuration kept, token handed over for encryption', () => {
  const result = migrateSettings({ serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', language: 'en', token: 'secret', screens: [{ screenId: '1' }] });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.migratedFrom, 0);
  assert.equal(result.plainToken, 'secret');
  assert.deepEqual(result.settings.config, { serverUrl: 'http://10.0.0.2:8080', wallId: 'tmc', language: 'en', screens: [{ screenId: '1' }] });
  assert.equal(JSON.stringify(result.settings).includes('secret'), false, 'the clear token is not in the migrated settings');
});

test('a current file passes unchanged', () => {
  const settings = { ...freshSettings(), gpuCrashCount: 2, config: { wallId: 'tmc' } };
  const result = migrateSettings(JSON.parse(JSON.stringify(settings)));
  assert.ok(result.ok);
  assert.equal(result.migratedFrom, null);
  assert.deepEqual(result.settings, settings);
});

test('a file from a newer Pantau or with bad fields is refused with the reason', () => {
  const newer = migrateSettings({ schemaVersion: SETTINGS_SCHEMA_VERSION + 1 });
  assert.ok(!newer.ok);
  assert.match(newer.reason, /newer Pantau/);
  const bad = migrateSettings({ schemaVersion: 1, gpuCrashCount: -1, config: { serverUrl: 'file:///etc' } });
  assert.ok(!bad.ok);
  assert.match(bad.reason, /config\.serverUrl/);
  assert.match(bad.reason, /gpuCrashCount/);
  assert.ok(!migrateSettings([]).ok);
});
