import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Alert } from '../../protocol/incidents.js';
import { countByPriority, marqueePlan, marqueeTiming, newCriticalAlerts, newestFirst, tickerAlerts } from './alert-order.js';

const alert = (id: string, at: string, priority: Alert['priority'] = 'medium', acknowledged = false): Alert => ({
  id,
  priority,
  kind: 'call-112',
  text: `alert ${id}`,
  at: `2026-11-02T08:${at}:00.000Z`,
  ...(acknowledged ? { acknowledgedBy: { userId: 'budi', name: 'Budi' }, acknowledgedAt: '2026-11-02T09:00:00.000Z' } : {}),
});

test('the newest alert comes first; at the same minute the more urgent one leads', () => {
  const ordered = newestFirst([alert('a', '01'), alert('b', '05', 'low'), alert('c', '05', 'critical'), alert('d', '03')]);
  assert.deepEqual(ordered.map((entry) => entry.id), ['c', 'b', 'd', 'a']);
});

test('the ticker leaves out acknowledged alerts and keeps the newest up to its limit', () => {
  const shown = tickerAlerts([alert('a', '01'), alert('b', '02', 'high', true), alert('c', '03'), alert('d', '04')], 2);
  assert.deepEqual(shown.map((entry) => entry.id), ['d', 'c']);
});

test('only unseen, unacknowledged critical alerts sound', () => {
  const alerts = [alert('a', '01', 'critical'), alert('b', '02', 'critical'), alert('c', '03', 'high'), alert('d', '04', 'critical', true)];
  assert.deepEqual(newCriticalAlerts(new Set(['a']), alerts).map((entry) => entry.id), ['b']);
});

test('the strip stays still when its content fits and scrolls at reading speed when it overflows', () => {
  assert.deepEqual(marqueePlan(800, 1000, 90), { scrolls: false, durationSeconds: 0 });
  assert.deepEqual(marqueePlan(1000.5, 1000, 90), { scrolls: false, durationSeconds: 0 }, 'sub-pixel rounding is no overflow');
  assert.deepEqual(marqueePlan(2700, 1000, 90), { scrolls: true, durationSeconds: 30 });
  assert.equal(marqueePlan(1100, 1000, 900).durationSeconds, 4, 'never faster than one pass in 4 s');
});

test('the list header counts unacknowledged alerts by priority', () => {
  assert.deepEqual(countByPriority([alert('a', '01', 'critical'), alert('b', '02', 'critical', true), alert('c', '03', 'low')]), { critical: 1, high: 0, medium: 0, low: 1 });
});

test('in software rendering the marquee moves in steps: 15 a second over a 30-s pass', () => {
  const plan = marqueePlan(2700, 1000, 90);
  assert.equal(marqueeTiming(plan, 15), 'steps(450)');
  assert.equal(marqueeTiming(plan, null), 'linear', 'smooth where a GPU draws it');
  assert.equal(marqueeTiming(marqueePlan(800, 1000, 90), 15), 'linear', 'a still strip has nothing to step');
});
