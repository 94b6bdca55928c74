import { expect, test } from '@playwright/test';
import { TracePage } from '../../pages/TracePage';

// Demo mode has no collector and no Tempo: the service worker receives the browser's OTLP
// exports and files them in the demo trace store, so the trace of a query just run opens
// offline. The store lives in the page, so the trace is opened by in-app navigation, not a reload.

test('the trace of a query just run opens offline, with the proxy and backend spans beneath its fetch', async ({ page }) => {
  const queryRequest = page.waitForRequest((request) => request.url().includes('/api/datasources/proxy/uid/prometheus/api/v1/query_range'));
  await page.goto('/explore/metrics?q=up&from=now-15m&to=now');
  const traceId = (await queryRequest).headers()['traceparent']!.split('-')[1]!;
  // The exporter batches for a second; the worker answers the export it contains.
  await page.waitForRequest((request) => request.url().endsWith('/otlp/v1/traces') && (request.postData() ?? '').includes(traceId));

  await page.getByRole('link', { name: 'Traces', exact: true }).click();
  await page.getByLabel('Trace ID').fill(traceId);
  await page.getByRole('button', { name: 'Open trace' }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));

  // The page load holds every query the view ran while loading (its width settles after the first).
  const trace = new TracePage(page);
  await expect(trace.spanRow('page load /explore/metrics')).toHaveCount(1);
  const queries = await trace.spanRow('explore.metrics query_range').count();
  expect(queries).toBeGreaterThan(0);
  // Each query's fetch has a proxy span and Prometheus's span beneath (other views' queries, such
  // as the header's health status, have theirs too).
  await expect(trace.spanRow('GET /api/v1/query_range')).toHaveCount(queries);
  expect(await trace.spanRow('GET /api/datasources/proxy/uid/:uid/*').count()).toBeGreaterThanOrEqual(queries);
  await expect(trace.spanRow('documentLoad')).toHaveCount(1);
});
