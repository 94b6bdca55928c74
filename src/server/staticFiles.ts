import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export class MissingBuildError extends Error {
  constructor(readonly distDir: string) {
    super(`${join(distDir, 'index.html')} is missing: run \`npm run build\` first.`);
    this.name = 'MissingBuildError';
  }
}

// Vite puts content-hashed files under /assets/: a new build gets new names, so they may be
// cached forever. Everything else (index.html above all) must be revalidated, or users keep
// an old index.html that points at assets which no longer exist.
const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the built app from `distDir`, falling back to index.html for client-side routes
 * (`/d/foo`, `/traces/abc`) so deep links work. Calls `notFound` for a missing asset, which
 * must not be answered with HTML.
 */
export function createStaticHandler(distDir: string) {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) throw new MissingBuildError(distDir);
  // Read once: a rebuild changes index.html, and serving the new one needs a restart.
  const indexHtml = readFileSync(indexFile);
  const files = sirv(distDir, {
    // Look files up per request instead of indexing dist/ at start-up: with the index, a rebuild
    // while the server runs made sirv stream deleted files, and the unhandled ENOENT killed the process.
    dev: true,
    etag: true,
    setHeaders: (res, pathname) => res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? immutable : 'no-cache'),
  });

  return (req: IncomingMessage, res: ServerResponse, notFound: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound();
    files(req, res, () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (path.startsWith('/assets/')) return notFound();
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': indexHtml.length,
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : indexHtml);
    });
  };
}
