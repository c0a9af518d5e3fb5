/** `npm run bench`: runs every bench/*.bench.ts in turn; each writes bench/results/NAME.json and prints it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const only = process.argv[2];
// The benches that open the wall page are served the built renderer; without it the server
// answers 503 and a bench would wait for tiles that never come.
if (!process.env.PANTAU_RENDERER_DIR && !existsSync('dist/renderer/index.html')) {
  console.log('the wall renderer is not built: building it (npm run build:renderer)');
  const build = spawnSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const benches = readdirSync('bench').filter((file) => file.endsWith('.bench.ts') && (!only || file.startsWith(only)));
let failed = 0;
for (const bench of benches) {
  console.log(`\n== ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
