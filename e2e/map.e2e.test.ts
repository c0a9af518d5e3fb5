/**
 * The incident map in Chromium with software WebGL, fed through the harness page: incidents are
 * drawn where they are (read back with queryRenderedFeatures, not just a 'load' event), cluster
 * when zoomed out, change status, a camera's pop-up sends it to a tile, the heatmap comes from
 * the accident history over HTTP, a new critical incident flies the map, and a browser without
 * WebGL gets words instead of a blank map.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Incident } from '../protocol/incidents.js';
import { makeCamera, makeIncident } from '../bench/support/map-incidents.js';
import { startMapHarness, type MapHarnessServer } from '../bench/support/map-harness.js';
import { launchChromiumWithFlags, launchChromiumWithWebGL, NO_WEBGL_FLAGS } from './support/chromium-webgl.js';
import type {} from '../renderer/map/map-harness-api.js';

const PINS = 'pantau-incident-pins';
const CLUSTERS = 'pantau-incident-clusters';
const TIMEOUT = 30_000;

let harness: MapHarnessServer;
let browser: Browser;

const ACCIDENTS = {
  type: 'FeatureCollection',
  features: [110.81, 110.811, 110.812].map((lon) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, -7.566] },
    properties: { at: '2026-10-01T08:00:00+07:00', severity: 'high', place: 'Simpang Joglo', weight: 3 },
  })),
};

before(async () => {
  harness = await startMapHarness([
    (request, respond) => {
      if (!request.url.startsWith('/api/accident-history')) return false;
      respond(200, 'application/geo+json', JSON.stringify(ACCIDENTS));
      return true;
    },
  ]);
  browser = await launchChromiumWithWebGL();
});

after(async () => {
  await browser?.close();
  await harness?.close();
});

async function openMap(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${harness.url}${query}`);
  await page.waitForFunction(() => window.pantauMapHarness?.map !== null, undefined, { timeout: TIMEOUT });
  return page;
}

async function setIncidentsAndWait(page: Page, incidents: Incident[], waitForId: string): Promise<void> {
  await page.evaluate((list) => window.pantauMapHarness.setIncidents(list), incidents);
  await page.waitForFunction((id) => window.pantauMapHarness.drawn.some((batch) => batch.incidentIds.includes(id)), waitForId, { timeout: TIMEOUT });
}

/** Moves the map and resolves once it has drawn everything there. */
async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ center, zoom }) =>
      new Promise<void>((resolve) => {
        const map = window.pantauMapHarness.map!;
        map.once('idle', () => resolve());
        map.jumpTo({ center, zoom });
      }),
    { center, zoom },
  );
}

/** The rendered pin properties within a few pixels of a coordinate. */
async function pinsAt(page: Page, lonLat: [number, number]): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    ({ lonLat, layer }) => {
      const map = window.pantauMapHarness.map!;
      const point = map.project(lonLat);
      return map
        .queryRenderedFeatures([[point.x - 4, point.y - 4], [point.x + 4, point.y + 4]], { layers: [layer] })
        .map((feature) => feature.properties as Record<string, unknown>);
    },
    { lonLat, layer: PINS },
  );
}

test('incidents are drawn at their coordinates', async () => {
  const page = await openMap();
  const incidents = [
    makeIncident({ id: 'inc-a', longitude: 110.8246, latitude: -7.5697, category: 'fire', severity: 'high' }),
    makeIncident({ id: 'inc-b', longitude: 110.7950, latitude: -7.5640, category: 'crime', severity: 'low' }),
    makeIncident({ id: 'inc-c', longitude: 110.8470, latitude: -7.5550, category: 'congestion', severity: 'medium' }),
  ];
  await setIncidentsAndWait(page, incidents, 'inc-c');
  for (const incident of incidents) {
    const at: [number, number] = [incident.location.longitude, incident.location.latitude];
    await jumpTo(page, at, 16);
    const pins = await pinsAt(page, at);
    assert.deepEqual(pins.map((pin) => pin.id), [incident.id], `${incident.id} is drawn at its own place`);
    assert.equal(pins[0]!.category, incident.category);
    // Somewhere else there is no such pin: the query is about position, not mere presence.
    assert.equal((await pinsAt(page, [at[0] + 0.003, at[1]])).length, 0);
  }
  await page.close();
});

test('nearby incidents cluster when zoomed out and come apart when zoomed in', async () => {
  const page = await openMap();
  const incidents = Array.from({ length: 30 }, (_, i) =>
    makeIncident({ id: `near-${i}`, longitude: 110.82 + (i % 6) * 0.0008, latitude: -7.566 + Math.floor(i / 6) * 0.0008, severity: i === 0 ? 'critical' : 'low' }),
  );
  await setIncidentsAndWait(page, incidents, 'near-29');
  await jumpTo(page, [110.822, -7.5645], 12);
  const clustered = await page.evaluate(
    ({ clusters, pins }) => {
      const map = window.pantauMapHarness.map!;
      return {
        clusters: map.queryRenderedFeatures({ layers: [clusters] }).map((feature) => feature.properties as Record<string, number>),
        pins: map.queryRenderedFeatures({ layers: [pins] }).length,
      };
    },
    { clusters: CLUSTERS, pins: PINS },
  );
  assert.equal(clustered.pins, 0, 'no single pins at city zoom');
  assert.equal(clustered.clusters.reduce((sum, cluster) => sum + (cluster.point_count ?? 0), 0), 30);
  assert.ok(clustered.clusters.some((cluster) => cluster.critical === 1), 'a cluster counts its critical incident');
  await jumpTo(page, [110.822, -7.5645], 17.5);
  const apart = await page.evaluate((pins) => window.pantauMapHarness.map!.queryRenderedFeatures({ layers: [pins] }).length, PINS);
  assert.ok(apart >= 20, `most pins apart at street zoom (${apart})`);
  await page.close();
});

test('a status change is drawn on the pin, in words', async () => {
  const page = await openMap();
  const at: [number, number] = [110.8246, -7.5697];
  const incident = makeIncident({ id: 'inc-status', longitude: at[0], latitude: at[1], status: 'new' });
  await setIncidentsAndWait(page, [incident], 'inc-status');
  await jumpTo(page, at, 16);
  assert.equal((await pinsAt(page, at))[0]?.status, 'new');
  const dispatched = { ...incident, status: 'dispatched' as const, updatedAt: new Date(Date.now() + 1000).toISOString() };
  const drawnBefore = await page.evaluate(() => window.pantauMapHarness.drawn.length);
  await page.evaluate((list) => window.pantauMapHarness.setIncidents(list), [dispatched]);
  await page.waitForFunction(
    (count) => window.pantauMapHarness.drawn.slice(count).some((batch) => batch.incidentIds.includes('inc-status')),
    drawnBefore,
    { timeout: TIMEOUT },
  );
  await page.evaluate(() => new Promise<void>((resolve) => window.pantauMapHarness.map!.once('idle', () => resolve())));
  const pin = (await pinsAt(page, at))[0];
  assert.equal(pin?.status, 'dispatched');
  assert.match(String(pin?.label), /Petugas dikirim/);
  await page.close();
});

test('a camera opens its pop-up with the live slot and sends itself to a tile', async () => {
  const page = await openMap();
  const camera = makeCamera('cam-1', 1, 110.8246, -7.5697, 45);
  await page.evaluate((cameras) => window.pantauMapHarness.setCameras(cameras), [camera]);
  await jumpTo(page, [camera.location.longitude, camera.location.latitude], 16);
  const cones = await page.evaluate(() => window.pantauMapHarness.map!.queryRenderedFeatures({ layers: ['pantau-camera-cones'] }).length);
  assert.ok(cones >= 1, 'the camera view cone is drawn');
  const point = await page.evaluate((lonLat) => window.pantauMapHarness.map!.project(lonLat), [camera.location.longitude, camera.location.latitude] as [number, number]);
  await page.mouse.click(point.x, point.y);
  const popup = page.getByTestId('camera-popup');
  await popup.waitFor({ timeout: TIMEOUT });
  assert.equal(await popup.getAttribute('data-camera-id'), 'cam-1');
  assert.match(await popup.innerText(), /live cam-1/);
  await popup.getByRole('button', { name: /Kirim ke/ }).click();
  assert.deepEqual(await page.evaluate(() => window.pantauMapHarness.actions), ['send:cam-1:screen-1-tile-1']);
  await page.close();
});

test('the accident heatmap loads the history over HTTP when toggled on', async () => {
  const page = await openMap(`?accidentHistoryUrl=${encodeURIComponent('/api/accident-history')}`);
  assert.equal(await page.getByTestId('heatmap-legend').count(), 0);
  await page.evaluate(() => window.pantauMapHarness.setHeatmap(true));
  await page.getByTestId('heatmap-legend').waitFor({ timeout: TIMEOUT });
  assert.match(await page.getByTestId('heatmap-legend').innerText(), /Rawan kecelakaan/);
  await page.waitForFunction(() => window.pantauMapHarness.map!.querySourceFeatures('pantau-accident-history').length > 0, undefined, { timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => window.pantauMapHarness.map!.getLayoutProperty('pantau-accident-heatmap', 'visibility')), 'visible');
  await page.close();
});

test('a new critical incident flies the map to it, and the map returns home', async () => {
  const page = await openMap('?returnHomeAfterMs=3000');
  const home = await page.evaluate(() => window.pantauMapHarness.map!.getCenter().toArray() as [number, number]);
  // Where each movement of the map ended, recorded in the page: polling could miss a short stay.
  await page.evaluate(() => {
    const stops: [number, number][] = [];
    (window as unknown as { mapStops: [number, number][] }).mapStops = stops;
    const map = window.pantauMapHarness.map!;
    map.on('moveend', () => stops.push(map.getCenter().toArray() as [number, number]));
  });
  await setIncidentsAndWait(page, [makeIncident({ id: 'calm', longitude: 110.80, latitude: -7.56 })], 'calm');
  const critical = makeIncident({ id: 'fire-1', longitude: 110.8470, latitude: -7.5550, category: 'fire', severity: 'critical' });
  await page.evaluate((list) => window.pantauMapHarness.setIncidents(list), [critical]);
  const stoppedAt = (target: [number, number], after: number) =>
    page.waitForFunction(
      ({ target, after }) => {
        const stops = (window as unknown as { mapStops: [number, number][] }).mapStops;
        return stops.slice(after).findIndex(([lon, lat]) => Math.abs(lon - target[0]) < 1e-4 && Math.abs(lat - target[1]) < 1e-4) + after + 1 || 0;
      },
      { target, after },
      { timeout: TIMEOUT },
    );
  const atIncident = Number(await (await stoppedAt([critical.location.longitude, critical.location.latitude], 0)).jsonValue());
  await stoppedAt(home, atIncident);
  await page.close();
});

test('without WebGL the map says so in words instead of staying blank', async () => {
  const plain = await launchChromiumWithFlags(NO_WEBGL_FLAGS);
  try {
    const page = await plain.newPage();
    await page.goto(harness.url);
    const problem = page.getByTestId('incident-map-problem');
    await problem.waitFor({ timeout: TIMEOUT });
    assert.match(await problem.innerText(), /Peta tidak dapat dimulai[\s\S]*WebGL2/);
  } finally {
    await plain.close();
  }
});
