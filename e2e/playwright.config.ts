import { defineConfig } from '@playwright/test';
import { URLS } from './support/ports';

// Debian's Chromium: `npx playwright install` cannot download browsers here. The flags keep it
// from reaching for Google's services, which this machine's closed network refuses.
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
};

export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: process.env.E2E_OUTPUT_DIR ?? '../test-results',
  use: { ...chromium, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'live', testMatch: /specs\/live\/.*\.spec\.ts/, use: { baseURL: URLS.liveApp } },
    { name: 'demo', testMatch: /specs\/demo\/.*\.spec\.ts/, use: { baseURL: URLS.demoApp } },
    { name: 'screenshots', testMatch: /screenshots\/.*\.spec\.ts/, use: { baseURL: URLS.demoApp, viewport: { width: 1440, height: 900 } } },
  ],
});
