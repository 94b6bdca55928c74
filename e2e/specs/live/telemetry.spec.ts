import { createServer } from 'node:net';
import { referenceTrace } from '../../../src/demo/traces';
import { expect, test, type Page, type Response } from '@playwright/test';
import type { ReceivedSpan } from '../../support/otlpReceiver';
import type { RecordedUpstreamRequest } from '../../support/recordingUpstream';
import { startAppServer } from '../../support/appServer';
import { URLS } from '../../support/ports';

// The join the issue asks for: browser query span → fetch span → proxy server span → backend,
// one trace id, each the parent of the next, checked on what a real collector would receive.

const SERVER_KIND = 2;

/** A port free right now (parallel runs use nearby port bases, so none is reserved for this). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function receivedSpans(): Promise<ReceivedSpan[]> {
  return (await fetch(`${URLS.otlpReceiver}/spans`)).json();
}

async function upstreamRequests(): Promise<RecordedUpstreamRequest[]> {
  return (await fetch(`${URLS.recordingUpstream}/__recorded`)).json();
}

/** Opens Explore on `uid` and returns the browser fetch span's ids, read off the query request's `traceparent`. */
async function runExploreQuery(page: Page, uid: string): Promise<{ traceId: string; fetchSpanId: string }> {
  const queryResponse = page.waitForResponse((response) => response.url().includes(`/api/datasources/proxy/uid/${uid}/api/v1/query_range`));
  await page.goto(`/explore/metrics?q=up&from=now-5m&to=now${uid === 'prometheus' ? '' : `&ds=${uid}`}`);
  return fetchSpanOf(await queryResponse);
}

/** The browser fetch span's ids, read off the `traceparent` FetchInstrumentation put on the request. */
function fetchSpanOf(response: Response): { traceId: string; fetchSpanId: string } {
  expect(response.status()).toBe(200);
  const traceparent = response.request().headers()['traceparent'];
  expect(traceparent, 'the query carries the browser fetch span').toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  const [, traceId, fetchSpanId] = traceparent!.split('-');
  return { traceId: traceId!, fetchSpanId: fetchSpanId! };
}

/**
 * Waits until the collector holds the fetch span, the proxy span under it and any spans named in
 * `alsoNamed` in the same trace, and returns them.
 */
async function joinedSpans(traceId: string, fetchSpanId: string, alsoNamed: string[] = []) {
  let spans: ReceivedSpan[] = [];
  await expect
    .poll(
      async () => {
        spans = (await receivedSpans()).filter((span) => span.traceId === traceId);
        const missing = alsoNamed.filter((name) => !spans.some((s) => s.name === name));
        if (!spans.some((s) => s.spanId === fetchSpanId)) missing.push('the fetch span');
        if (!spans.some((s) => s.parentSpanId === fetchSpanId)) missing.push('the proxy span');
        // Listing what did arrive makes a failure readable.
        return missing.length ? { missing, received: spans.map((s) => `${s.service}: ${s.name}`) } : 'complete';
      },
      { timeout: 15_000, message: 'the collector receives the whole trace' },
    )
    .toBe('complete');
  const fetchSpan = spans.find((s) => s.spanId === fetchSpanId)!;
  const proxySpan = spans.find((s) => s.parentSpanId === fetchSpanId)!;
  return { spans, fetchSpan, proxySpan };
}

test.describe('frontend-to-backend traces', () => {
  test('browser query, fetch and proxy spans join in one trace against real Prometheus', async ({ page, request }) => {
    const forwardedBefore = (await (await request.get('/api/telemetry/stats')).json()).forwarded as number;
    const { traceId, fetchSpanId } = await runExploreQuery(page, 'prometheus');
    const { spans, fetchSpan, proxySpan } = await joinedSpans(traceId, fetchSpanId, ['page load /explore/metrics', 'documentLoad']);

    expect(fetchSpan.service).toBe('sightline-web');
    expect(String(fetchSpan.attributes['url.full'])).toContain('/api/datasources/proxy/uid/prometheus/api/v1/query_range');
    // The view's query span is the fetch's parent (withQuerySpan calls fetch inside its context).
    const querySpan = spans.find((s) => s.spanId === fetchSpan.parentSpanId);
    expect(querySpan?.name).toBe('explore.metrics query_range');
    expect(querySpan?.attributes['db.query.text']).toBe('up');
    // ...whose parent is the page load, which also holds the document-load spans.
    const pageLoad = spans.find((s) => s.name === 'page load /explore/metrics')!;
    expect(querySpan?.parentSpanId).toBe(pageLoad.spanId);
    expect(pageLoad.parentSpanId).toBeUndefined();
    expect(spans.find((s) => s.name === 'documentLoad')?.parentSpanId).toBe(pageLoad.spanId);

    expect(proxySpan).toMatchObject({ service: 'sightline-proxy', kind: SERVER_KIND, traceId });
    expect(proxySpan.attributes).toMatchObject({
      'sightline.datasource.uid': 'prometheus',
      'sightline.datasource.type': 'prometheus',
      'http.status_code': 200,
    });
    expect(Number(proxySpan.attributes['sightline.upstream.bytes'])).toBeGreaterThan(0);

    // The browser's spans came through Sightline's /otlp/v1/traces (forwarded by Node's fetch),
    // the proxy's straight from its own exporter.
    expect(fetchSpan.deliveredBy).toBe('node');
    expect(proxySpan.deliveredBy).toMatch(/OTel-OTLP-Exporter-JavaScript/);
    const stats = await (await request.get('/api/telemetry/stats')).json();
    expect(stats.forwarded).toBeGreaterThan(forwardedBefore);
  });

  test('a trace body is fetched under a span of its own (not the fetch instrumentation), the proxy span under it', async ({ page }) => {
    const { traceId: wanted } = referenceTrace(Date.now());
    // The trace's own request, v1 or v2 (whichever this Tempo serves), answered 200.
    const body = page.waitForResponse((r) => /\/api\/datasources\/proxy\/uid\/tempo\/api\/(v2\/)?traces\/[0-9a-f]{32}$/.test(r.url()) && r.url().includes(wanted) && r.ok());
    await page.goto(`/traces/${wanted}`);
    const { traceId, fetchSpanId } = fetchSpanOf(await body);
    const { spans, fetchSpan, proxySpan } = await joinedSpans(traceId, fetchSpanId);
    expect(fetchSpan).toMatchObject({ service: 'sightline-web', name: 'GET' });
    expect(String(fetchSpan.attributes['url.full'])).toContain(`/api/datasources/proxy/uid/tempo/api/`);
    expect(fetchSpan.attributes['http.response.status_code']).toBe(200);
    // Its parent is the view's query span when that is recording (unit-tested in
    // selfTracedRequests.test.ts); a trace request that starts before the SDK is up has none.
    expect(proxySpan.attributes).toMatchObject({ 'sightline.datasource.uid': 'tempo' });
    // One client span for the request: the fetch instrumentation made none of its own.
    expect(spans.filter((s) => s.service === 'sightline-web' && /\/api\/datasources\/proxy\/.*\/traces\//.test(String(s.attributes['url.full'] ?? '')) && String(s.attributes['url.full']).endsWith(wanted))).toHaveLength(1);
  });

  test('the backend receives the proxy span as the parent, in W3C and in Jaeger format', async ({ page }) => {
    const w3c = await runExploreQuery(page, 'recorder');
    const w3cProxy = (await joinedSpans(w3c.traceId, w3c.fetchSpanId)).proxySpan;
    const w3cHeaders = (await upstreamRequests()).find((r) => r.path === '/w3c/api/v1/query_range' && String(r.headers.traceparent).includes(w3c.traceId))?.headers;
    expect(w3cHeaders?.traceparent).toBe(`00-${w3c.traceId}-${w3cProxy.spanId}-01`);
    expect(w3cHeaders?.['uber-trace-id']).toBeUndefined();

    const jaeger = await runExploreQuery(page, 'recorder-jaeger');
    const jaegerProxy = (await joinedSpans(jaeger.traceId, jaeger.fetchSpanId)).proxySpan;
    const jaegerHeaders = (await upstreamRequests()).find(
      (r) => r.path === '/jaeger/api/v1/query_range' && String(r.headers['uber-trace-id']).startsWith(jaeger.traceId),
    )?.headers;
    expect(jaegerHeaders?.['uber-trace-id']).toBe(`${jaeger.traceId}:${jaegerProxy.spanId}:0:1`);
    expect(jaegerHeaders?.traceparent).toBeUndefined();
  });

  test('a refresh is traced from the click: user action → query → fetch → proxy', async ({ page }) => {
    const firstQuery = page.waitForResponse((response) => response.url().includes('/api/datasources/proxy/uid/prometheus/api/v1/query_range'));
    await page.goto('/explore/metrics?q=up&from=now-5m&to=now');
    await firstQuery;
    const refreshed = page.waitForResponse((response) => response.url().includes('/api/datasources/proxy/uid/prometheus/api/v1/query_range'));
    await page.getByRole('group', { name: 'Refresh' }).getByRole('button', { name: 'Refresh' }).click();
    const { traceId, fetchSpanId } = fetchSpanOf(await refreshed);
    const { spans, fetchSpan } = await joinedSpans(traceId, fetchSpanId, ['user refresh']);

    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const ancestry: string[] = [];
    for (let span = byId.get(fetchSpan.parentSpanId!); span; span = span.parentSpanId ? byId.get(span.parentSpanId) : undefined) ancestry.push(span.name);
    expect(ancestry).toEqual(['explore.metrics query_range', 'user refresh']);
  });

  test('with the collector down the app works, the console stays clean and the drops are counted', async ({ page }) => {
    // A port nothing listens on: the collector is down for both the forwarder and the proxy's exporter.
    const deadCollector = 'http://127.0.0.1:9';
    const app = await startAppServer(await freePort(), `datasources:\n  - { uid: prometheus, type: prometheus, url: "${URLS.prometheus}" }\n`, {
      OTLP_URL: deadCollector,
    });
    try {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      const query = page.waitForResponse((response) => response.url().includes('/api/datasources/proxy/uid/prometheus/api/v1/query_range'));
      await page.goto(`${app.url}/explore/metrics?q=up&from=now-5m&to=now`);
      expect((await query).status()).toBe(200);
      await expect
        .poll(async () => (await (await fetch(`${app.url}/api/telemetry/stats`)).json()).dropped.collectorUnavailable, {
          message: 'the browser exported, and the forwarder counted the drop',
        })
        .toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await app.stop();
    }
  });

  test('an unsampled query carries no sampled flag, through the proxy to the backend, and nothing is exported', async ({ page }) => {
    const app = await startAppServer(
      await freePort(),
      `datasources:\n  - { uid: recorder, type: prometheus, url: "${URLS.recordingUpstream}/unsampled" }\ntelemetry: { sampleRatio: 0 }\n`,
      { OTLP_URL: URLS.otlpReceiver },
    );
    try {
      const query = page.waitForResponse((response) => response.url().includes('/api/datasources/proxy/uid/recorder/api/v1/query_range'));
      await page.goto(`${app.url}/explore/metrics?q=up&from=now-5m&to=now`);
      const traceparent = (await query).request().headers()['traceparent'];
      expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      const traceId = traceparent!.split('-')[1]!;
      const upstream = (await upstreamRequests()).find((r) => r.path === '/unsampled/api/v1/query_range' && String(r.headers.traceparent).includes(traceId));
      expect(upstream?.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
      // Longer than both exporters' one-second batches.
      await page.waitForTimeout(2500);
      expect((await receivedSpans()).filter((span) => span.traceId === traceId)).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
