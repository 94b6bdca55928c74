import { expect, test } from '@playwright/test';
import { TracePage } from '../../pages/TracePage';

// Demo mode has no collector and no Tempo: the service worker receives the browser's OTLP
// exports and files them in the demo trace store, so the trace of a query just run opens
// offline. The store lives in the page, so the trace is opened by in-app navigation, not a reload.

test('the trace of a query just run opens offline, with the proxy and backend spans beneath its fetch', async ({ page }) => {
  const exported: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/otlp/v1/traces')) exported.push(request.postData() ?? '');
  });
  const queryRequest = page.waitForRequest((request) => request.url().includes('/api/datasources/proxy/uid/prometheus/api/v1/query_range'));
  await page.goto('/explore/metrics?q=up&from=now-15m&to=now');
  const [, traceId, fetchSpanId] = (await queryRequest).headers()['traceparent']!.split('-');
  // The exporter sends a batch a second; the spans of one trace may span several batches.
  await expect
    .poll(() => {
      const all = exported.join('\n');
      return all.includes(traceId!) && all.includes(`"spanId":"${fetchSpanId}"`) && all.includes('explore.metrics query_range');
    })
    .toBe(true);

  await page.getByRole('link', { name: 'Traces', exact: true }).click();
  await page.getByLabel('Trace ID').fill(traceId!);
  await page.getByRole('button', { name: 'Open trace' }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));

  // page load → the view's query → its fetch → the proxy → Prometheus, one level each.
  const trace = new TracePage(page);
  await expect(trace.spanRow('page load /explore/metrics')).toHaveAttribute('aria-level', '1');
  await expect(trace.spanRow('explore.metrics query_range').first()).toHaveAttribute('aria-level', '2');
  await expect(trace.spanRow('documentLoad')).toHaveCount(1);
  // The backend's span is far down a page-load trace (every chunk's resourceFetch comes first):
  // find scrolls the virtualized rows to it.
  await trace.findInput().fill('GET /api/v1/query_range');
  await trace.nextMatch().click();
  await expect(trace.spanRow('GET /api/v1/query_range').first()).toHaveAttribute('aria-level', '5');
  await expect(trace.spanRow('GET /api/v1/query_range').first()).toContainText('prometheus');
});

test('the Logs view links its query to the query trace, which opens offline', async ({ page }) => {
  const exported: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/otlp/v1/traces')) exported.push(request.postData() ?? '');
  });
  await page.goto(`/logs?q=${encodeURIComponent('{service_name="homebot"}')}&from=now-15m&to=now`);
  const link = page.getByRole('link', { name: /^Trace of this query: [0-9a-f]{32}$/ });
  await expect(link).toBeVisible();
  const traceId = (await link.getAttribute('aria-label'))!.replace('Trace of this query: ', '');
  // The exporter sends a batch about once a second: wait until the query's span has gone out.
  await expect.poll(() => exported.some((body) => body.includes(traceId) && body.includes('logs query_range')), { timeout: 15_000 }).toBe(true);
  await link.click();
  const trace = new TracePage(page);
  await trace.findInput().fill('logs query_range');
  await trace.nextMatch().click();
  await expect(trace.spanRow('logs query_range').first()).toBeVisible();
});
