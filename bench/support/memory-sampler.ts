import { readFileSync, readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';

export interface PlayerCounts {
  tilePlayers: number;
  engines: number;
  enginesCreated: number;
  videoElements: number;
}

export interface MemorySample {
  /** Seconds since the soak started. */
  t_s: number;
  /** JS heap in use after a forced garbage collection, MB (10^6 bytes). */
  js_heap_mb: number;
  dom_nodes: number;
  js_event_listeners: number;
  /** Resident memory of the browser's renderer processes together, MB: the media pipeline's buffers live there, outside the JS heap. */
  renderer_rss_mb: number;
  renderer_processes: number;
  players: PlayerCounts;
}

const MB = 1_000_000;

function descendants(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  tree.delete(rootPid);
  return [...tree];
}

/** Resident memory of every Chromium renderer process started under this process. Linux only. */
function rendererResidentBytes(): { bytes: number; processes: number } {
  let bytes = 0;
  let processes = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) {
        bytes += Number(rss[1]) * 1024;
        processes++;
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return { bytes, processes };
}

/**
 * Samples a wall page's memory through the DevTools protocol, the way a leak would show: a
 * forced garbage collection first, so only what is still reachable counts, then the page's
 * metrics (JS heap, DOM nodes, event listeners), the renderers' resident memory and the
 * player counts the page exposes.
 */
export class MemorySampler {
  private constructor(private readonly page: Page, private readonly cdp: CDPSession, private readonly startedAt: number) {}

  static async attach(page: Page, startedAt: number): Promise<MemorySampler> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    return new MemorySampler(page, cdp, startedAt);
  }

  async sample(): Promise<MemorySample> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    const players = (await this.page.evaluate('window.pantauDiagnostics.players()')) as PlayerCounts;
    const renderers = rendererResidentBytes();
    return {
      t_s: Math.round((Date.now() - this.startedAt) / 1000),
      js_heap_mb: Number((metric('JSHeapUsedSize') / MB).toFixed(2)),
      dom_nodes: metric('Nodes'),
      js_event_listeners: metric('JSEventListeners'),
      renderer_rss_mb: Number((renderers.bytes / MB).toFixed(1)),
      renderer_processes: renderers.processes,
      players,
    };
  }
}

/**
 * Theil-Sen slope of y over x: the median of the slopes between every pair of points. A sample
 * taken mid-switch (outgoing tiles still mounted) or a swing of resident memory moves a
 * least-squares line a long way; the median barely moves. NaN with fewer than two distinct x.
 */
export function robustSlope(points: readonly { x: number; y: number }[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i];
      const b = points[j];
      if (a && b && b.x !== a.x) slopes.push((b.y - a.y) / (b.x - a.x));
    }
  }
  if (slopes.length === 0) return Number.NaN;
  slopes.sort((left, right) => left - right);
  const middle = Math.floor(slopes.length / 2);
  return slopes.length % 2 === 1 ? (slopes[middle] ?? Number.NaN) : ((slopes[middle - 1] ?? 0) + (slopes[middle] ?? 0)) / 2;
}
