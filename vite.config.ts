import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

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
  },
});
