import type { Server as HttpServer } from 'node:http';
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createSightlineMiddleware, createSightlineUpgradeHandler } from './app.ts';
import { ConfigError, loadConfig, type SightlineConfig } from './config.ts';
import { isDemoMode } from './publicConfig.ts';
import { embeddingNotice, securityHeaders } from './securityHeaders.ts';

/**
 * Mounts Sightline's Node side (config, datasource proxy, OTLP forwarding) in `vite dev` and
 * `vite preview`, so both behave like the production server.
 */
export function sightlineServer(): Plugin {
  return {
    name: 'sightline-server',
    configureServer(server) {
      // Vitest starts a Vite server too: unit tests must not need a valid sightline.config.yaml.
      if (process.env.VITEST) return;
      mount(server, false);
    },
    configurePreviewServer(server) {
      mount(server, true);
    },
  };
}

function mount(server: ViteDevServer | PreviewServer, preview: boolean): void {
  const config = loadConfigOrExplain();
  const middleware = createSightlineMiddleware(config);
  const logger = server.config.logger;
  // Dev mode serves Vite's inline React-refresh preamble, which the CSP would block; preview
  // serves the real build, so it gets the production headers.
  if (preview) server.middlewares.use(securityHeadersMiddleware(config));
  server.middlewares.use(middleware);

  const upgrade = createSightlineUpgradeHandler(config);
  // Vite's own HMR socket uses the same event; the handler leaves every other path alone.
  (server.httpServer as HttpServer | null)?.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));

  logger.info(
    isDemoMode(config)
      ? '  Sightline: demo mode (no datasources configured)'
      : `  Sightline: datasources ${config.datasources.map((ds) => ds.uid).join(', ')}`,
  );
  const notice = embeddingNotice(config);
  if (notice && preview) logger.info(`  Sightline: ${notice}`);
}

function securityHeadersMiddleware(config: SightlineConfig): Connect.NextHandleFunction {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(securityHeaders((req.url ?? '/').split('?')[0]!, config))) res.setHeader(name, value);
    next();
  };
}

function loadConfigOrExplain(): SightlineConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      const where = error.source ? ` (${error.source})` : '';
      throw new Error(`Invalid configuration${where}:\n${error.message}`, { cause: error });
    }
    throw error;
  }
}
