import { closedPort, recordingUpstream, request, serve, type TestServer } from './testSupport.ts';
import { createOtlpForwarder, type OtlpForwarderOptions } from './otlp.ts';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function receiver(options: OtlpForwarderOptions) {
  const forwarder = createOtlpForwarder(options);
  const server: TestServer = await serve((req, res) => void forwarder.handleTraces(req, res));
  servers.push(server);
  return { forwarder, url: `${server.url}/otlp/v1/traces` };
}

const json = { 'Content-Type': 'application/json' };
const exportBody = JSON.stringify({ resourceSpans: [] });

describe('OTLP forwarding', () => {
  it('forwards the body and content type to <otlpUrl>/v1/traces and relays the answer', async () => {
    const collector = await recordingUpstream((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"partialSuccess":{}}'));
    servers.push(collector);
    const { forwarder, url } = await receiver({ otlpUrl: `${collector.url}/` });
    const res = await request(url, { method: 'POST', headers: json, body: exportBody });
    expect(res).toMatchObject({ status: 200, body: '{"partialSuccess":{}}' });
    expect(collector.requests[0]).toMatchObject({ method: 'POST', url: '/v1/traces', body: exportBody });
    expect(collector.requests[0]!.headers['content-type']).toBe('application/json');
    expect(forwarder.stats()).toMatchObject({ collectorConfigured: true, received: 1, forwarded: 1 });
  });

  it('forwards protobuf bytes untouched', async () => {
    const collector = await recordingUpstream();
    servers.push(collector);
    const { url } = await receiver({ otlpUrl: collector.url });
    const bytes = Buffer.from([0x0a, 0x02, 0x08, 0x01]);
    await request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-protobuf' }, body: bytes });
    expect(collector.requests[0]!.headers['content-type']).toBe('application/x-protobuf');
    expect(Buffer.from(collector.requests[0]!.body, 'latin1').length).toBe(4);
  });

  it('answers 204 and counts the drop when no collector is configured', async () => {
    const { forwarder, url } = await receiver({});
    expect((await request(url, { method: 'POST', headers: json, body: exportBody })).status).toBe(204);
    expect(forwarder.stats()).toMatchObject({ collectorConfigured: false, received: 1, forwarded: 0, dropped: { noCollector: 1 } });
  });

  it('answers 204 when the collector is down or refuses', async () => {
    const port = await closedPort();
    const down = await receiver({ otlpUrl: `http://127.0.0.1:${port}` });
    expect((await request(down.url, { method: 'POST', headers: json, body: exportBody })).status).toBe(204);
    expect(down.forwarder.stats().dropped.collectorUnavailable).toBe(1);

    const collector = await recordingUpstream((_req, res) => res.writeHead(503).end('overloaded'));
    servers.push(collector);
    const refusing = await receiver({ otlpUrl: collector.url });
    expect((await request(refusing.url, { method: 'POST', headers: json, body: exportBody })).status).toBe(204);
    expect(refusing.forwarder.stats().dropped.collectorRejected).toBe(1);
  });

  it('answers 413 past the size limit, by Content-Length or by counting', async () => {
    const collector = await recordingUpstream();
    servers.push(collector);
    const { forwarder, url } = await receiver({ otlpUrl: collector.url, maxBodyBytes: 100 });
    const big = 'x'.repeat(101);
    expect((await request(url, { method: 'POST', headers: json, body: big })).status).toBe(413);
    // Chunked: no Content-Length to go by.
    expect((await request(url, { method: 'POST', headers: { ...json, 'Transfer-Encoding': 'chunked' }, body: big })).status).toBe(413);
    expect((await request(url, { method: 'POST', headers: json, body: 'x'.repeat(100) })).status).toBe(200);
    expect(forwarder.stats().dropped.tooLarge).toBe(2);
    expect(collector.requests).toHaveLength(1);
  });

  it('answers 429 with Retry-After once the rate limit is spent', async () => {
    let time = 0;
    const { forwarder, url } = await receiver({ burst: 2, ratePerSecond: 1, now: () => time });
    const post = () => request(url, { method: 'POST', headers: json, body: exportBody });
    expect([(await post()).status, (await post()).status]).toEqual([204, 204]);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    time = 1000;
    expect((await post()).status).toBe(204);
    expect(forwarder.stats().dropped.rateLimited).toBe(1);
  });

  it('refuses other methods and content types', async () => {
    const { url } = await receiver({});
    expect((await request(url)).status).toBe(405);
    expect((await request(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status).toBe(415);
    expect((await request(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{}' })).status).toBe(204);
  });
});
