/**
 * Builds the map harness page (renderer/map/map-harness.html) with Vite into a temporary folder
 * and serves it with sirv on 127.0.0.1, for the map's e2e tests and bench. The app's own
 * vite.config.ts is left alone: this build names the harness as its only input.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import sirv from 'sirv';
import { build } from 'vite';

export type MapHarnessServer = {
  /** The harness page's URL; add a query string for options. */
  url: string;
  /** The origin, for other routes the test adds (e.g. accident history). */
  origin: string;
  close(): Promise<void>;
};

export type ExtraRoute = (request: { url: string }, respond: (status: number, type: string, body: string) => void) => boolean;

/** Builds the harness (about 10-30 s on two cores) and serves it; `routes` answer before the files. */
export async function startMapHarness(routes: ExtraRoute[] = []): Promise<MapHarnessServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'pantau-map-harness-'));
  await build({
    configFile: false,
    root: resolve('renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome120',
      sourcemap: false,
      minify: false,
      chunkSizeWarningLimit: 5000,
      rollupOptions: { input: resolve('renderer/map/map-harness.html') },
    },
  });
  const files = sirv(outDir, { dev: true, etag: false });
  const server: Server = createServer((request, response) => {
    const respond = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    if (routes.some((route) => route({ url: request.url ?? '/' }, respond))) return;
    files(request, response, () => respond(404, 'text/plain', 'not found'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}/map/map-harness.html`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
