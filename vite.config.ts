import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { sightlineServer } from './src/server/vitePlugin';

export default defineConfig({
  plugins: [react(), sightlineServer()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});
