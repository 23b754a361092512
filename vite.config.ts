/**
 * Builds the renderer (renderer/ → out/renderer/). `base: './'` because Electron loads the page from
 * a file URL and the web host serves it from its root; both need relative asset paths.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // One local bundle (ag-grid is most of it); nothing is downloaded, so size matters little.
    chunkSizeWarningLimit: 2000,
    // One local bundle: no remote content, no preload hints to anywhere else.
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', strictPort: false },
});
