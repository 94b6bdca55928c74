import { expect, test } from '@playwright/test';
import { ExploreMetricsPage } from '../../pages/ExplorePage';
import { PORTS } from '../../support/ports';

test.describe('Explore metrics against real Prometheus', () => {
  test('draws the real `up` series of the e2e Prometheus', async ({ page, request }) => {
    // What Prometheus itself says, through the proxy: the chart must show the same series.
    const direct = await request.get('/api/datasources/proxy/uid/prometheus/api/v1/query?query=up');
    expect(direct.ok()).toBeTruthy();
    const body = await direct.json();
    expect(body.data.result.length).toBeGreaterThan(0);

    const explore = new ExploreMetricsPage(page);
    await explore.open('up', 'from=now-5m&to=now');
    await explore.expectChartWithSeries(body.data.result.length);
    await expect(explore.legendItems().first()).toContainText(`up{instance="127.0.0.1:${PORTS.prometheus}", job="prometheus"}`);
    // A drawn line: an SVG path with at least one segment.
    await expect(explore.linePaths().first()).toHaveAttribute('d', /^M[\d.,\s-]+L/);
  });

  test('runs a query typed in the editor and keeps it in the URL', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await page.goto('/explore/metrics?from=now-5m&to=now');
    await explore.run('prometheus_http_requests_total');
    await expect(page).toHaveURL(/q=prometheus_http_requests_total/);
    await expect(explore.chart()).toBeVisible();
    await expect(explore.legendItems().first()).toContainText('prometheus_http_requests_total{');
  });

  test("shows Prometheus's own error text for a bad query", async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('rate(up[5m]');
    await expect(explore.error()).toContainText('parse error');
    await expect(explore.error()).toContainText('Datasource "prometheus" answered 400');
  });

  test('says "No data" with the query for a metric that does not exist', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('no_such_metric_in_e2e');
    await expect(page.getByText('No data for no_such_metric_in_e2e')).toBeVisible();
  });
});
