// Shared by the datasource tests only: an MSW server on a fixed origin (see setProxyBaseUrl)
// and a reader for the captured fixtures kept beside each client.

import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { setProxyBaseUrl } from './http';

export const TEST_ORIGIN = 'http://sightline.test';

/** Absolute URL of a backend path behind the proxy, for MSW handlers. */
export function proxied(uid: string, path: string): string {
  return `${TEST_ORIGIN}/api/datasources/proxy/uid/${uid}/${path}`;
}

export function useMswServer() {
  const server = setupServer();
  beforeAll(() => {
    setProxyBaseUrl(TEST_ORIGIN);
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => {
    server.close();
    setProxyBaseUrl('');
  });
  return server;
}

/** Reads `__fixtures__/<name>` next to the calling test (pass `import.meta.url`). */
export function readFixture(testUrl: string, name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, testUrl), 'utf8');
}

export function jsonFixture<T = any>(testUrl: string, name: string): T {
  return JSON.parse(readFixture(testUrl, name)) as T;
}
