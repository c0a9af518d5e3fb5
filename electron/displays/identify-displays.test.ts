import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identifyCards, identifyPageHtml } from './identify-displays.js';
import { ReplanScheduler } from './replan-scheduler.js';

test('identify numbers every display in the order the configuration positions use, with the screen it shows', () => {
  const displays = [
    { id: 9, label: 'LG', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    { id: 4, label: '<b>DELL</b>', bounds: { x: 0, y: 0, width: 2560, height: 1440 } },
  ];
  const cards = identifyCards(displays, [{ screenId: 'grid', displayId: 9, bounds: displays[0]!.bounds, matchedBy: 'next-free' }]);
  assert.deepEqual(cards.map((c) => [c.number, c.displayId, c.screenId]), [[1, 4, null], [2, 9, 'grid']]);
  const page = identifyPageHtml(cards[0]!, 'id');
  assert.match(page, /<div class="n">1<\/div>/);
  assert.match(page, /tanpa layar/);
  assert.ok(!page.includes('<b>DELL'), 'labels are escaped');
  assert.match(identifyPageHtml(cards[1]!, 'en'), /screen grid/);
});

test('a burst of display events re-plans once, naming its causes', () => {
  const pending: (() => void)[] = [];
  const runs: string[] = [];
  const scheduler = new ReplanScheduler(500, (cause) => runs.push(cause), { setTimeout: (run) => pending.push(run), clearTimeout: () => pending.shift() });
  scheduler.request('display-removed');
  scheduler.request('display-metrics-changed');
  scheduler.request('display-metrics-changed');
  assert.equal(pending.length, 1);
  pending.shift()?.();
  assert.deepEqual(runs, ['display-removed, display-metrics-changed']);
});
