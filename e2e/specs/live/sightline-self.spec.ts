import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { DashboardPage } from '../../pages/DashboardPage';
import { PORTS } from '../../support/ports';

// The e2e Prometheus scrapes the live server's own /metrics as job "sightline" (global-setup.ts),
// and the shipped dashboards/sightline-self.yaml draws those series.

const proxied = (path: string) => `/api/datasources/proxy/uid/prometheus/${path}`;

async function promQuery(request: APIRequestContext, expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const response = await request.get(proxied(`api/v1/query?query=${encodeURIComponent(expr)}`));
  expect(response.status()).toBe(200);
  return (await response.json()).data.result;
}

const increasing = (counter: string) => `sum(rate(${counter}{job="sightline", datasource="prometheus"}[1m])) > 0`;

/**
 * Proxied queries, then waits until Prometheus has seen the counters rise: rate() and the p95 need
 * two samples, and the status counter appears with its first request (a new series has no
 * increase), so a fresh stack's first dashboard load would race the scrapes.
 */
async function proxySomeQueries(request: APIRequestContext): Promise<void> {
  for (let i = 0; i < 3; i++) expect((await request.get(proxied('api/v1/query?query=vector(1)'))).status()).toBe(200);
  await expect
    .poll(async () => (await promQuery(request, `${increasing('sightline_proxy_requests_total')} and ${increasing('sightline_proxy_request_duration_seconds_count')}`)).length, {
      message: 'Prometheus sees a rate of proxied requests to "prometheus"',
      timeout: 20_000,
    })
    .toBe(1);
}

/** The legend's "Last" cell of one series: what the chart drew, as text with its unit. */
function lastValue(panel: Locator, series: string): Locator {
  return panel
    .locator('.series-legend tbody tr')
    .filter({ has: panel.page().getByRole('rowheader', { name: series, exact: true }) })
    .locator('td')
    .first();
}

// A number that is not zero, then the unit: a fresh stack may have only one point per series, so
// the legend's value (not a drawn line) is what proves a real series.
const nonZero = (unit: string) => new RegExp(`^(0\\.\\d*[1-9]|[1-9])[\\d.]* ${unit}$`);

test.describe('The Sightline server dashboard against the e2e Prometheus scraping the live server', () => {
  test('every panel type draws real series of the server serving this page', async ({ page, request }) => {
    await proxySomeQueries(request);
    const d = new DashboardPage(page);
    await d.open('sightline-self');
    await expect(page).toHaveURL(/from=now-15m&to=now/);
    await expect(d.variable('job')).toHaveValue('sightline');

    const rate = d.panel('Proxy requests per second by datasource');
    await expect(d.chart(rate)).toBeVisible();
    await expect(lastValue(rate, 'prometheus')).toHaveText(nonZero('req/s'));
    await expect(lastValue(d.panel('Proxy latency p95 by datasource'), 'prometheus')).toHaveText(nonZero('(µs|ms|s)'));
    await expect(lastValue(d.panel('Bytes streamed back per second'), 'prometheus')).toHaveText(nonZero('(B|KiB|MiB)'));
    await expect(d.legendNames(d.panel('Browser trace exports per second'))).toContainText(['forwarded', 'dropped: no_collector']);

    await expect(d.statValue(d.panel('Refused (403)'))).toHaveText(/^\d+$/);
    await expect(d.statValue(d.panel('Upstream errors'))).toHaveText(/^\d+$/);
    // The live dashboards folder holds exactly one broken file (support/dashboardsFolder.ts).
    await expect(d.statValue(d.panel('Bad dashboards'))).toHaveText('1');
    await expect(d.gauge(d.panel('Memory (RSS)'))).toHaveAccessibleName(/^Gauge \d+(\.\d+)? MiB of 1 GiB$/);
    await expect(d.barGaugeRows(d.panel('Status codes')).filter({ hasText: /^200/ })).toHaveCount(1);

    const targets = d.panel('Sightline scrape targets');
    const live = d.tableRows(targets).filter({ hasText: `127.0.0.1:${PORTS.liveApp}` });
    await expect(live).toHaveCount(1);
    await expect(live.locator('td').last()).toHaveText('1');

    // All drawn: no panel fell back to "No data" or an error.
    await expect(page.getByRole('region').filter({ hasText: 'No data for' })).toHaveCount(0);
    await expect(page.locator('.panel-grid').getByRole('alert')).toHaveCount(0);
  });

  test('requests the test makes the proxy refuse show up in the dashboard counter', async ({ page, request }) => {
    const d = new DashboardPage(page);
    await d.open('sightline-self');
    const refused = d.statValue(d.panel('Refused (403)'));
    await expect(refused).toHaveText(/^\d+$/);
    const before = Number(await refused.textContent());

    for (let i = 0; i < 3; i++) expect((await request.post(proxied('api/v1/admin/tsdb/snapshot'))).status()).toBe(403);

    // Other specs may refuse requests at the same time: at least ours, then.
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      expect(Number(await refused.textContent())).toBeGreaterThanOrEqual(before + 3);
    }).toPass({ timeout: 20_000, intervals: [1000] });
  });
});
