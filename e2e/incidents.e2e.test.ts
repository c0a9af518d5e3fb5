import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { RunningServer } from '../server/app.js';
import { launchChromium } from './support/chromium.js';
import { launchChromiumWithWebGL } from './support/chromium-webgl.js';
import { startTestServer } from './support/test-server.js';

// Incidents end to end: the real server (without the simulator, so that only what a test sends
// is on the wall), its HTTP ingest API as an outside system uses it, and Chromium windows showing
// screens of the wall.
const INGEST_TOKEN = 'test-ingest-token-0001';
const WAIT = { timeout: 15_000 };

async function openScreen(browser: Browser, server: RunningServer, screen: string, wall = 'demo'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
  await page.goto(`${server.url}/?wall=${wall}&screen=${screen}`);
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

/** Ingests an incident near a Solo landmark; returns its server id. */
async function ingestIncident(server: RunningServer, sourceId: string, severity: string, title: string): Promise<string> {
  const posted = await ingest(server, 'incidents', { ...PANIC_INCIDENT, sourceId, severity, title, category: 'crime', reportedVia: '112' });
  assert.equal(posted.status, 201, JSON.stringify(posted.answer));
  return (posted.answer as { id: string }).id;
}

describe('briefing screens', () => {
  let server: RunningServer;
  let browser: Browser;
  before(async () => {
    // A wall of two screens that each present the briefing, as a briefing room has.
    const dir = mkdtempSync(join(tmpdir(), 'pantau-briefing-walls-'));
    const wallsPath = join(dir, 'walls.json');
    writeFileSync(wallsPath, JSON.stringify({ walls: [{ id: 'briefing-room', name: 'Ruang briefing (test)', screens: [
      { id: 'b1', name: 'Briefing 1', layout: '1', tiles: [{ kind: 'briefing' }] },
      { id: 'b2', name: 'Briefing 2', layout: '1', tiles: [{ kind: 'briefing' }] },
    ] }] }));
    server = await startTestServer({ simulate: false, ingestTokens: [INGEST_TOKEN], wallsPath });
    browser = await launchChromiumWithWebGL();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('two briefing screens step together: the presenter\'s keys in one window move both', async () => {
    // The briefing order is most severe first: critical, high, medium.
    const ids = [
      await ingestIncident(server, 'BR-E2E-1', 'medium', 'Keributan di Pasar Klewer'),
      await ingestIncident(server, 'BR-E2E-2', 'critical', 'Kebakaran kios'),
      await ingestIncident(server, 'BR-E2E-3', 'high', 'Penjambretan'),
    ];
    const [critical, high, medium] = [ids[1], ids[2], ids[0]];
    const [presenter, follower] = [await openScreen(browser, server, 'b1', 'briefing-room'), await openScreen(browser, server, 'b2', 'briefing-room')];
    const showsOnBoth = (incidentId: string | undefined) => Promise.all([presenter, follower].map((page) =>
      page.waitForSelector(`[data-testid="briefing"][data-position="${incidentId ?? ''}"]`, WAIT)));
    await showsOnBoth(critical);

    await presenter.keyboard.press('PageDown');
    await showsOnBoth(high);
    await presenter.keyboard.press('ArrowRight');
    await showsOnBoth(medium);
    assert.match(await follower.getByTestId('briefing-details').innerText(), /Keributan di Pasar Klewer/);
    // The end of the list stops there instead of wrapping to the first.
    await presenter.keyboard.press('Space');
    await presenter.keyboard.press('PageUp');
    await showsOnBoth(high);
    // Either screen can lead: the follower steps back, the presenter follows.
    await follower.keyboard.press('ArrowLeft');
    await showsOnBoth(critical);
    assert.deepEqual(server.wallService.wall('briefing-room')?.briefing, { incidentIds: [critical], index: 0 });
    await presenter.close();
    await follower.close();
  });

  test('the briefing\'s push button sends the presented incident to the other screen, whose tiles then play its cameras', async () => {
    await ingestIncident(server, 'BR-E2E-PUSH', 'critical', 'Kebakaran gudang');
    const [presenter, follower] = [await openScreen(browser, server, 'b1', 'briefing-room'), await openScreen(browser, server, 'b2', 'briefing-room')];
    const pushToB2 = presenter.getByTestId('briefing-push').locator('button[data-screen-id="b2"]');
    await pushToB2.waitFor(WAIT);
    const presented = await presenter.getByTestId('briefing').getAttribute('data-position') ?? '';
    const related = server.incidents.incident(presented)?.relatedCameraIds ?? [];
    assert.ok(related.length > 0, 'the presented incident has cameras near it');
    await pushToB2.click();
    await follower.waitForSelector('[data-testid="grid"][data-template="1+5"]', WAIT);
    assert.deepEqual(await tileContents(follower), ['briefing', ...[...related.slice(0, 5), 'empty', 'empty', 'empty', 'empty', 'empty'].slice(0, 5)]);
    // The briefing inside names the cameras its neighbouring tiles play instead of decoding them again.
    await follower.waitForSelector(`[data-testid="briefing"][data-position="${presented}"] figure[data-on-tile]`, WAIT);
    assert.equal(await follower.locator('[data-testid="briefing"] [data-testid="live-camera"]').count(), 0);
    await presenter.close();
    await follower.close();
  });
});

describe('push an incident to the wall', () => {
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

  test('"2 M 5 B" in one window pushes the incident to monitor 2, which shows its briefing and cameras, then goes back after 5 s', async () => {
    const incidentId = await ingestIncident(server, 'PUSH-E2E-1', 'high', 'Penjambretan di Pasar Gede');
    const related = server.incidents.incident(incidentId)?.relatedCameraIds ?? [];
    const [operator, wall] = [await openScreen(browser, server, '1'), await openScreen(browser, server, '2')];
    const before = await tileContents(wall);
    // Every layout the second window shows, with its tiles as last seen in it, recorded as the
    // DOM changes: the pushed screen is checked even if the revert follows before a poll would look.
    await wall.evaluate(RECORD_LAYOUTS);
    for (const key of ['Digit2', 'KeyM', 'Digit5', 'KeyB']) await operator.keyboard.press(key);
    await wall.waitForFunction(() => {
      const seen = (window as unknown as { seenLayouts: { template: string }[] }).seenLayouts;
      return seen.some((entry) => entry.template === '1+5') && seen.at(-1)?.template === '2x2';
    }, undefined, WAIT);
    const layouts = await wall.evaluate(() => (window as unknown as { seenLayouts: { template: string; tiles: (string | null)[] }[] }).seenLayouts);
    assert.deepEqual(layouts.map((entry) => entry.template), ['2x2', '1+5', '2x2'], 'pushed once, then back');
    const expected = ['briefing', ...related.slice(0, 5), ...Array<string>(Math.max(0, 5 - related.length)).fill('empty')];
    assert.deepEqual(layouts[1]?.tiles, expected, 'the pushed screen: the briefing of the incident and its nearest cameras');
    assert.deepEqual(await tileContents(wall), before, 'the screen is back as it was before the push');
    const audit = server.wallService.query({ principal: { userId: 'demo', name: 'Demo', role: 'supervisor', walls: '*' }, workstationId: null }, 'demo', { type: 'audit', action: 'revert-push' });
    assert.ok(audit.ok && audit.result.type === 'audit');
    assert.match(audit.result.entries[0]?.detail ?? '', /5 s are up/);
    await operator.close();
    await wall.close();
  });
});

/** What each tile of a window shows, in tile order: its camera, its panel, or its state. */
const tileContents = (page: Page) => page.evaluate(() =>
  [...document.querySelectorAll('[data-testid="tile"]')]
    .sort((a, b) => Number(a.getAttribute('data-tile')) - Number(b.getAttribute('data-tile')))
    .map((tile) => tile.getAttribute('data-camera-id') ?? tile.getAttribute('data-panel') ?? tile.getAttribute('data-state')));

/**
 * Page script: records every layout a window shows, with its tiles as last seen in it, as the DOM
 * changes, in window.seenLayouts. A string, because the test runner's transpiler would add helpers
 * to a function that do not exist in the page.
 */
const RECORD_LAYOUTS = `(() => {
  const seen = [];
  window.seenLayouts = seen;
  const record = () => {
    const template = document.querySelector('[data-testid="grid"]')?.getAttribute('data-template') ?? '';
    const tiles = [...document.querySelectorAll('[data-testid="tile"]')]
      .sort((a, b) => Number(a.getAttribute('data-tile')) - Number(b.getAttribute('data-tile')))
      .map((tile) => tile.getAttribute('data-camera-id') ?? tile.getAttribute('data-panel') ?? tile.getAttribute('data-state'));
    const last = seen.at(-1);
    if (last?.template === template) last.tiles = tiles;
    else seen.push({ template, tiles });
  };
  record();
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-template', 'data-panel', 'data-camera-id'] });
})()`;
