/**
 * `npm run bench -- map`: 10,000 incidents on the map in Chromium's software WebGL, a feed of 10
 * updates a second (new incidents, moves, status changes), the time from an update's arrival at
 * the map component to the first frame drawn with it (p50, p95), and frames per second while
 * the map flies between incidents with the feed still running. Writes bench/results/map.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { Incident } from '../protocol/incidents.js';
import type { Browser } from 'playwright-core';
import { launchChromiumWithFlags, WEBGL_SOFTWARE_FLAGS } from '../e2e/support/chromium-webgl.js';
import { startMapHarness } from './support/map-harness.js';
import { randomIncidents } from './support/map-incidents.js';
import type {} from '../renderer/map/map-harness-api.js';
import { DEFAULT_MAP_OPTIONS } from '../renderer/map/map-options.js';

const INCIDENTS = 10_000;
const UPDATES_PER_SECOND = 10;
const FEED_SECONDS = 15;
const FLIGHTS = 6;
const FLIGHT_MS = 2500;

type Mode = { flags: readonly string[]; webgl: string };

/**
 * Chromium's two ways of drawing WebGL without a GPU. Headless tests force SwiftShader as the GL
 * driver for everything (the page's compositor too); a real PC without a GPU runs "in all
 * software mode", SwiftShader for WebGL alone and the compositor on the CPU (Chromium's
 * docs/gpu/swiftshader.md), which costs a read-back of the map canvas on every frame. The first
 * gives the headline figures (comparable with earlier runs); the second is in details.
 */
const SWIFTSHADER_GL: Mode = { flags: WEBGL_SOFTWARE_FLAGS, webgl: 'SwiftShader as the GL driver (WebGL and compositing), headless Chromium 1920x1080' };
const ALL_SOFTWARE: Mode = { flags: [...WEBGL_SOFTWARE_FLAGS, '--disable-gpu-compositing'], webgl: 'SwiftShader WebGL, software compositing, headless Chromium 1920x1080' };

const harness = await startMapHarness();
try {
  const headline = await runMode(SWIFTSHADER_GL);
  const allSoftware = await runMode(ALL_SOFTWARE);
  const results = {
    incidents: INCIDENTS,
    updates_per_s: UPDATES_PER_SECOND,
    fps: headline.fps,
    apply_p50_ms: headline.apply_p50_ms,
    apply_p95_ms: headline.apply_p95_ms,
    bench: 'map',
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', webgl: SWIFTSHADER_GL.webgl },
    details: {
      ...headline.details,
      batch_window_ms: DEFAULT_MAP_OPTIONS.batchMs,
      software_motion_scale: DEFAULT_MAP_OPTIONS.softwareMotionScale,
      all_software_mode: { webgl: ALL_SOFTWARE.webgl, fps: allSoftware.fps, apply_p50_ms: allSoftware.apply_p50_ms, apply_p95_ms: allSoftware.apply_p95_ms, ...allSoftware.details },
    },
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/map.json', JSON.stringify(results, null, 2) + '\n');
  console.log(JSON.stringify(results, null, 2));
} finally {
  await harness.close();
}

/** Loads the incidents, runs the feed at the city view and then during flights, in one Chromium mode. */
async function runMode(mode: Mode) {
  const browser = await launchChromiumWithFlags(mode.flags);
  try {
    return await measure(browser);
  } finally {
    await browser.close();
  }
}

async function measure(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (error) => console.error('[page]', error.message));
  // tsx compiles the in-page functions below with esbuild's keepNames, which calls a __name helper.
  await page.addInitScript({ content: 'window.__name = (target) => target;' });
  // The bench flies the map itself: the automatic fly-to of new critical incidents would cut its flights short.
  await page.goto(`${harness.url}?flyToCritical=false`);
  await page.waitForFunction(() => window.pantauMapHarness?.map !== null, undefined, { timeout: 60_000 });
  const incidents = randomIncidents(INCIDENTS, 11);
  const lastId = incidents[incidents.length - 1]?.id ?? '';
  const loadStart = performance.now();
  await page.evaluate((list) => window.pantauMapHarness.setIncidents(list), incidents);
  await page.waitForFunction((id) => window.pantauMapHarness.drawn.some((batch) => batch.incidentIds.includes(id)), lastId, { timeout: 120_000 });
  const initialDrawMs = performance.now() - loadStart;

  // The feed and the flights run in the page, so that the measure is the map's, not the driver's.
  const result = await page.evaluate(
    async ({ incidents, updatesPerSecond, feedSeconds, flights, flightMs }) => {
      const harness = window.pantauMapHarness;
      const map = harness.map;
      if (!map) throw new Error('map not ready');
      const byId = new Map<string, Incident>(incidents.map((incident) => [incident.id, incident]));
      const arrivals = new Map<string, number>();
      const latencies: { ms: number; flying: boolean }[] = [];
      let flying = false;
      let seed = 1;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const statuses = ['new', 'verified', 'dispatched', 'handled', 'closed'] as const;
      const ids = [...byId.keys()];
      const pick = (): Incident => {
        const incident = byId.get(ids[Math.floor(random() * ids.length)] ?? '');
        if (!incident) throw new Error('no incident to update');
        return incident;
      };
      let created = 0;
      const drawnFrom = harness.drawn.length;
      let checked = drawnFrom;
      const collect = () => {
        for (; checked < harness.drawn.length; checked++) {
          for (const id of harness.drawn[checked]?.incidentIds ?? []) {
            const arrived = arrivals.get(id);
            if (arrived === undefined) continue;
            latencies.push({ ms: (harness.drawn[checked]?.drawnAt ?? arrived) - arrived, flying });
            arrivals.delete(id);
          }
        }
      };
      const update = (n: number) => {
        const now = new Date().toISOString();
        const kind = n % 3;
        let changed: Incident;
        if (kind === 0) {
          const base = pick();
          changed = { ...base, id: `feed-${created++}`, sourceId: `feed-${created}`, createdAt: now, updatedAt: now, status: 'new' };
        } else {
          const base = pick();
          changed =
            kind === 1
              ? { ...base, updatedAt: now, location: { longitude: base.location.longitude + (random() - 0.5) * 0.002, latitude: base.location.latitude + (random() - 0.5) * 0.002 } }
              : { ...base, updatedAt: now, status: statuses[(statuses.indexOf(base.status) + 1) % statuses.length] ?? 'new' };
        }
        byId.set(changed.id, changed);
        arrivals.set(changed.id, performance.now());
        harness.setIncidents([...byId.values()]);
      };
      const total = updatesPerSecond * feedSeconds * 2;
      let sent = 0;
      const feed = setInterval(() => {
        if (sent >= total) return;
        update(sent++);
        collect();
      }, 1000 / updatesPerSecond);

      // First half: the feed alone, at the home view.
      await new Promise((resolve) => setTimeout(resolve, feedSeconds * 1000));
      // Second half: flights between incidents, counting frames drawn while moving.
      let frames = 0;
      const ratios = new Set<number>();
      const onRender = () => {
        if (!flying) return;
        frames++;
        ratios.add(map.getPixelRatio?.() ?? window.devicePixelRatio);
      };
      map.on('render', onRender);
      let flightTime = 0;
      for (let i = 0; i < flights; i++) {
        const target = pick();
        const started = performance.now();
        flying = true;
        await new Promise<void>((resolve) => {
          map.once('moveend', () => resolve());
          map.flyTo({ center: [target.location.longitude, target.location.latitude], zoom: i % 2 === 0 ? 15.5 : 13, duration: flightMs, essential: true });
        });
        flying = false;
        flightTime += performance.now() - started;
      }
      map.off('render', onRender);
      // Let the rest of the feed and its draws come in, bounded.
      const deadline = performance.now() + 15_000;
      while ((sent < total || arrivals.size > 0) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        collect();
      }
      clearInterval(feed);
      collect();
      return { latencies, undrawn: arrivals.size, sent, fps: (frames / flightTime) * 1000, flightSeconds: flightTime / 1000, pixelRatiosWhileFlying: [...ratios].sort() };
    },
    { incidents, updatesPerSecond: UPDATES_PER_SECOND, feedSeconds: FEED_SECONDS, flights: FLIGHTS, flightMs: FLIGHT_MS },
  );

  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  };
  const all = result.latencies.map((entry) => entry.ms);
  const whileFlying = result.latencies.filter((entry) => entry.flying).map((entry) => entry.ms);
  const atHome = result.latencies.filter((entry) => !entry.flying).map((entry) => entry.ms);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    fps: round(result.fps),
    apply_p50_ms: round(percentile(all, 50)),
    apply_p95_ms: round(percentile(all, 95)),
    details: {
      initial_draw_ms: Math.round(initialDrawMs),
      updates_sent: result.sent,
      updates_drawn: all.length,
      updates_not_drawn: result.undrawn,
      apply_p50_ms_at_home: round(percentile(atHome, 50)),
      apply_p95_ms_at_home: round(percentile(atHome, 95)),
      apply_p50_ms_while_flying: round(percentile(whileFlying, 50)),
      apply_p95_ms_while_flying: round(percentile(whileFlying, 95)),
      apply_max_ms: round(Math.max(...all)),
      flight_seconds: round(result.flightSeconds),
      pixel_ratios_while_flying: result.pixelRatiosWhileFlying,
    },
  };
}
