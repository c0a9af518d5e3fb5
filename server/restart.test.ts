import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IncidentIngestSchema, type Principal } from '../protocol/index.js';
import { TEST_CATALOGUE, TEST_WALLS } from '../e2e/support/test-server.js';
import { startServer, type RunningServer } from './app.js';
import { defaultServerOptions } from './config/server-options.js';
import { findFreePort } from './net/port-check.js';
import { PUSH_REVERT } from './state/wall-service.js';
import { WallStore } from './state/wall-store.js';

// The whole server stopped and started again on the same data folder, as after an update or a
// power cut: incidents, acknowledgements and pending push reverts must come back.
const SARI: Principal = { userId: 'sari', name: 'Sari', role: 'supervisor', walls: '*' };

async function start(dataDir: string): Promise<RunningServer> {
  return startServer({
    ...defaultServerOptions(),
    port: await findFreePort(), rtmpPort: await findFreePort(), mediaHttpPort: await findFreePort(),
    simulate: false, wallsPath: TEST_WALLS, cataloguePath: TEST_CATALOGUE, dataDir, cacheDir: join(dataDir, 'cache'),
  });
}

function ingest(server: RunningServer, sourceId: string): string {
  const outcome = server.incidents.ingestIncident(IncidentIngestSchema.parse({
    source: 'solo-destination', sourceId, category: 'panic-button', severity: 'high', title: 'Tombol panik ditekan',
    reportedVia: 'panic-button', location: { latitude: -7.5691, longitude: 110.8316 }, address: 'Pasar Gede',
  }));
  assert.ok(outcome.ok);
  return outcome.incident.id;
}

const layoutOf = (server: RunningServer, screenId: string) => server.wallService.wall('demo')?.screens.find((screen) => screen.id === screenId)?.layout.template;

test('after a restart the incidents, acknowledgements and pending push reverts are all back', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'pantau-restart-')), 'data');
  const first = await start(dataDir);
  const layouts = { '1': layoutOf(first, '1'), '2': layoutOf(first, '2') };
  const waiting = ingest(first, 'PB-RESTART-1');
  const timed = ingest(first, 'PB-RESTART-2');
  const alertId = first.incidents.snapshot().alerts[0]!.id;
  assert.ok(first.incidents.acknowledge(alertId, { userId: 'sari', name: 'Sari' }).ok);
  const caller = { principal: SARI, workstationId: null };
  assert.ok(first.wallService.handleIntent(caller, 'demo', { type: 'push-incident', screenId: '1', incidentId: waiting, revertAfterSeconds: null }).ok);
  assert.ok(first.wallService.handleIntent(caller, 'demo', { type: 'push-incident', screenId: '2', incidentId: timed, revertAfterSeconds: 600 }).ok);
  assert.equal(layoutOf(first, '2'), '1+5');
  const incidentsBefore = first.incidents.snapshot().incidents;
  await first.close();

  // Screen 2's ten minutes pass while the server is down.
  const store = new WallStore(join(dataDir, 'pantau.sqlite'));
  store.database.prepare(`UPDATE pending_pushes SET revert_at = '2020-01-01T00:00:00.000Z' WHERE screen_id = '2'`).run();
  store.close();

  const second = await start(dataDir);
  try {
    assert.deepEqual(second.incidents.snapshot().incidents, incidentsBefore);
    assert.equal(second.incidents.alert(alertId)?.acknowledgedBy?.name, 'Sari');
    assert.equal(layoutOf(second, '2'), layouts['2'], 'past due: back to its layout at start');
    assert.equal(layoutOf(second, '1'), '1+5', 'its incident is still open: the push stays');
    assert.deepEqual(second.wallService.pendingPushes().map((push) => push.screenId), ['1']);
    assert.ok(second.incidents.updateIncident(waiting, { status: 'closed' }).ok);
    assert.equal(layoutOf(second, '1'), layouts['1'], 'the restored push reverts when its incident closes');
    const reverts = second.wallService.query(caller, 'demo', { type: 'audit', action: 'revert-push' });
    assert.ok(reverts.ok && reverts.result.type === 'audit');
    assert.deepEqual(reverts.result.entries.map((entry) => [entry.userId, entry.detail.includes('while the server was down')]), [[PUSH_REVERT.userId, false], [PUSH_REVERT.userId, true]]);
  } finally {
    await second.close();
  }
});
