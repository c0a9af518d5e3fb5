/** Bundles the Electron main process (ES module) and the preload (one CommonJS file, as sandboxed preloads require). */
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', external: ['electron'], sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm' });
await build({ ...common, entryPoints: ['electron/preload.cts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' });
console.log('built dist/electron/main.js and dist/electron/preload.cjs');
