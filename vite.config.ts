/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { sightlineServer } from './src/server/vitePlugin.ts';
import { sharedBabelHelpers } from './build/sharedBabelHelpers.ts';
import { preloadChunk } from './build/preloadChunk.ts';

export default defineConfig({
  // Recharts's modules each carry Babel's helpers; one shared copy
  // (build/sharedBabelHelpers.ts) takes about 8 KB gzip off the chart.
  // The telemetry chunk downloads with the main one (build/preloadChunk.ts).
  plugins: [
    react(),
    sightlineServer(),
    sharedBabelHelpers(fileURLToPath(new URL('./node_modules/recharts/es6/', import.meta.url))),
    preloadChunk('src/telemetry/otel.ts'),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  // Unit tests live beside the code. Node by default; component tests opt into jsdom with a
  // `// @vitest-environment jsdom` docblock.
  test: {
    globals: true,
    include: ['src/**/*.test.{ts,tsx}', 'e2e/support/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
  },
});
