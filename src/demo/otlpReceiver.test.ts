import { setupServer } from 'msw/node';
import { otlpReceiverHandler } from './otlpReceiver.ts';
import { DemoTraceStore } from './traces.ts';

const traceId = '5b8efff798038103d269b633813fc60c';
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

// What the browser's OTLP/JSON exporter posts for one Explore query: the query span and its fetch.
const exportBody = {
  resourceSpans: [
    {
      resource: { attributes: [str('service.name', 'sightline-web')] },
      scopeSpans: [
        {
          scope: { name: 'sightline-web' },
          spans: [
            { traceId, spanId: 'aaaaaaaaaaaaaaaa', name: 'explore.metrics query_range', kind: 1, startTimeUnixNano: '1795353600000000000', endTimeUnixNano: '1795353600120000000' },
            {
              traceId,
              spanId: 'bbbbbbbbbbbbbbbb',
              parentSpanId: 'aaaaaaaaaaaaaaaa',
              name: 'GET',
              kind: 3,
              startTimeUnixNano: '1795353600010000000',
              endTimeUnixNano: '1795353600110000000',
              attributes: [str('http.request.method', 'GET'), str('url.full', 'http://localhost/api/datasources/proxy/uid/prometheus/api/v1/query_range?query=up')],
            },
          ],
        },
      ],
    },
  ],
};

const store = new DemoTraceStore({ now: () => 1795353700000 });
const server = setupServer(otlpReceiverHandler(store));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('demo OTLP receiver', () => {
  it('files the browser’s spans with a proxy and a backend span under the fetch', async () => {
    const res = await fetch('http://sightline.test/otlp/v1/traces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exportBody) });
    expect(res.ok).toBe(true);

    const spans = store.get(traceId)!.spans;
    const byName = (name: string) => spans.find((s) => s.name === name)!;
    const proxy = byName('GET /api/datasources/proxy/uid/:uid/*');
    const backend = byName('GET /api/v1/query_range');
    expect(spans).toHaveLength(4);
    expect(proxy).toMatchObject({ serviceName: 'sightline-proxy', parentSpanId: 'bbbbbbbbbbbbbbbb', kind: 'server' });
    expect(proxy.attributes).toMatchObject({ 'sightline.datasource.uid': 'prometheus', 'sightline.demo.synthetic': true });
    expect(backend).toMatchObject({ serviceName: 'prometheus', parentSpanId: proxy.spanId });
    // Nested in time: fetch ⊃ proxy ⊃ backend.
    const fetchSpan = byName('GET');
    expect(proxy.startUs).toBeGreaterThan(fetchSpan.startUs);
    expect(backend.startUs + backend.durationUs).toBeLessThan(proxy.startUs + proxy.durationUs);
  });

  it('adds nothing twice when a batch arrives again', async () => {
    await fetch('http://sightline.test/otlp/v1/traces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exportBody) });
    expect(store.get(traceId)!.spans).toHaveLength(4);
  });

  it('accepts and drops what it cannot read, without an error status', async () => {
    const res = await fetch('http://sightline.test/otlp/v1/traces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(204);
  });
});
