import { createHash } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseConfig } from '../config.ts';
import { closedPort, serve, type TestServer } from '../testSupport.ts';
import { createProxyUpgradeHandler } from './proxyUpgrade.ts';

// Raw sockets on both sides: the proxy only moves bytes after the handshake, so the tests
// need no WebSocket framing (and no WebSocket dependency).

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A Loki stand-in that completes the handshake and echoes what it receives. */
async function echoingLoki(onHandshake: (req: IncomingMessage) => void = () => {}) {
  const upstream = await serve((_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('not a websocket request'));
  upstream.server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    onHandshake(req);
    if (!req.url?.startsWith('/loki/api/v1/tail')) return void socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSet-Cookie: s=1\r\n\r\n`,
    );
    socket.on('data', (data: Buffer) => socket.write(`echo:${data.toString()}`));
    socket.on('end', () => socket.destroy());
  });
  servers.push(upstream);
  return upstream;
}

async function proxyTo(url: string, fields: Record<string, unknown> = {}) {
  const config = parseConfig({ datasources: [{ uid: 'loki', type: 'loki', url, ...fields }] });
  const handle = createProxyUpgradeHandler(config.datasources);
  const proxy = await serve((_req, res) => res.writeHead(426).end());
  proxy.server.on('upgrade', (req, socket, head) => {
    if (!handle(req, socket, head)) socket.end('HTTP/1.1 418 Not Mine\r\nContent-Length: 0\r\n\r\n');
  });
  servers.push(proxy);
  return proxy;
}

type HandshakeResult =
  | { upgraded: true; headers: IncomingHttpHeaders; socket: Duplex }
  | { upgraded: false; status: number; headers: IncomingHttpHeaders; body: string };

function openWebSocket(proxy: TestServer, path: string, headers: Record<string, string> = {}): Promise<HandshakeResult> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: proxy.port,
      path,
      agent: false,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => resolve({ upgraded: true, headers: res.headers, socket }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ upgraded: false, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

const tailPath = '/api/datasources/proxy/uid/loki/loki/api/v1/tail?query=%7Bjob%3D%22api%22%7D';

describe('handleProxyUpgrade (Loki live tail)', () => {
  it('pipes a WebSocket to the upstream with the datasource credentials', async () => {
    let handshake: IncomingMessage | undefined;
    const loki = await echoingLoki((req) => (handshake = req));
    const proxy = await proxyTo(loki.url, { tenant: 'team-a', bearerToken: 'server-token' });
    const result = await openWebSocket(proxy, tailPath, { Cookie: 'session=1', Authorization: 'Bearer browser', Host: `127.0.0.1:${proxy.port}` });
    expect(result.upgraded).toBe(true);
    if (!result.upgraded) return;
    expect(result.headers['x-sightline-datasource']).toBe('loki');
    expect(result.headers['set-cookie']).toBeUndefined();
    expect(handshake?.url).toBe('/loki/api/v1/tail?query=%7Bjob%3D%22api%22%7D');
    expect(handshake?.headers).toMatchObject({
      authorization: 'Bearer server-token',
      'x-scope-orgid': 'team-a',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'sec-websocket-version': '13',
      upgrade: 'websocket',
    });
    expect(handshake?.headers.cookie).toBeUndefined();

    const echoed = new Promise<string>((resolve) => result.socket.once('data', (data: Buffer) => resolve(data.toString())));
    result.socket.write('ping');
    expect(await echoed).toBe('echo:ping');
    result.socket.destroy();
  });

  it('refuses a cross-origin page', async () => {
    const loki = await echoingLoki();
    const proxy = await proxyTo(loki.url);
    const result = await openWebSocket(proxy, tailPath, { Origin: 'https://evil.example' });
    expect(result).toMatchObject({ upgraded: false, status: 403 });
    if (!result.upgraded) expect(JSON.parse(result.body)).toEqual({ status: 'error', error: 'cross-origin WebSocket refused', datasource: 'loki' });
  });

  it('accepts its own origin', async () => {
    const loki = await echoingLoki();
    const proxy = await proxyTo(loki.url);
    const result = await openWebSocket(proxy, tailPath, { Origin: `http://127.0.0.1:${proxy.port}` });
    expect(result.upgraded).toBe(true);
    if (result.upgraded) result.socket.destroy();
  });

  it.each([
    ['a query endpoint', '/api/datasources/proxy/uid/loki/loki/api/v1/query_range', 'loki/api/v1/query_range does not accept WebSocket connections'],
    ['a write endpoint', '/api/datasources/proxy/uid/loki/loki/api/v1/push', 'loki/api/v1/push is not an allowed loki query endpoint'],
    ['a traversal', '/api/datasources/proxy/uid/loki/loki/api/v1/%2e%2e/push', 'path refused: encoded character %2e'],
  ])('refuses %s', async (_name, path, error) => {
    const loki = await echoingLoki();
    const proxy = await proxyTo(loki.url);
    const result = await openWebSocket(proxy, path);
    expect(result).toMatchObject({ upgraded: false, status: 403 });
    if (!result.upgraded) expect(JSON.parse(result.body).error).toBe(error);
  });

  it('answers 404 for an unknown uid and leaves other paths alone', async () => {
    const loki = await echoingLoki();
    const proxy = await proxyTo(loki.url);
    expect(await openWebSocket(proxy, '/api/datasources/proxy/uid/nope/loki/api/v1/tail')).toMatchObject({ upgraded: false, status: 404 });
    expect(await openWebSocket(proxy, '/vite-hmr')).toMatchObject({ upgraded: false, status: 418 });
  });

  it('passes on the upstream answer when it does not upgrade', async () => {
    const upstream = await serve((_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('parse error at line 1, col 2'));
    servers.push(upstream);
    const proxy = await proxyTo(upstream.url);
    expect(await openWebSocket(proxy, tailPath)).toMatchObject({ upgraded: false, status: 400, body: 'parse error at line 1, col 2' });
  });

  it('maps an unreachable upstream to 502', async () => {
    const port = await closedPort();
    const proxy = await proxyTo(`http://127.0.0.1:${port}`);
    const result = await openWebSocket(proxy, tailPath);
    expect(result).toMatchObject({ upgraded: false, status: 502 });
    if (!result.upgraded) expect(JSON.parse(result.body).error).toBe(`datasource "loki" (loki) is unreachable: connect ECONNREFUSED 127.0.0.1:${port}`);
  });
});
