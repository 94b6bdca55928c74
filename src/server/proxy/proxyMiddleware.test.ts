import http from 'node:http';
import { parseConfig, type DatasourceConfig } from '../config.ts';
import { closedPort, recordingUpstream, request, serve, type TestServer } from '../testSupport.ts';
import { createProxyMiddleware } from './proxyMiddleware.ts';

type Upstream = Awaited<ReturnType<typeof recordingUpstream>>;

function datasource(fields: Partial<DatasourceConfig> & Pick<DatasourceConfig, 'uid' | 'type' | 'url'>): DatasourceConfig {
  return parseConfig({ datasources: [fields] }).datasources[0]!;
}

async function proxyFor(datasources: DatasourceConfig[]): Promise<TestServer> {
  const middleware = createProxyMiddleware(datasources, { unknownDatasourceHint: 'hint' });
  return serve((req, res) => middleware(req, res, () => res.writeHead(418).end('next')));
}

const servers: { close: () => Promise<void> }[] = [];
async function track<T extends { close: () => Promise<void> }>(server: Promise<T>): Promise<T> {
  const started = await server;
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(fields: Partial<DatasourceConfig> = {}, respond?: Parameters<typeof recordingUpstream>[0]) {
  const upstream: Upstream = await track(recordingUpstream(respond));
  const ds = datasource({ uid: 'prom', type: 'prometheus', url: upstream.url, ...fields });
  const proxy = await track(proxyFor([ds]));
  return { upstream, proxy, base: `${proxy.url}/api/datasources/proxy/uid/prom` };
}

describe('proxy middleware: forwarding', () => {
  it('forwards path and query byte for byte and tags the response', async () => {
    const { upstream, base } = await setup({}, (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}'));
    const res = await request(`${base}/api/v1/query?query=sum%20by%20(job)%20(up)&time=1700000000.5`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('{"status":"success"}');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-sightline-datasource']).toBe('prom');
    expect(upstream.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/query?query=sum%20by%20(job)%20(up)&time=1700000000.5' });
  });

  it('keeps a path prefix from the datasource URL', async () => {
    const upstream = await track(recordingUpstream());
    const proxy = await track(proxyFor([datasource({ uid: 'vm', type: 'prometheus', url: `${upstream.url}/select/0/prometheus/` })]));
    await request(`${proxy.url}/api/datasources/proxy/uid/vm/api/v1/labels`);
    expect(upstream.requests[0]?.url).toBe('/select/0/prometheus/api/v1/labels');
  });

  it('passes only safe request headers and strips the browser credentials', async () => {
    const { upstream, base } = await setup();
    await request(`${base}/api/v1/query?query=up`, {
      headers: {
        Accept: 'application/json',
        'Accept-Encoding': 'gzip',
        'User-Agent': 'test-agent',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'vendor=1',
        Cookie: 'session=browser-secret',
        Authorization: 'Bearer browser-token',
        Origin: 'http://evil.example',
        Referer: 'http://127.0.0.1/d/x',
        'X-Forwarded-For': '10.0.0.1',
        'X-Scope-OrgID': 'spoofed-tenant',
        'X-Anything': 'nope',
      },
    });
    const headers = upstream.requests[0]!.headers;
    expect(headers).toMatchObject({
      accept: 'application/json',
      'accept-encoding': 'gzip',
      'user-agent': 'test-agent',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      tracestate: 'vendor=1',
    });
    for (const name of ['cookie', 'authorization', 'origin', 'referer', 'x-forwarded-for', 'x-scope-orgid', 'x-anything', 'uber-trace-id']) {
      expect(headers[name], name).toBeUndefined();
    }
  });

  it('injects basic auth, the tenant and custom headers', async () => {
    const { upstream, base } = await setup({
      basicAuth: { username: 'svc', password: 'p@ss' },
      tenant: 'team-a',
      headers: { 'X-Api-Key': 'k1' },
    });
    await request(`${base}/api/v1/labels`, { headers: { Authorization: 'Bearer browser', 'X-Scope-OrgID': 'other' } });
    expect(upstream.requests[0]!.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('svc:p@ss').toString('base64')}`,
      'x-scope-orgid': 'team-a',
      'x-api-key': 'k1',
    });
  });

  it('injects a bearer token', async () => {
    const { upstream, base } = await setup({ bearerToken: 'server-token' });
    await request(`${base}/api/v1/labels`, { headers: { Authorization: 'Bearer browser' } });
    expect(upstream.requests[0]!.headers.authorization).toBe('Bearer server-token');
  });

  it.each([
    ['jaeger', undefined, '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1'],
    ['both', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1'],
  ] as const)('propagation %s', async (propagation, traceparent, uberTraceId) => {
    const { upstream, base } = await setup({ propagation });
    await request(`${base}/api/v1/labels`, { headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } });
    expect(upstream.requests[0]!.headers.traceparent).toBe(traceparent);
    expect(upstream.requests[0]!.headers['uber-trace-id']).toBe(uberTraceId);
  });

  it('streams a form-encoded POST body', async () => {
    const { upstream, base } = await setup();
    const body = `query=${encodeURIComponent('rate(http_requests_total{job="api"}[5m])')}&start=1&end=2&step=15`;
    await request(`${base}/api/v1/query_range`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(upstream.requests[0]).toMatchObject({ method: 'POST', url: '/api/v1/query_range', body });
    expect(upstream.requests[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(upstream.requests[0]!.headers['content-length']).toBe(String(Buffer.byteLength(body)));
  });

  it('answers HEAD', async () => {
    const { upstream, base } = await setup({}, (_req, res) => res.writeHead(200, { 'content-length': '2' }).end());
    const res = await request(`${base}/-/ready`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(upstream.requests[0]?.method).toBe('HEAD');
  });

  it('leaves other URLs to the next middleware', async () => {
    const { proxy } = await setup();
    expect((await request(`${proxy.url}/api/config`)).status).toBe(418);
  });
});

describe('proxy middleware: refusals and errors', () => {
  it('answers 404 JSON for an unknown uid', async () => {
    const { proxy } = await setup();
    const res = await request(`${proxy.url}/api/datasources/proxy/uid/nope/api/v1/query`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ status: 'error', error: 'unknown datasource "nope": hint', datasource: 'nope' });
  });

  it.each([
    ['POST', 'api/v1/admin/tsdb/delete_series', 'api/v1/admin/tsdb/delete_series is not an allowed prometheus query endpoint'],
    ['POST', '-/quit', '-/quit is not an allowed prometheus query endpoint'],
    ['GET', 'api/v1/label/%2e%2e/values', 'path refused: encoded character %2e'],
    ['GET', 'api/v1/../../-/quit', 'path refused: dot segment'],
    ['PUT', 'api/v1/query', 'method PUT is not allowed on api/v1/query'],
  ])('refuses %s %s with 403 JSON and never calls the backend', async (method, path, reason) => {
    const { upstream, base } = await setup();
    const res = await request(`${base}/${path}`, { method, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ status: 'error', error: reason, datasource: 'prom' });
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses a method override header', async () => {
    const { upstream, base } = await setup();
    const res = await request(`${base}/api/v1/query?query=up`, { headers: { 'X-HTTP-Method-Override': 'DELETE' } });
    expect(res.status).toBe(403);
    expect(upstream.requests).toHaveLength(0);
  });

  it('maps a refused connection to 502 naming the datasource', async () => {
    const port = await closedPort();
    const proxy = await track(proxyFor([datasource({ uid: 'prometheus', type: 'prometheus', url: `http://127.0.0.1:${port}` })]));
    const res = await request(`${proxy.url}/api/datasources/proxy/uid/prometheus/api/v1/query?query=up`);
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toEqual({
      status: 'error',
      error: `datasource "prometheus" (prometheus) is unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
      datasource: 'prometheus',
    });
  });

  it('maps an unknown host to 502', async () => {
    const proxy = await track(proxyFor([datasource({ uid: 'loki', type: 'loki', url: 'http://sightline-test.invalid:3100' })]));
    const res = await request(`${proxy.url}/api/datasources/proxy/uid/loki/ready`);
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body).error).toMatch(/^datasource "loki" \(loki\) is unreachable: getaddrinfo (ENOTFOUND|EAI_AGAIN) sightline-test.invalid/);
  });

  it('maps a slow backend to 504 after timeoutMs', async () => {
    const { base } = await setup({ timeoutMs: 100 }, () => {});
    const started = Date.now();
    const res = await request(`${base}/api/v1/query?query=up`);
    expect(res.status).toBe(504);
    expect(JSON.parse(res.body)).toEqual({ status: 'error', error: 'datasource "prom" (prometheus) did not answer within 100 ms', datasource: 'prom' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not let a finished request time out its reused keep-alive socket', async () => {
    const { base } = await setup({ timeoutMs: 100 });
    expect((await request(`${base}/-/ready`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await request(`${base}/-/ready`)).status).toBe(200);
  });

  it('passes upstream error statuses and bodies through unchanged', async () => {
    const body = '{"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:5: parse error: unexpected <EOF>"}';
    const { base } = await setup({}, (_req, res) => res.writeHead(400, { 'content-type': 'application/json' }).end(body));
    const res = await request(`${base}/api/v1/query?query=sum(`);
    expect(res.status).toBe(400);
    expect(res.body).toBe(body);
    expect(res.headers['x-sightline-datasource']).toBe('prom');
  });

  it('strips Set-Cookie and WWW-Authenticate from the answer', async () => {
    const { base } = await setup({}, (_req, res) =>
      res.writeHead(401, { 'set-cookie': 'grafana_session=x', 'www-authenticate': 'Basic realm="loki"', 'x-kept': 'yes' }).end('unauthorized'),
    );
    const res = await request(`${base}/api/v1/labels`);
    expect(res.status).toBe(401);
    expect(res.body).toBe('unauthorized');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.headers['x-kept']).toBe('yes');
  });
});

describe('proxy middleware: streaming', () => {
  it('delivers the first chunk before the backend has finished', async () => {
    let releaseSecondChunk!: () => void;
    const secondChunkReleased = new Promise<void>((resolve) => (releaseSecondChunk = resolve));
    const { base } = await setup({}, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first;');
      // The backend only finishes once the client has seen the first chunk: a buffering
      // proxy would deadlock here and the test would time out.
      void secondChunkReleased.then(() => res.end('second'));
    });
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      http.get(`${base}/api/v1/query?query=up`, { agent: false }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received.push(chunk);
          if (received.length === 1) releaseSecondChunk();
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
    });
    expect(received[0]).toBe('first;');
    expect(received.join('')).toBe('first;second');
  });

  it('aborts the upstream request when the client goes away', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let requestArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    const { base } = await setup({}, (_req, res) => {
      res.on('close', upstreamClosed);
      requestArrived();
    });
    const client = http.get(`${base}/api/v1/query?query=up`, { agent: false });
    client.on('error', () => {});
    await arrived;
    client.destroy();
    await closed;
  });
});

describe('proxy middleware: stale keep-alive connections', () => {
  // The upstream drops a pooled connection as it is reused (what a backend's keep-alive
  // timeout does when it races the proxy's next request).
  async function flakyKeepAliveUpstream() {
    const requestsPerSocket = new WeakMap<object, number>();
    let dropped = 0;
    const upstream = await track(
      serve((req, res) => {
        const count = (requestsPerSocket.get(req.socket) ?? 0) + 1;
        requestsPerSocket.set(req.socket, count);
        if (count > 1) {
          dropped++;
          return void req.socket.destroy();
        }
        res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive' }).end('{"status":"success"}');
      }),
    );
    return { upstream, dropped: () => dropped };
  }

  it('sends a GET again on a fresh connection instead of answering 502', async () => {
    const { upstream, dropped } = await flakyKeepAliveUpstream();
    const proxy = await track(proxyFor([datasource({ uid: 'prom', type: 'prometheus', url: upstream.url })]));
    const url = `${proxy.url}/api/datasources/proxy/uid/prom/api/v1/query?query=up`;
    expect((await request(url)).status).toBe(200);
    const second = await request(url);
    expect(dropped()).toBe(1);
    expect(second.status).toBe(200);
    expect(second.body).toBe('{"status":"success"}');
  });

  it('does not resend a POST, whose body may have reached the backend', async () => {
    const { upstream, dropped } = await flakyKeepAliveUpstream();
    const proxy = await track(proxyFor([datasource({ uid: 'prom', type: 'prometheus', url: upstream.url })]));
    const url = `${proxy.url}/api/datasources/proxy/uid/prom/api/v1/query`;
    const post = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=up' };
    expect((await request(url, post)).status).toBe(200);
    const second = await request(url, post);
    expect(dropped()).toBe(1);
    expect(second.status).toBe(502);
  });
});
