// Helpers for the server's tests: real sockets on loopback port 0, no mocks.
import http, { type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  server: http.Server;
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function listen(server: http.Server): Promise<TestServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An upstream that records each request (with its body) before `respond` answers it. */
export async function recordingUpstream(respond: (req: RecordedRequest, res: ServerResponse) => void = (_req, res) => res.end('{}')) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: await readBody(req) };
    requests.push(recorded);
    respond(recorded, res);
  });
  return { ...(await listen(server)), requests };
}

export async function serve(handler: RequestListener): Promise<TestServer> {
  return listen(http.createServer(handler));
}

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Plain http.request, so tests control every header (fetch adds its own and forbids some)
 * and the path goes out exactly as written (a URL object would resolve `%2e%2e` to `..`).
 */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<TestResponse> {
  const [, host, port, path] = /^http:\/\/([^:/]+):(\d+)(\/.*)?$/.exec(url) ?? [];
  return new Promise((resolve, reject) => {
    const target = { host, port: Number(port), path: path ?? '/' };
    const req = http.request({ ...target, method: options.method ?? 'GET', headers: options.headers, agent: false }, async (res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: await readBody(res) });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function readBody(stream: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A port that refuses connections: listen, note the port, close. */
export async function closedPort(): Promise<number> {
  const probe = await serve(() => {});
  await probe.close();
  return probe.port;
}
