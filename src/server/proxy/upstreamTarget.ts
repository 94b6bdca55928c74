import http from 'node:http';
import https from 'node:https';
import type { DatasourceConfig } from '../configSchema.ts';

// Keep-alive pools: a fresh TCP (and TLS) handshake per panel query would eat most of
// the proxy's 2 ms budget.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

export interface UpstreamTarget {
  request: typeof http.request;
  options: http.RequestOptions;
}

/** Where `<datasource url>/<rawPath>?<query>` goes; a path in the datasource URL is kept as a prefix. */
export function upstreamTarget(datasource: DatasourceConfig, rawPath: string, query: string): UpstreamTarget {
  const base = new URL(datasource.url);
  const protocol = base.protocol === 'https:' ? 'https:' : 'http:';
  const prefix = base.pathname.replace(/\/+$/, '');
  return {
    request: protocol === 'https:' ? https.request : http.request,
    options: {
      protocol,
      // URL keeps IPv6 literals bracketed; http.request wants them bare.
      hostname: base.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: base.port || undefined,
      path: `${prefix}/${rawPath}${query ? `?${query}` : ''}`,
      agent: agents[protocol],
    },
  };
}

/** The same target as a URL, for the server's own requests (health and feature probes). */
export function upstreamUrl(datasource: DatasourceConfig, rawPath: string, query = ''): URL {
  const url = new URL(datasource.url);
  url.pathname = upstreamTarget(datasource, rawPath, '').options.path!;
  url.search = query;
  return url;
}

export class UpstreamTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'UpstreamTimeoutError';
  }
}

/** A 502 or 504 and a message that names the datasource, for the JSON error body. */
export function describeUpstreamFailure(datasource: DatasourceConfig, error: Error): { status: number; error: string } {
  const name = `datasource "${datasource.uid}" (${datasource.type})`;
  if (error instanceof UpstreamTimeoutError) return { status: 504, error: `${name} did not answer within ${error.timeoutMs} ms` };
  return { status: 502, error: `${name} is unreachable: ${errorMessage(error)}` };
}

// With happy-eyeballs (Node 20's autoSelectFamily), a refused `localhost` fails with an
// AggregateError whose own message is empty; the per-address errors say what happened.
function errorMessage(error: Error): string {
  if (error.message) return error.message;
  if (error instanceof AggregateError) return error.errors.map((inner: Error) => inner.message).join('; ');
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
