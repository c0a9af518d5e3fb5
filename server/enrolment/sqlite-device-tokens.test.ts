import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { WallStore } from '../state/wall-store.js';
import { DeviceTokens } from './device-tokens.js';
import { SqliteDeviceTokenRepository } from './sqlite-device-tokens.js';

test('an enrolled workstation keeps its device token across a server restart; a revoked one does not', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pantau-tokens-')), 'pantau.sqlite');
  let store = new WallStore(file);
  const token = new DeviceTokens(new SqliteDeviceTokenRepository(store.database)).issue({ workstationId: 'ws-07', machineName: 'WALL-PC-07', role: 'operator', walls: ['demo'], issuedBy: 'Sari' });
  store.close();
  store = new WallStore(file);
  const tokens = new DeviceTokens(new SqliteDeviceTokenRepository(store.database));
  assert.deepEqual(tokens.resolveDeviceToken(token), { userId: 'ws-07', name: 'workstation WALL-PC-07', role: 'operator', walls: ['demo'], workstationId: 'ws-07' });
  assert.equal(tokens.resolveDeviceToken(`${token}x`), undefined);
  assert.ok(tokens.revoke('ws-07'));
  assert.equal(tokens.resolveDeviceToken(token), undefined);
  assert.equal(store.schemaVersion, 3);
  store.close();
});
