/**
 * `npm start`: builds the renderer and the Electron bundle, starts the server with the
 * simulated cameras, and launches the Electron wall against it. Where no Electron binary
 * exists (as on our build machines), it says so in one line and keeps the server running
 * for the web wall.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ConfigFileError } from '../server/config/json-file.js';
import { SERVER_USAGE, parseServerArgs } from '../server/config/server-options.js';
import { startServer } from '../server/app.js';

const require = createRequire(import.meta.url);

/** The Electron executable, or why there is none. */
function findElectron(): { path: string } | { reason: string } {
  try {
    const path = require('electron') as string;
    return existsSync(path) ? { path } : { reason: `${path} does not exist` };
  } catch (error) {
    return { reason: (error as Error).message.split('\n')[0] ?? 'unknown' };
  }
}

const options = (() => {
  try {
    return parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${SERVER_USAGE}`);
    process.exit(2);
  }
})();
if (options === 'help') {
  console.log(SERVER_USAGE);
  process.exit(0);
}

const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let server;
try {
  server = await startServer(options);
} catch (error) {
  const message = error instanceof ConfigFileError ? `configuration refused: ${error.message}` : (error as Error).message;
  console.error(`Pantau server could not start: ${message}`);
  process.exit(1);
}
const running = server;
const shutdown = (code: number): void => {
  void running.close().finally(() => process.exit(code));
};
process.once('SIGINT', () => shutdown(0));
process.once('SIGTERM', () => shutdown(0));

const screens = running.screenUrls().map((url) => `  ${url}`).join('\n');
const electron = findElectron();
if ('reason' in electron) {
  console.log(`Electron binary not available (${electron.reason}); the server keeps running: open the wall screens in Chromium:\n${screens}`);
} else {
  console.log(`Launching the Electron wall against ${running.url}`);
  const child = spawn(electron.path, ['.', `--server=${running.url}`], { stdio: 'inherit' });
  child.on('exit', (code) => {
    console.log(`Electron exited (${code ?? 'signal'}); the server keeps running for the web wall:\n${screens}\nPress Ctrl+C to stop.`);
  });
}
