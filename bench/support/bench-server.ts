import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '../../server/app.js';
import type { ServerOptions } from '../../server/config/server-options.js';
import { startTestServer } from '../../e2e/support/test-server.js';

export interface BenchScreen {
  id: string;
  columns: number;
  rows: number;
  cameras: string[];
}

/** Starts the real server with a catalogue and one wall ("bench") written for a benchmark or test. */
export async function startBenchServer(cameras: object[], screens: BenchScreen[], overrides: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
  const cataloguePath = join(dir, 'catalogue.json');
  const wallsPath = join(dir, 'walls.json');
  writeFileSync(cataloguePath, JSON.stringify({ cameras }));
  writeFileSync(wallsPath, JSON.stringify({
    walls: [{ id: 'bench', name: 'Bench', screens: screens.map((s) => ({ id: s.id, name: s.id, role: 'grid', layout: { columns: s.columns, rows: s.rows, cameras: s.cameras } })) }],
  }));
  return startTestServer({ cataloguePath, wallsPath, ...overrides });
}

/** A camera entry for a bench catalogue. */
export function benchCamera(id: string, simulated: 'clip' | 'clock' | undefined, streams: { main: string; sub?: string }): object {
  return { id, name: id, agency: 'city', ptz: false, simulated, location: { latitude: -7.56, longitude: 110.82 }, streams };
}

/** p50, p95 and max of a list of numbers (nearest rank). */
export function summarise(values: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { p50: at(50), p95: at(95), max: sorted.at(-1) ?? 0 };
}
