import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DatasourceConfig } from '../configSchema.ts';
import { checkProxyRequest, isWebSocketPath } from './allowlist.ts';
import { datasourceHeader, upstreamRequestHeaders } from './forwardedHeaders.ts';
import { parseProxyRoute } from './proxyRoute.ts';
import { describeUpstreamFailure, upstreamTarget, UpstreamTimeoutError } from './upstreamTarget.ts';

/** Returns true when it took the socket; false leaves it to other listeners (e.g. Vite's HMR). */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

const webSocketHeaders = ['sec-websocket-key', 'sec-websocket-version', 'sec-websocket-protocol', 'sec-websocket-extensions'];

/**
 * WebSocket pass-through for Loki's live tail (`loki/api/v1/tail`), with the same
 * allowlist and credentials as plain requests. Mount on the HTTP server's 'upgrade' event.
 */
export function createProxyUpgradeHandler(datasources: DatasourceConfig[]): UpgradeHandler {
  const byUid = new Map(datasources.map((ds) => [ds.uid, ds]));
  return (req, socket, head) => {
    const route = parseProxyRoute(req.url ?? '');
    if (!route) return false;
    socket.on('error', () => socket.destroy());
    const datasource = byUid.get(route.uid);
    if (!datasource) return reject(socket, 404, `unknown datasource "${route.uid}"`, route.uid);
    // Browsers let any page open a WebSocket to any host, with no CORS check: without this a
    // page on another site could read the logs through a user's local Sightline.
    if (!isSameOrigin(req)) return reject(socket, 403, 'cross-origin WebSocket refused', route.uid);
    const check = checkProxyRequest(datasource.type, req.method ?? 'GET', route.rawPath, req.headers);
    if (!check.ok) return reject(socket, 403, check.reason, route.uid);
    if (!isWebSocketPath(datasource.type, check.path)) {
      return reject(socket, 403, `${check.path} does not accept WebSocket connections`, route.uid);
    }
    connectUpstream(req, socket, head, datasource, check.path, route.query);
    return true;
  };
}

function connectUpstream(req: IncomingMessage, socket: Duplex, head: Buffer, datasource: DatasourceConfig, path: string, query: string): void {
  const { request, options } = upstreamTarget(datasource, path, query);
  const headers = upstreamRequestHeaders(req.headers, datasource, 'GET');
  for (const name of webSocketHeaders) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  // An upgraded socket must not go back to the keep-alive pool.
  const upstream = request({ ...options, agent: false, method: 'GET', headers: { ...headers, connection: 'Upgrade', upgrade: 'websocket' } });

  // Only the handshake has a deadline: a tail legitimately stays quiet for minutes.
  const timer = setTimeout(() => upstream.destroy(new UpstreamTimeoutError(datasource.timeoutMs)), datasource.timeoutMs);

  upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
    clearTimeout(timer);
    socket.write(rawHead(101, withoutSetCookie(upstreamRes.rawHeaders), datasource.uid));
    if (upstreamHead.length) socket.write(upstreamHead);
    if (head.length) upstreamSocket.write(head);
    // HTTP servers allow half-open sockets; a tail has no use for one, so either side
    // ending or failing closes both.
    const closeBoth = () => {
      socket.destroy();
      upstreamSocket.destroy();
    };
    for (const side of [socket, upstreamSocket]) side.on('end', closeBoth).on('close', closeBoth).on('error', closeBoth);
    upstreamSocket.pipe(socket);
    socket.pipe(upstreamSocket);
  });

  // The backend answered without upgrading (a bad query, say): pass its status and message on.
  upstream.on('response', (upstreamRes) => {
    clearTimeout(timer);
    const chunks: Buffer[] = [];
    upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
    upstreamRes.on('end', () => {
      const type = upstreamRes.headers['content-type'] ?? 'text/plain; charset=utf-8';
      writeAndClose(socket, upstreamRes.statusCode ?? 502, Buffer.concat(chunks), String(type), datasource.uid);
    });
  });

  upstream.on('error', (error) => {
    clearTimeout(timer);
    const failure = describeUpstreamFailure(datasource, error);
    reject(socket, failure.status, failure.error, datasource.uid);
  });

  socket.on('close', () => upstream.destroy());
  upstream.end();
}

function withoutSetCookie(rawHeaders: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() !== 'set-cookie') kept.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return kept;
}

function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: curl, tests, server-side clients
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function reject(socket: Duplex, status: number, error: string, uid: string): true {
  const body = Buffer.from(JSON.stringify({ status: 'error', error, datasource: uid }));
  writeAndClose(socket, status, body, 'application/json; charset=utf-8', uid);
  return true;
}

function writeAndClose(socket: Duplex, status: number, body: Buffer, contentType: string, uid: string): void {
  if (socket.destroyed) return;
  const head = rawHead(status, ['Content-Type', contentType, 'Content-Length', String(body.length), 'Connection', 'close'], uid);
  socket.end(Buffer.concat([Buffer.from(head), body]));
}

function rawHead(status: number, rawHeaders: string[], uid: string): string {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`];
  for (let i = 0; i < rawHeaders.length; i += 2) lines.push(`${rawHeaders[i]}: ${rawHeaders[i + 1]}`);
  lines.push(`${datasourceHeader}: ${uid}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
