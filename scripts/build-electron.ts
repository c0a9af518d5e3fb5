/** Bundles the Electron main process (ES module) and the preload (one CommonJS file, as sandboxed preloads require). */
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', external: ['electron'], sourcemap: true, logLevel: 'warning' };

// CommonJS dependencies bundled into the ES module main (electron-updater, conf's helpers) call
// require() for Node built-ins and electron; an ES module has no require, so give it one.
const esmRequireBanner = "import { createRequire as __pantauCreateRequire } from 'node:module'; const require = __pantauCreateRequire(import.meta.url);";

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', banner: { js: esmRequireBanner } });
await build({ ...common, entryPoints: ['electron/preload.cts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' });
console.log('built dist/electron/main.js and dist/electron/preload.cjs');
