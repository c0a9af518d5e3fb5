import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The renderer is one app for every screen role; relative asset paths let the same build load
// from the server (web wall) and from the Electron app's own scheme.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // A desktop app loading from disk or loopback: one bundle is fine.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // index.html is the wall (every screen role); setup/index.html is the Electron shell's
      // first-run setup window, opened when no server is configured.
      input: {
        main: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        setup: fileURLToPath(new URL('./renderer/setup/index.html', import.meta.url)),
      },
    },
  },
});
