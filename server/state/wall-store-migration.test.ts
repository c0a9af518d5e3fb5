import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteIncidentStore } from '../incidents/sqlite-incident-store.js';
import { SqlitePendingPushStore } from './pending-push-store.js';
import { WallStore } from './wall-store.js';

// Written by the server at schema version 2 (before incidents and push reverts were stored):
// the demo wall with screen 1 set to 2x2 and preset 7 saved, by Budi.
const FIXTURE = join(import.meta.dirname, 'fixtures', 'pantau-schema-2.sqlite');

test('a database from schema version 2 opens at the current version with its wall state, history and audit intact', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pantau-migrate-')), 'pantau.sqlite');
  copyFileSync(FIXTURE, file);
  const store = new WallStore(file);
  assert.equal(store.schemaVersion, 3);
  assert.equal(store.epoch, '0b5a1245', 'the epoch is kept, so screens catch up instead of taking a snapshot');
  const wall = store.loadWall('demo');
  assert.ok(wall);
  assert.equal(wall.sequence, 2);
  assert.equal(wall.screens.find((screen) => screen.id === '1')?.layout.template, '2x2');
  assert.equal(wall.presets.find((preset) => preset.number === 7)?.name, 'Gladak');
  assert.deepEqual(store.changesSince('demo', 0, 2)?.map((change) => change.intentType), ['set-layout', 'save-preset']);
  assert.deepEqual(store.queryAudit({ wallId: 'demo', limit: 10 }).map((entry) => [entry.userName, entry.outcome]), [['Budi', 'applied'], ['Budi', 'applied']]);
  assert.deepEqual(new SqliteIncidentStore(store.database).load(), { incidents: [], alerts: [], issued: { incidents: 0, alerts: 0 } });
  assert.deepEqual(new SqlitePendingPushStore(store.database).load(), []);
  store.close();
  const reopened = new WallStore(file);
  assert.equal(reopened.schemaVersion, 3, 'opening again migrates nothing twice');
  reopened.close();
});
