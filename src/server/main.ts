// `npm start`: the production server, after `vite build` has written dist/.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type SightlineConfig } from './config.ts';
import { startServer } from './productionServer.ts';
import { isDemoMode } from './publicConfig.ts';
import { embeddingNotice } from './securityHeaders.ts';
import { flushServerTracing } from './telemetry/nodeTracing.ts';
import { MissingBuildError } from './staticFiles.ts';

// SIGHTLINE_DIST lets parallel test runs serve their own builds (`vite build --outDir ...`).
const distDir = process.env.SIGHTLINE_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function readConfig(): SightlineConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const lines = error.issues.map((issue) => `Invalid configuration: ${issue.path}: ${issue.message}`);
    fail(error.source ? [...lines, `  in ${error.source}`] : lines);
  }
}

function listeningLine(server: Server, config: SightlineConfig): string {
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const mode = isDemoMode(config)
    ? 'demo mode: no datasources configured'
    : `datasources: ${config.datasources.map((ds) => ds.uid).join(', ')}`;
  return `Sightline listening on http://${host}:${port} (${mode})`;
}

function stopOnSignals(server: Server): void {
  const stop = () => {
    // The last proxy spans are still batched; flushing is bounded, so a dead collector can't hold up the exit.
    server.close(() => void flushServerTracing().finally(() => process.exit(0)));
    server.closeAllConnections();
    // Upgraded sockets (live tails) are not the server's to close: give them a moment, then go.
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const config = readConfig();
try {
  const server = await startServer(config, { distDir });
  console.log(listeningLine(server, config));
  const notice = embeddingNotice(config);
  if (notice) console.log(notice);
  stopOnSignals(server);
} catch (error) {
  if (error instanceof MissingBuildError) fail([error.message]);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail([`${config.server.host}:${config.server.port} is already in use: set PORT (or server.port) to another port.`]);
  if (code === 'EADDRNOTAVAIL') fail([`Cannot listen on ${config.server.host}: set HOST (or server.host) to an address of this machine.`]);
  throw error;
}
