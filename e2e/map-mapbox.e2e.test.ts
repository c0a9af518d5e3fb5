/**
 * The incident map on mapbox-gl, as a deployment with a Mapbox token gets it, in Chromium with
 * software WebGL and no network: the bundled offline style, a public token of the right shape
 * that belongs to no account, and every request to Mapbox (session check, telemetry) failing as
 * in an offline command room. The city's boundaries, their labels and the incident pins must be
 * drawn (read back with queryRenderedFeatures), and diffs must reach the screen. Without a token
 * the same page stays on maplibre-gl and never fetches mapbox-gl.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIncident } from '../bench/support/map-incidents.js';
import { startMapHarness, type MapHarnessServer } from '../bench/support/map-harness.js';
import { launchChromiumWithWebGL } from './support/chromium-webgl.js';
import type {} from '../renderer/map/map-harness-api.js';

// pk.<base64url JSON {"u":"pantau-e2e","a":"offline"}>.<signature>: the shape mapbox-gl parses.
const DUMMY_TOKEN = 'pk.eyJ1IjoicGFudGF1LWUyZSIsImEiOiJvZmZsaW5lIn0.b2ZmbGluZS10ZXN0LXNpZ25hdHVyZQ';
const PINS = 'pantau-incident-pins';
const TIMEOUT = 45_000;

let harness: MapHarnessServer;
let browser: Browser;

before(async () => {
  harness = await startMapHarness();
  browser = await launchChromiumWithWebGL();
});

after(async () => {
  await browser?.close();
  await harness?.close();
});

type OpenedMap = { page: Page; mapboxRequests: string[]; scripts: string[]; problem: string | null };

/** Opens the harness; Mapbox's hosts are unreachable, as offline. Resolves when the map is ready or has said why not. */
async function openMap(query: string): Promise<OpenedMap> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const mapboxRequests: string[] = [];
  const scripts: string[] = [];
  await page.route(/^https?:\/\/([a-z0-9-]+\.)*mapbox\.com\//, (route) => {
    // Host and path only: the token travels in the query and stays out of test output.
    const url = new URL(route.request().url());
    mapboxRequests.push(`${url.host}${url.pathname}`);
    return route.abort('internetdisconnected');
  });
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${harness.url}${query}`);
  await page.waitForFunction(
    () => window.pantauMapHarness?.map !== null || document.querySelector('[data-testid="incident-map-problem"]') !== null,
    undefined,
    { timeout: TIMEOUT },
  );
  const problem = await page.evaluate(() => document.querySelector('[data-testid="incident-map-problem"]')?.textContent ?? null);
  return { page, mapboxRequests, scripts, problem };
}

/** Resolves once the map has drawn everything at its current view (a map already idle is asked to draw once more). */
async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.pantauMapHarness.map!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

async function renderedCount(page: Page, layer: string): Promise<number> {
  return page.evaluate((id) => window.pantauMapHarness.map!.queryRenderedFeatures({ layers: [id] }).length, layer);
}

async function pinIdsAt(page: Page, lonLat: [number, number]): Promise<unknown[]> {
  return page.evaluate(
    ({ lonLat, layer }) => {
      const map = window.pantauMapHarness.map!;
      const point = map.project(lonLat);
      return map.queryRenderedFeatures([[point.x - 4, point.y - 4], [point.x + 4, point.y + 4]], { layers: [layer] }).map((feature) => feature.properties?.id);
    },
    { lonLat, layer: PINS },
  );
}

test('with a Mapbox token the map runs on mapbox-gl offline: boundaries, labels and incident pins are drawn', { timeout: 180_000 }, async () => {
  const { page, mapboxRequests, problem } = await openMap(`?mapboxAccessToken=${DUMMY_TOKEN}`);
  assert.equal(problem, null, `the map started on mapbox-gl (it said: ${problem})`);
  assert.equal(await page.evaluate(() => window.pantauMapHarness.engine), 'mapbox-gl');
  await idle(page);
  // The offline style: 5 kecamatan filled, the city outline, and kecamatan names drawn from the local font.
  assert.equal(await renderedCount(page, 'kecamatan-fill') >= 5, true, 'kecamatan drawn');
  assert.ok((await renderedCount(page, 'kota-line')) >= 1, 'city outline drawn');
  assert.ok((await renderedCount(page, 'kecamatan-label')) >= 3, 'kecamatan names drawn (glyphs from the local font, no glyph server)');

  const incidents = [
    makeIncident({ id: 'mb-a', longitude: 110.8246, latitude: -7.5697, category: 'fire', severity: 'critical' }),
    makeIncident({ id: 'mb-b', longitude: 110.795, latitude: -7.564, category: 'crime', severity: 'low' }),
  ];
  await page.evaluate((list) => window.pantauMapHarness.setIncidents(list), incidents);
  await page.waitForFunction(() => window.pantauMapHarness.drawn.some((batch) => batch.incidentIds.includes('mb-b')), undefined, { timeout: TIMEOUT });
  for (const incident of incidents) {
    const at: [number, number] = [incident.location.longitude, incident.location.latitude];
    await page.evaluate((center) => window.pantauMapHarness.map!.jumpTo({ center, zoom: 16 }), at);
    await idle(page);
    assert.deepEqual(await pinIdsAt(page, at), [incident.id], `${incident.id} is drawn at its own place`);
    assert.deepEqual(await pinIdsAt(page, [at[0] + 0.003, at[1]]), [], 'and nowhere else');
  }

  // A diff (updateData on mapbox-gl's dynamic source): one incident removed, one added.
  const drawnBefore = await page.evaluate(() => window.pantauMapHarness.drawn.length);
  const added = makeIncident({ id: 'mb-c', longitude: 110.7952, latitude: -7.5642, category: 'congestion', severity: 'medium' });
  await page.evaluate((list) => window.pantauMapHarness.setIncidents(list), [incidents[0]!, added]);
  await page.waitForFunction(
    (count) => window.pantauMapHarness.drawn.slice(count).some((batch) => batch.incidentIds.includes('mb-c') && batch.incidentIds.includes('mb-b')),
    drawnBefore,
    { timeout: TIMEOUT },
  );
  await idle(page);
  assert.deepEqual(await pinIdsAt(page, [110.795, -7.564]), ['mb-c'], 'mb-b removed, mb-c drawn beside its place');

  // Mapbox was asked (session check, telemetry) and could not be reached: the map drew anyway.
  assert.ok(mapboxRequests.length > 0, 'mapbox-gl tried to reach Mapbox');
  assert.ok(mapboxRequests.every((request) => /(^|\.)mapbox\.com\//.test(request)));
  assert.equal(await page.locator('[data-testid="incident-map-problem"]').count(), 0, 'no problem shown after the failed requests');
  await page.close();
});

test('without a token the map stays on maplibre-gl and never fetches mapbox-gl', { timeout: 120_000 }, async () => {
  const { page, mapboxRequests, scripts, problem } = await openMap('');
  assert.equal(problem, null);
  assert.equal(await page.evaluate(() => window.pantauMapHarness.engine), 'maplibre-gl');
  await idle(page);
  assert.ok((await renderedCount(page, 'kecamatan-fill')) >= 5);
  assert.deepEqual(mapboxRequests, []);
  assert.ok(!scripts.some((path) => /mapbox-engine/.test(path)), `no mapbox-gl chunk fetched: ${scripts.join(', ')}`);
  await page.close();
});
