import { ConfigFileError } from './config/json-file.js';
import { SERVER_USAGE, parseServerArgs } from './config/server-options.js';
import { startServer } from './app.js';

/** `npm run server`: the reference central server with the demo wall and simulated cameras. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${SERVER_USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(SERVER_USAGE);
    return;
  }
  try {
    const server = await startServer(options);
    console.log(`\nPantau server ready. Open a wall screen in Chromium:\n${server.screenUrls().map((url) => `  ${url}`).join('\n')}\n`);
    const shutdown = (): void => {
      void server.close().finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    const message = error instanceof ConfigFileError ? `configuration refused: ${error.message}` : (error as Error).message;
    console.error(`Pantau server could not start: ${message}`);
    process.exit(1);
  }
}

void main();
