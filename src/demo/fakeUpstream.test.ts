/// <reference types="node" />
import { request } from 'node:http';
import { startFakeUpstream, type FakeUpstream } from '../../e2e/support/fakeUpstream.ts';
import { referenceTrace } from './traces.ts';

let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = await startFakeUpstream(0);
});
afterAll(async () => {
  await upstream.close();
});

describe('the fake upstream over real HTTP', () => {
  it('listens on a free loopback port', () => {
    expect(upstream.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(upstream.port).toBeGreaterThan(0);
  });

  it('answers Loki query_range', async () => {
    const now = Date.now();
    const params = new URLSearchParams({ query: '{service_name="homebot"} | json', start: `${now - 3_600_000}000000`, end: `${now}000000`, limit: '20' });
    const r = await fetch(`${upstream.url}/loki/api/v1/query_range?${params}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const body = (await r.json()) as { data: { result: Array<{ values: unknown[] }> } };
    expect(body.data.result.flatMap((s) => s.values)).toHaveLength(20);
  });

  it('answers Tempo /api/traces/<id> and Jaeger under /jaeger', async () => {
    const { traceId } = referenceTrace(Date.now());
    const tempo = await fetch(`${upstream.url}/api/traces/${traceId}`);
    expect(tempo.status).toBe(200);
    expect(((await tempo.json()) as { batches: unknown[] }).batches.length).toBe(4);
    const jaeger = await fetch(`${upstream.url}/jaeger/api/traces/${traceId}`);
    expect(((await jaeger.json()) as { data: Array<{ spans: unknown[] }> }).data[0]!.spans).toHaveLength(7);
    const missing = await fetch(`${upstream.url}/api/traces/f497a3f735e6b1fc29b9fe683e5a2947`);
    expect([missing.status, await missing.text()]).toEqual([404, 'trace not found']);
  });

  it('answers Prometheus and readiness, and 404s unknown paths as Go routers do', async () => {
    const up = (await (await fetch(`${upstream.url}/api/v1/query?query=up`)).json()) as { data: { result: unknown[] } };
    expect(up.data.result).toHaveLength(5);
    expect(await (await fetch(`${upstream.url}/-/ready`)).text()).toBe('Prometheus Server is Ready.\n');
    expect(await (await fetch(`${upstream.url}/ready`)).text()).toBe('ready\n');
    const unknown = await fetch(`${upstream.url}/nope`);
    expect([unknown.status, await unknown.text()]).toEqual([404, '404 page not found\n']);
  });

  it('serves the Loki tail as a WebSocket with {"streams": [...]} text frames', async () => {
    const start = `${Date.now() - 600_000}000000`;
    const frame = await new Promise<string>((resolve, reject) => {
      const req = request(`${upstream.url}/loki/api/v1/tail?${new URLSearchParams({ query: '{service_name="homebot"}', start, limit: '5' })}`, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
      });
      req.on('upgrade', (res, socket, head: Buffer) => {
        expect(res.headers['sec-websocket-accept']).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
        let data = head;
        const tryFrame = (): void => {
          if (data.length < 2) return;
          expect(data[0]).toBe(0x81);
          const len7 = data[1]! & 0x7f;
          const offset = len7 === 126 ? 4 : len7 === 127 ? 10 : 2;
          if (data.length < offset) return;
          const len = len7 === 126 ? data.readUInt16BE(2) : len7 === 127 ? Number(data.readBigUInt64BE(2)) : len7;
          if (data.length < offset + len) return;
          // A masked close frame, as a client must send.
          socket.end(Buffer.from([0x88, 0x80, 0, 0, 0, 0]));
          resolve(data.subarray(offset, offset + len).toString('utf8'));
        };
        // The server may drop the connection when the suite closes it; that is not a failure.
        socket.on('error', () => undefined);
        socket.on('data', (chunk: Buffer) => {
          data = Buffer.concat([data, chunk]);
          tryFrame();
        });
        tryFrame();
      });
      req.on('error', reject);
      req.end();
    });
    const parsed = JSON.parse(frame) as { streams: Array<{ stream: Record<string, string>; values: Array<[string, string]> }> };
    expect(parsed.streams[0]!.stream.service_name).toBe('homebot');
    expect(parsed.streams.flatMap((s) => s.values)).toHaveLength(5);
  });
});
