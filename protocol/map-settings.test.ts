import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, describeIssues, describeMapSettings, formatIssues, mapConnectOrigins, MapSettingsSchema, WallsFileSchema, type MapSettings } from './index.js';

// Shaped like a real public token (pk.<base64 JSON>.<signature>), belonging to no account.
const PUBLIC_TOKEN = 'pk.eyJ1IjoicGFudGF1LXRlc3QiLCJhIjoidGVzdCJ9.dGVzdC1zaWduYXR1cmU';
const SECRET_TOKEN = 'sk.eyJ1IjoicGFudGF1LXRlc3QiLCJhIjoidGVzdCJ9.c2VjcmV0LXNpZ25hdHVyZQ';

const issuesOf = (input: unknown): string => {
  const parsed = MapSettingsSchema.safeParse(input);
  assert.equal(parsed.success, false, 'refused');
  return parsed.success ? '' : formatIssues(describeIssues(parsed.error));
};

test('map settings: a city style, a home view, a public token and fly-to settings are taken', () => {
  const settings = MapSettingsSchema.parse({
    styleUrl: 'https://tiles.surakarta.go.id/styles/solo-dark/style.json',
    home: { center: [110.8193, -7.5587], zoom: 12.6 },
    mapboxAccessToken: ` ${PUBLIC_TOKEN} `,
    connectOrigins: ['https://pmtiles.surakarta.go.id'],
    flyToCritical: false,
    returnHomeAfterSeconds: 90,
    focusZoom: 15.5,
  });
  assert.equal(settings.mapboxAccessToken, PUBLIC_TOKEN, 'trimmed');
  assert.deepEqual(MapSettingsSchema.parse({}), {});
  assert.equal(MapSettingsSchema.parse({ styleUrl: 'mapbox://styles/mapbox/dark-v11', mapboxAccessToken: PUBLIC_TOKEN }).styleUrl, 'mapbox://styles/mapbox/dark-v11');
});

test('map settings: a secret Mapbox token is refused by name, and the refusal never repeats it', () => {
  const message = issuesOf({ mapboxAccessToken: SECRET_TOKEN });
  assert.match(message, /^mapboxAccessToken: is a secret token \(sk\.\*\)/);
  assert.doesNotMatch(message, /must be a Mapbox public token/, 'one reason, not two');
  assert.ok(!message.includes(SECRET_TOKEN.slice(3)), 'the token is not echoed');
  assert.match(issuesOf({ mapboxAccessToken: 'abc' }), /mapboxAccessToken: must be a Mapbox public token/);
  assert.match(issuesOf({ mapboxAccessToken: 'pk.onlyonepart' }), /mapboxAccessToken: must be a Mapbox public token/);
});

test('map settings: bad URLs, views and unknown keys are refused with the field named', () => {
  assert.match(issuesOf({ styleUrl: 'ftp://tiles.example/style.json' }), /^styleUrl: /);
  assert.match(issuesOf({ styleUrl: 'pmtiles://tiles.example/solo.pmtiles' }), /^styleUrl: /);
  assert.match(issuesOf({ styleUrl: 'mapbox://styles/mapbox/dark-v11' }), /styleUrl: a mapbox:\/\/ style needs mapboxAccessToken/);
  assert.match(issuesOf({ home: { center: [-7.55, 110.8], zoom: 12 } }), /^home\.center\.1: /, 'latitude and longitude swapped');
  assert.match(issuesOf({ home: { center: [110.8, -7.55], zoom: 30 } }), /^home\.zoom: /);
  assert.match(issuesOf({ connectOrigins: ['https://tiles.example/path'] }), /^connectOrigins\.0: must be an origin/);
  assert.match(issuesOf({ returnHomeAfterSeconds: 1 }), /^returnHomeAfterSeconds: /);
  assert.match(issuesOf({ styleURL: 'https://tiles.example/style.json' }), /styleURL/);
});

test('the walls file carries the map section once, for every wall', () => {
  const walls = [{ id: 'w', name: 'W', screens: [{ id: '1', name: 'S', layout: '1' }] }];
  assert.equal(WallsFileSchema.parse({ walls, map: { mapboxAccessToken: PUBLIC_TOKEN } }).map?.mapboxAccessToken, PUBLIC_TOKEN);
  assert.equal(WallsFileSchema.parse({ walls }).map, undefined);
  const refused = WallsFileSchema.safeParse({ walls, map: { mapboxAccessToken: SECRET_TOKEN } });
  assert.equal(refused.success, false);
  if (!refused.success) assert.match(formatIssues(describeIssues(refused.error)), /^map\.mapboxAccessToken: is a secret token/);
});

test('the CSP lets the page reach the provisioned style, and Mapbox only with a token', () => {
  const city: MapSettings = { styleUrl: 'https://tiles.surakarta.go.id:8443/styles/solo.json', connectOrigins: ['https://cdn.surakarta.go.id'] };
  const cityCsp = contentSecurityPolicy(mapConnectOrigins(city));
  assert.match(cityCsp, /connect-src 'self' https:\/\/tiles\.surakarta\.go\.id:8443 https:\/\/cdn\.surakarta\.go\.id;/);
  assert.doesNotMatch(cityCsp, /mapbox/);
  const withToken = contentSecurityPolicy(mapConnectOrigins({ ...city, mapboxAccessToken: PUBLIC_TOKEN }));
  assert.match(withToken, /connect-src [^;]*https:\/\/api\.mapbox\.com[^;]*https:\/\/events\.mapbox\.com/);
  assert.ok(!withToken.includes(PUBLIC_TOKEN), 'the token is no part of the CSP');
  // mapbox-gl runs its worker from a blob: URL; the CSP already allows it.
  assert.match(withToken, /worker-src 'self' blob:/);
  assert.deepEqual(mapConnectOrigins(undefined), []);
  assert.deepEqual(mapConnectOrigins({ styleUrl: 'mapbox://styles/mapbox/dark-v11', mapboxAccessToken: PUBLIC_TOKEN }), ['https://api.mapbox.com', 'https://a.tiles.mapbox.com', 'https://b.tiles.mapbox.com', 'https://events.mapbox.com']);
});

test('the server log line names the engine and the style, never the token', () => {
  assert.equal(describeMapSettings(undefined), 'map: maplibre-gl, the bundled offline style');
  const line = describeMapSettings({ styleUrl: 'https://tiles.example/style.json?key=abc', mapboxAccessToken: PUBLIC_TOKEN });
  assert.equal(line, 'map: mapbox-gl (a Mapbox public token is provisioned), style https://tiles.example/style.json');
  assert.ok(!line.includes('pk.'));
});
