/// <reference types="node" />
// The demo stack over real HTTP, as the fake Prometheus/Loki/Tempo/Jaeger upstream of the
// end-to-end tests: `tsx e2e/support/fakeUpstream.ts` (port from $PORT, default 0 = any free
// one; prints `fake upstream listening on http://127.0.0.1:<port>`), or `startFakeUpstream()`.
//
// One server, all backends at the root, since their paths do not collide: Prometheus
// `/api/v1/...` and `/-/ready`, Loki `/loki/api/v1/...` (with the `/loki/api/v1/tail` WebSocket),
// Tempo `/api/traces/<id>`, `/api/search...`, `/api/v2/search/...`, `/api/echo`, `/ready`; Jaeger
// under `/jaeger` (`/jaeger/api/traces/<id>`, `/jaeger/api/services`, ...); homebot's health
// endpoints at `/health/live`, `/health/ready`, `/health/deep`. So point PROMETHEUS_URL, LOKI_URL
// and TEMPO_URL at the base URL, and JAEGER_URL at `<base>/jaeger`.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { demoHandlers, type DemoBackend } from '../../src/demo/handlers.ts';
import { goJson } from '../../src/demo/httpUtil.ts';
import { DemoLoki } from '../../src/demo/loki.ts';
import { DEMO_SEED } from '../../src/demo/random.ts';
import { DemoTraceStore } from '../../src/demo/traces.ts';

export interface FakeUpstream {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  traceStore: DemoTraceStore;
  close(): Promise<void>;
}

export interface FakeUpstreamOptions {
  seed?: number;
  now?: () => number;
  host?: string;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** One unmasked server-to-client WebSocket frame (RFC 6455 §5.2). */
function wsFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const header = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (len >= 126) {
    header[0] = 0x80 | opcode;
    if (len < 65536) {
      header[1] = 126;
      header.writeUInt16BE(len, 2);
    } else {
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(len), 2);
    }
  }
  return Buffer.concat([header, payload]);
}

/** Loki's tail endpoint: the handshake, then a `{"streams": [...]}` text frame each second there are new lines. */
function serveTail(loki: DemoLoki, req: IncomingMessage, socket: Duplex, url: URL): void {
  const key = req.headers['sec-websocket-key'];
  const tail = loki.tail(url.searchParams.get('query') ?? '', url.searchParams.get('start') ?? undefined, Number(url.searchParams.get('limit') ?? '100') || 100);
  if (typeof key !== 'string' || 'status' in tail) {
    const body = 'status' in tail ? String(tail.body) : 'bad websocket handshake';
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    return;
  }
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  const send = (): void => {
    const frame = tail.next();
    if (frame && socket.writable) socket.write(wsFrame(0x1, Buffer.from(goJson(frame))));
  };
  send();
  const timer = setInterval(send, 1000);
  const stop = (): void => clearInterval(timer);
  socket.on('data', (data: Buffer) => {
    const opcode = data[0]! & 0x0f;
    if (opcode === 0x8) {
      stop();
      socket.end(wsFrame(0x8, Buffer.alloc(0)));
    } else if (opcode === 0x9) {
      socket.write(wsFrame(0xa, Buffer.alloc(0)));
    }
  });
  socket.on('close', stop);
  socket.on('error', stop);
}

export async function startFakeUpstream(port = 0, options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? DEMO_SEED;
  const now = options.now ?? Date.now;
  const traceStore = new DemoTraceStore({ seed, now });
  const loki = new DemoLoki({ seed, now });
  const sockets = new Set<Duplex>();
  let handlers: ReturnType<typeof demoHandlers> = [];
  let origin = '';

  const server: Server = createServer(async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(`${origin}${req.url ?? '/'}`, { method, headers, body });
      const response = await getResponse(handlers, request);
      if (!response) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
        return;
      }
      const out: Record<string, string> = {};
      response.headers.forEach((v, k) => (out[k] = v));
      res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`fake upstream error: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/loki/api/v1/tail') serveTail(loki, req, socket, url);
    else socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = `http://${host}:${actualPort}`;
  handlers = demoHandlers({
    prefix: (type: DemoBackend) => (type === 'jaeger' ? `${origin}/jaeger` : origin),
    seed,
    now,
    traceStore,
  });

  return {
    url: origin,
    port: actualPort,
    traceStore,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const upstream = await startFakeUpstream(Number(process.env.PORT ?? '0'));
  console.log(`fake upstream listening on ${upstream.url}`);
  const stop = (): void => void upstream.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
