import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API and sync server the dev server forwards to (the real one serves the built app itself). */
const BACKEND = process.env.FACTCHECK_BACKEND ?? 'http://localhost:8080';

/** Vite config of the web app: builds into apps/web/dist; in dev, proxies /api and /sync to the server. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One bundle on purpose: both pages share yjs, zod and ProseMirror through the domain packages.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': { target: BACKEND, changeOrigin: true },
      '/sync': { target: BACKEND.replace(/^http/u, 'ws'), ws: true, changeOrigin: true },
    },
  },
});
