/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';

/** The web app: `npm run build:web` writes apps/web/dist (served by the API at /), `npm run dev:web` proxies the API. */
export default defineConfig({
  root,
  plugins: [react()],
  // The manifest lets bench/web-size.ts follow each console's chunks.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: {
    proxy: {
      '/v1': { target: api, changeOrigin: false },
      '/docs': { target: api },
      '/health': { target: api },
    },
  },
  test: {
    root,
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20000,
  },
});
