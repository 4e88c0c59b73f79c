/**
 * The console's build (npm run console:build) and dev server (npm run console:dev). The dev server proxies the
 * API's paths to the API process, so the console calls its own origin in both modes and needs no CORS.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.FENGQIAO_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 4000}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Relative asset URLs: the bundle works wherever the API mounts it.
  base: './',
  build: {
    // FENGQIAO_CONSOLE_DIR lets a test build into a directory of its own.
    outDir: process.env.FENGQIAO_CONSOLE_DIR ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd alone is past Vite's default 500 kB warning; the figures that matter are in docs/console.md.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: Number(process.env.CONSOLE_PORT ?? 5173),
    // /petitions: the files the API serves beside GraphQL (histories, materials).
    proxy: { '/graphql': api, '/health': api, '/console-api': api, '/petitions': api },
  },
});
