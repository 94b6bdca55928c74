import http from 'node:http';
import { createSightlineMiddleware, createSightlineUpgradeHandler } from './app.ts';
import type { SightlineConfig } from './config.ts';
import { securityHeaders } from './securityHeaders.ts';
import { createStaticHandler } from './staticFiles.ts';

export interface StartServerOptions {
  /** The `vite build` output, with index.html and assets/. */
  distDir: string;
}

/**
 * The production server: Sightline's middleware (API, proxy, OTLP), then the built app, with
 * security headers on every response. Resolves once listening on config.server.host/port
 * (port 0 picks a free one; read it from server.address()).
 */
export async function startServer(config: SightlineConfig, { distDir }: StartServerOptions): Promise<http.Server> {
  const middleware = createSightlineMiddleware(config);
  const serveStatic = createStaticHandler(distDir);
  const upgrade = createSightlineUpgradeHandler(config);

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    for (const [name, value] of Object.entries(securityHeaders(path, config))) res.setHeader(name, value);
    middleware(req, res, (error?: unknown) => {
      if (error) return internalError(res, error);
      serveStatic(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end('Not found');
      });
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!upgrade(req, socket, head)) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

function internalError(res: http.ServerResponse, error: unknown): void {
  console.error(error);
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal server error');
}
