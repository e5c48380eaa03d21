// Builds the React UI into ../renderer-dist. The output is loaded from file://, a custom Electron protocol
// or the loopback server under a strict CSP, so: relative asset URLs, no inline scripts, nothing external.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Vite rewrites import.meta.dirname while bundling the config; no node: import needed in renderer/.
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../renderer-dist',
    emptyOutDir: true,
    // Inlined data: URIs would need a looser CSP; every asset stays a file beside the bundle.
    assetsInlineLimit: 0,
    // The preload polyfill is the one piece Vite may inline as a script; module preload is native in Chromium.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
