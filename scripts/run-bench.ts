/** `npm run bench`: runs every bench/*.bench.ts in turn; each writes bench/results/NAME.json and prints it. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync('bench').filter((file) => file.endsWith('.bench.ts') && (!only || file.startsWith(only)));
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
