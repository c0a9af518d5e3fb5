import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../server/app.js';
import { launchChromium } from './support/chromium.js';
import { startTestServer } from './support/test-server.js';

// Incidents end to end: the real server (without the simulator, so that only what a test sends
// is on the wall), its HTTP ingest API as an outside system uses it, and Chromium windows showing
// screens of the wall.
const INGEST_TOKEN = 'test-ingest-token-0001';
const WAIT = { timeout: 15_000 };

async function openScreen(browser: Browser, server: RunningServer, screen: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto(`${server.url}/?wall=demo&screen=${screen}`);
  await page.waitForSelector('[data-testid="screen"][data-connection="online"]', WAIT);
  return page;
}

/** POSTs a JSON body to the ingest API as an outside system does; returns the status and the parsed answer. */
async function ingest(server: RunningServer, what: 'incidents' | 'alerts', body: unknown, token = INGEST_TOKEN): Promise<{ status: number; answer: unknown }> {
  const response = await fetch(`${server.url}/api/ingest/${what}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, answer: await response.json() };
}

/** The ids the ticker of a window lists (its own copy, not the marquee's second one). */
const tickerAlertIds = (page: Page) => page.locator('.ticker .ticker__list').first().locator('[data-alert-id]')
  .evaluateAll((items) => items.map((item) => item.getAttribute('data-alert-id')));

const waitForTickerAlert = (page: Page, alertId: string) =>
  page.locator(`.ticker .ticker__list >> nth=0 >> [data-alert-id="${alertId}"]`).waitFor(WAIT);

const waitForTickerWithout = (page: Page, alertId: string) =>
  page.waitForFunction((id) => document.querySelector(`.ticker [data-alert-id="${id}"]`) === null, alertId, WAIT);

const PANIC_INCIDENT = {
  source: 'solo-destination', sourceId: 'PB-E2E-0001', category: 'panic-button', severity: 'critical',
  title: 'Tombol panik ditekan di Pasar Gede', reportedVia: 'panic-button',
  location: { latitude: -7.5693, longitude: 110.8312 }, address: 'Pasar Gede, Jl. Urip Sumoharjo',
};

describe('alert ticker and ingest API', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer({ simulate: false, ingestTokens: [INGEST_TOKEN] });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an alert posted through the ingest API shows in the ticker of two windows; acknowledged in one, it leaves both', async () => {
    const [first, second] = [await openScreen(browser, server, '1'), await openScreen(browser, server, '2')];
    const posted = await ingest(server, 'alerts', { source: 'call-112', sourceId: 'CALL-E2E-0001', priority: 'high', kind: 'call-112', text: 'Penelepon: asap tebal dari kios' });
    assert.equal(posted.status, 201, JSON.stringify(posted.answer));
    const alertId = (posted.answer as { id: string }).id;
    await Promise.all([waitForTickerAlert(first, alertId), waitForTickerAlert(second, alertId)]);
    assert.match(await second.locator(`.ticker [data-alert-id="${alertId}"]`).first().innerText(), /asap tebal dari kios/);

    await first.locator(`.ticker .ticker__list >> nth=0 >> [data-alert-id="${alertId}"] .ticker__ack`).click();
    await Promise.all([waitForTickerWithout(first, alertId), waitForTickerWithout(second, alertId)]);
    assert.equal(server.incidents.alert(alertId)?.acknowledgedBy?.name, 'Demo', 'the acknowledgement names who made it');
    await first.close();
    await second.close();
  });

  test('the ingest API refuses a bad payload with a 4xx naming the field and changes nothing; a good one appears on the wall', async () => {
    const page = await openScreen(browser, server, '1');
    const before = { incidents: server.incidents.snapshot(), wallSequence: server.wallService.wall('demo')?.sequence, ticker: await tickerAlertIds(page) };

    const bad = await ingest(server, 'incidents', { ...PANIC_INCIDENT, severity: 'catastrophic', location: { latitude: -7.5693 } });
    assert.equal(bad.status, 400);
    const error = (bad.answer as { error: { code: string; issues: { field: string }[] } }).error;
    assert.equal(error.code, 'bad-request');
    assert.deepEqual(error.issues.map((issue) => issue.field).sort(), ['location.longitude', 'severity']);
    const unknownField = await ingest(server, 'incidents', { ...PANIC_INCIDENT, severty: 'high' });
    assert.equal(unknownField.status, 400);
    assert.match(JSON.stringify(unknownField.answer), /severty/);
    const wrongToken = await ingest(server, 'incidents', PANIC_INCIDENT, 'not-a-token-of-this-server');
    assert.equal(wrongToken.status, 401);

    // Nothing changed: the same incidents and alerts at the same sequence, the same wall, the same ticker.
    assert.equal(server.incidents.snapshot().sequence, before.incidents.sequence);
    assert.equal(server.wallService.wall('demo')?.sequence, before.wallSequence);
    assert.deepEqual(await tickerAlertIds(page), before.ticker);

    const good = await ingest(server, 'incidents', PANIC_INCIDENT);
    assert.equal(good.status, 201, JSON.stringify(good.answer));
    const incidentId = (good.answer as { id: string }).id;
    const raised = server.incidents.snapshot().alerts.find((alert) => alert.incidentId === incidentId);
    assert.ok(raised, 'a new incident raises an alert');
    await waitForTickerAlert(page, raised.id);
    assert.match(await page.locator(`.ticker [data-alert-id="${raised.id}"]`).first().innerText(), /KRITIS|Tombol panik/i);

    // The same source id again updates the incident instead of doubling it.
    const repeat = await ingest(server, 'incidents', { ...PANIC_INCIDENT, status: 'verified' });
    assert.equal(repeat.status, 200);
    assert.equal((repeat.answer as { id: string }).id, incidentId);
    assert.equal(server.incidents.snapshot().incidents.filter((incident) => incident.sourceId === PANIC_INCIDENT.sourceId).length, 1);
    await page.close();
  });
});
