import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import type { DatasourceConfig } from '../configSchema.ts';
import { sendJson } from '../jsonResponse.ts';
import { checkProxyRequest } from './allowlist.ts';
import { datasourceHeader, downstreamResponseHeaders, upstreamRequestHeaders } from './forwardedHeaders.ts';
import { parseProxyRoute } from './proxyRoute.ts';
import { describeUpstreamFailure, upstreamTarget, UpstreamTimeoutError } from './upstreamTarget.ts';
import type { ServerTracing } from '../telemetry/nodeTracing.ts';
import { startProxySpan } from '../telemetry/proxySpan.ts';
import type { ProxyMetrics, ProxyRequestMetrics } from '../metrics/proxyMetrics.ts';

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface ProxyOptions {
  /** Added to the 404 for an unknown uid, e.g. to explain demo mode. */
  unknownDatasourceHint?: string;
  /** When set, each proxied request gets a server span whose context goes upstream. */
  tracing?: ServerTracing;
  /** Counting hooks for /metrics. */
  metrics?: ProxyMetrics;
}

/**
 * `/api/datasources/proxy/uid/<uid>/<path>?<query>` → the datasource, read-only (see
 * allowlist.ts), with the datasource's credentials and the bodies streamed both ways.
 */
export function createProxyMiddleware(datasources: DatasourceConfig[], options: ProxyOptions = {}): Middleware {
  const byUid = new Map(datasources.map((ds) => [ds.uid, ds]));
  return (req, res, next) => {
    const route = parseProxyRoute(req.url ?? '');
    if (!route) return next();
    const datasource = byUid.get(route.uid);
    const fail = (status: number, error: string) =>
      sendJson(res, status, { status: 'error', error, datasource: route.uid }, { [datasourceHeader]: route.uid });
    if (!datasource) {
      return fail(404, `unknown datasource "${route.uid}"${options.unknownDatasourceHint ? `: ${options.unknownDatasourceHint}` : ''}`);
    }
    const method = req.method ?? 'GET';
    const check = checkProxyRequest(datasource.type, method, route.rawPath, req.headers);
    if (!check.ok) {
      options.metrics?.refused(datasource);
      return fail(403, check.reason);
    }
    // Started once per request, outside forward(): a stale-connection retry is the same request.
    const counted = options.metrics?.started(datasource);
    forward(req, res, datasource, check.path, route.query, fail, options.tracing, counted);
  };
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  datasource: DatasourceConfig,
  path: string,
  query: string,
  fail: (status: number, error: string) => void,
  tracing: ServerTracing | undefined,
  counted: ProxyRequestMetrics | undefined,
  retried = false,
): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const { request, options } = upstreamTarget(datasource, path, query);
  const span = tracing && startProxySpan(tracing, req.headers, datasource, method, path);
  const upstream = request({ ...options, method, headers: upstreamRequestHeaders(req.headers, datasource, method, span?.upstream) });

  // Idle timeout: a query that sends nothing for timeoutMs is given up on. Once the
  // response streams, only silence counts, so large answers are not cut short.
  upstream.setTimeout(datasource.timeoutMs, () => upstream.destroy(new UpstreamTimeoutError(datasource.timeoutMs)));

  upstream.on('response', (upstreamRes) => {
    span?.responded(upstreamRes.statusCode ?? 502);
    counted?.responded(upstreamRes.statusCode ?? 502);
    if (span || counted) {
      upstreamRes.on('data', (chunk: Buffer) => {
        span?.countBytes(chunk.length);
        counted?.countBytes(chunk.length);
      });
    }
    // A backend that breaks off mid-answer fails its response, not the request. Registered before
    // pipeline's listeners, so it is counted before the client's side closes.
    if (counted) upstreamRes.on('error', (error) => counted.failed(error instanceof UpstreamTimeoutError ? 'timeout' : 'interrupted'));
    res.writeHead(upstreamRes.statusCode ?? 502, downstreamResponseHeaders(upstreamRes.headers, datasource.uid));
    // pipeline destroys both sides if either fails, so a broken upstream ends the client's
    // response (it cannot become a JSON error once headers are out) and a departed client
    // frees the upstream socket.
    pipeline(upstreamRes, res, (error) => {
      span?.end(error ? { message: error.message } : undefined);
      counted?.end();
    });
  });

  upstream.on('error', (error) => {
    // A pooled keep-alive connection the upstream had just closed: nothing reached the backend,
    // so a read-only request is safely sent once more on a fresh connection (as Node's docs advise).
    if (!retried && method !== 'POST' && upstream.reusedSocket && !res.headersSent && isStaleConnectionError(error)) {
      span?.end({ message: `stale keep-alive connection (${(error as NodeJS.ErrnoException).code}), retried` });
      return forward(req, res, datasource, path, query, fail, tracing, counted, true);
    }
    if (res.headersSent || res.destroyed) {
      span?.end({ message: error.message });
      counted?.failed(error instanceof UpstreamTimeoutError ? 'timeout' : 'interrupted');
      counted?.end();
      return void res.destroy();
    }
    const failure = describeUpstreamFailure(datasource, error);
    span?.end({ status: failure.status, message: failure.error });
    counted?.failed(error instanceof UpstreamTimeoutError ? 'timeout' : 'unreachable', failure.status);
    counted?.end();
    fail(failure.status, failure.error);
  });

  // The client went away before the answer finished: stop the backend's work too.
  res.on('close', () => {
    if (res.writableFinished) return;
    span?.end({ message: 'the client closed the connection' });
    counted?.end();
    upstream.destroy();
  });

  if (method === 'POST') req.pipe(upstream);
  else upstream.end();
}

function isStaleConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}
