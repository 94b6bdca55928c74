/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { sightlineServer } from './src/server/vitePlugin.ts';

export default defineConfig({
  plugins: [react(), sightlineServer()],
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
