import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IncidentIngestSchema, type IncidentIngest } from '../../protocol/incidents.js';
import type { Logger } from '../log.js';
import { WallStore } from '../state/wall-store.js';
import { IncidentService, type IncidentServiceOptions } from './incident-service.js';
import { SqliteIncidentStore } from './sqlite-incident-store.js';

const cameras = [{ id: 'gladak', location: { latitude: -7.5745, longitude: 110.8275 } }];

function report(overrides: Partial<IncidentIngest> = {}) {
  return IncidentIngestSchema.parse({
    source: 'solo-destination', sourceId: 'PB-1', category: 'panic-button', severity: 'high', title: 'Tombol panik ditekan',
    location: { latitude: -7.5745, longitude: 110.8262 }, address: 'Bundaran Gladak', reportedVia: 'panic-button', ...overrides,
  });
}

function capturingLog() {
  const lines: string[] = [];
  const log: Logger = { info: (line) => lines.push(`INFO ${line}`), warn: (line) => lines.push(`WARN ${line}`), error: (line) => lines.push(`ERROR ${line}`) };
  return { log, lines };
}

/** A server's worth of incident persistence on `file`: open it, use it, close it, open it again. */
function open(file: string, options: Partial<IncidentServiceOptions> = {}, log = capturingLog().log) {
  const store = new WallStore(file);
  let clock = Date.parse('2026-11-02T08:00:00.000Z');
  const service = new IncidentService({ cameras: () => cameras, now: () => new Date((clock += 1000)), store: new SqliteIncidentStore(store.database, log), ...options });
  const count = (table: 'incidents' | 'alerts') => (store.database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { store, service, count };
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'pantau-incidents-')), 'pantau.sqlite');

test('incidents, alerts and acknowledgements survive a restart; a repeated source id still updates', () => {
  const file = tempFile();
  const first = open(file);
  const panic = first.service.ingestIncident(report({ note: 'Pelapor: dompet dijambret' }));
  const fire = first.service.ingestIncident(report({ source: 'call-112', sourceId: 'C-9', category: 'fire', severity: 'critical', reportedVia: '112' }));
  assert.ok(panic.ok && fire.ok);
  first.service.updateIncident(panic.incident.id, { status: 'dispatched', assignedAgency: 'police', note: 'Unit Sabhara menuju lokasi' });
  const linked = first.service.ingestAlert({ source: 'call-112', sourceId: 'A-1', priority: 'high', kind: 'call-112', text: 'Penelepon kedua: asap tebal', incidentSourceId: 'C-9' });
  assert.ok(linked.ok);
  first.service.acknowledge(linked.alert.id, { userId: 'budi', name: 'Budi' });
  const before = first.service.snapshot();
  first.store.close();

  const second = open(file);
  const after = second.service.snapshot();
  assert.deepEqual(after.incidents, before.incidents, 'status, timeline and agency are all there');
  assert.deepEqual(after.alerts, before.alerts, 'alerts with who acknowledged them');
  assert.equal(second.service.alert(linked.alert.id)?.acknowledgedBy?.name, 'Budi');

  const repeat = second.service.ingestIncident(report({ status: 'handled', note: 'Situasi terkendali' }));
  assert.ok(repeat.ok);
  assert.equal(repeat.created, false, 'the source id is still known after the restart');
  assert.equal(repeat.incident.id, panic.incident.id);
  const repeatAlert = second.service.ingestAlert({ source: 'call-112', sourceId: 'A-1', priority: 'high', kind: 'call-112', text: 'Penelepon kedua: asap tebal (ulang)' });
  assert.ok(repeatAlert.ok);
  assert.equal(repeatAlert.created, false);
  assert.equal(repeatAlert.alert.acknowledgedBy?.name, 'Budi', 'a repeat at the same priority keeps the acknowledgement');
  const fresh = second.service.ingestIncident(report({ sourceId: 'PB-2' }));
  assert.ok(fresh.ok && fresh.created);
  assert.ok(!before.incidents.some((incident) => incident.id === fresh.incident.id), 'a new incident gets an id of its own');
  assert.equal(second.count('incidents'), 3);
  second.store.close();

  const third = open(file);
  assert.equal(third.service.incident(panic.incident.id)?.status, 'handled', 'the update after the restart was stored too');
  third.store.close();
});

test('the pruning limits hold in the database, and pruned ids are never given out again', () => {
  const file = tempFile();
  const first = open(file, { closedLimit: 2, alertLimit: 3 });
  const ids: string[] = [];
  for (let index = 0; index < 5; index++) {
    const outcome = first.service.ingestIncident(report({ sourceId: `PB-${index}`, severity: 'low' }));
    assert.ok(outcome.ok);
    ids.push(outcome.incident.id);
  }
  for (const id of ids) first.service.updateIncident(id, { status: 'closed' });
  assert.equal(first.count('incidents'), 2, 'only the newest closed incidents are stored');
  assert.equal(first.count('alerts'), 3);
  first.store.close();

  const second = open(file, { closedLimit: 1, alertLimit: 2 });
  assert.deepEqual(second.service.snapshot().incidents.map((incident) => incident.id), [ids[4]], 'lower limits apply at load');
  assert.equal(second.count('incidents'), 1);
  assert.equal(second.count('alerts'), 2);
  const next = second.service.ingestIncident(report({ sourceId: 'PB-new' }));
  assert.ok(next.ok);
  assert.equal(next.incident.id, 'inc-6', 'numbering continues after the highest id ever issued, pruned ones included');
  const again = second.service.ingestIncident(report({ sourceId: 'PB-0', severity: 'low' }));
  assert.ok(again.ok && again.created, 'a pruned incident\'s source id starts a new incident');
  second.store.close();
});

test('a row that no longer passes the schema is skipped with a log line; the rest load', () => {
  const file = tempFile();
  const first = open(file);
  const good = first.service.ingestIncident(report({ sourceId: 'PB-good' }));
  const bad = first.service.ingestIncident(report({ sourceId: 'PB-bad' }));
  assert.ok(good.ok && bad.ok);
  first.store.database.prepare('UPDATE incidents SET incident_json = ? WHERE id = ?').run(JSON.stringify({ ...bad.incident, severity: 'apocalyptic' }), bad.incident.id);
  const alertId = first.service.snapshot().alerts[0]!.id;
  first.store.database.prepare('UPDATE alerts SET alert_json = ? WHERE id = ?').run('{"id": "alr-', alertId);
  first.store.close();

  const { log, lines } = capturingLog();
  const second = open(file, {}, log);
  assert.deepEqual(second.service.snapshot().incidents.map((incident) => incident.id), [good.incident.id]);
  assert.equal(second.service.alert(alertId), undefined);
  assert.equal(second.service.snapshot().alerts.length, 1);
  assert.ok(lines.some((line) => line.startsWith('ERROR') && line.includes(`incident "${bad.incident.id}" skipped`) && line.includes('severity')), lines.join('\n'));
  assert.ok(lines.some((line) => line.startsWith('ERROR') && line.includes(`alert "${alertId}" skipped: not JSON`)), lines.join('\n'));
  const next = second.service.ingestIncident(report({ sourceId: 'PB-next' }));
  assert.ok(next.ok);
  assert.notEqual(next.incident.id, bad.incident.id, 'the skipped row\'s id is not given out again');
  second.store.close();
});
