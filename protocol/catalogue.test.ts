import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CatalogueFileSchema, describeIssues } from './index.js';

const camera = {
  id: 'solo-gladak',
  name: 'Bundaran Gladak',
  location: { latitude: -7.574, longitude: 110.827 },
  agency: 'police',
  ptz: true,
  streams: { main: '/live/solo-gladak-main.flv', sub: 'ws://10.0.0.5:8000/live/x.flv' },
};

function issuesOf(input: unknown): string[] {
  const result = CatalogueFileSchema.safeParse(input);
  assert.equal(result.success, false, 'expected the catalogue to be refused');
  return describeIssues(result.error!).map((issue) => `${issue.field}: ${issue.reason}`);
}

test('a well-formed catalogue is accepted; a camera is real unless it says how it is simulated', () => {
  const parsed = CatalogueFileSchema.parse({ cameras: [camera, { ...camera, id: 'clock', simulated: 'clock' }] });
  assert.equal(parsed.cameras[0]?.simulated, undefined);
  assert.equal(parsed.cameras[1]?.simulated, 'clock');
  assert.equal(CatalogueFileSchema.safeParse({ cameras: [{ ...camera, simulated: true }] }).success, false);
});

test('a bad latitude is refused naming the field', () => {
  const issues = issuesOf({ cameras: [{ ...camera, location: { latitude: -97, longitude: 110 } }] });
  assert.equal(issues.length, 1);
  assert.match(issues[0]!, /^cameras\.0\.location\.latitude: /);
});

test('an unknown agency and a non-stream URL are both named', () => {
  const issues = issuesOf({ cameras: [{ ...camera, agency: 'army', streams: { main: 'ftp://x/y' } }] });
  assert.ok(issues.some((issue) => issue.startsWith('cameras.0.agency')), issues.join('\n'));
  assert.ok(issues.some((issue) => issue.startsWith('cameras.0.streams.main: must be a ws://')), issues.join('\n'));
});

test('duplicate camera ids are refused at the second one', () => {
  const issues = issuesOf({ cameras: [camera, { ...camera, name: 'Copy' }] });
  assert.deepEqual(issues, ['cameras.1.id: duplicate camera id "solo-gladak"']);
});

test('unknown fields are refused rather than silently ignored', () => {
  const issues = issuesOf({ cameras: [{ ...camera, rtspPassword: 'secret' }] });
  assert.match(issues[0]!, /^cameras\.0: .*rtspPassword/);
});
