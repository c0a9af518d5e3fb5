/**
 * Runs one tier of tests with Node's own test runner: `unit` (*.test.ts, fast, real sockets
 * but no browser) or `e2e` (*.e2e.test.ts: the real server, simulator and Chromium, one file
 * at a time since the machines have two cores).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const tier = process.argv[2];
if (tier !== 'unit' && tier !== 'e2e') {
  console.error('usage: tsx scripts/run-tests.ts unit|e2e');
  process.exit(2);
}
const roots = ['protocol', 'server', 'renderer', 'electron', 'e2e', 'bench', 'scripts'];
const skip = new Set(['node_modules', 'dist', '.cache']);

function findTests(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const all = roots.flatMap(findTests).sort();
const files = all.filter((file) => file.endsWith('.e2e.test.ts') === (tier === 'e2e'));
if (files.length === 0) {
  console.error(`no ${tier} test files found`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec'];
if (tier === 'e2e') args.push('--test-concurrency=1');
const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
