import { defineConfig } from 'vitest/config';

// Unit tests live beside the code. Node by default; component tests opt into jsdom
// with a `// @vitest-environment jsdom` docblock.
export default defineConfig({
  test: {
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
  },
});
