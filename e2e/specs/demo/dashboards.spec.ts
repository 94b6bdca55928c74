import { expect, test } from '@playwright/test';
import { DashboardListPage, DashboardPage } from '../../pages/DashboardPage';

test.describe('Dashboards in demo mode (npm start with no config)', () => {
  test('the list shows the shipped dashboards', async ({ page }) => {
    const list = new DashboardListPage(page);
    await list.open();
    await expect(list.titles()).toHaveText(['API health', 'Homebot overview', 'Prometheus self-monitoring', 'Sightline server']);
  });

  test('the homebot overview draws synthetic data in every panel', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('homebot-overview');
    await expect(page).toHaveURL(/from=now-1h&to=now&refresh=30s/);
    await expect(d.legendNames(d.panel('Scans per minute'))).toContainText(['BTC']);
    await expect(d.legendNames(d.panel('Lookup latency p95'))).toHaveText(['p95']);
    await expect(d.gauge(d.panel('Cache hit rate'))).toHaveAccessibleName(/^Gauge \d+(\.\d+)?% of 100%$/);
    await expect(d.statValue(d.panel('Job queue'))).toHaveText(/^\d+(\.\d+)?$/);
    await expect(d.chart(d.panel('Error rate (5xx)'))).toBeVisible();
    await expect(d.barGaugeRows(d.panel('Targets up'))).toHaveCount(4);
    await expect(d.logLines(d.panel('Recent logs')).first()).toContainText('"service": "homebot"');
  });

  test('picking one service narrows the panel that uses $service, and the link keeps it', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('homebot-overview');
    await expect(d.barGaugeRows(d.panel('Targets up'))).toHaveCount(4);
    await d.variable('Service').selectOption(['homebot']);
    await expect(page).toHaveURL(/var-service=homebot/);
    await expect(d.barGaugeRows(d.panel('Targets up'))).toHaveText([/homebot-api/]);
    await page.reload();
    await expect(d.barGaugeRows(d.panel('Targets up'))).toHaveText([/homebot-api/]);
  });

  test('the API health dashboard resolves chained variables and draws each panel', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('api-health');
    await expect(d.chart(d.panel('Request rate by endpoint'))).toBeVisible();
    await expect(d.chart(d.panel('Error ratio'))).toBeVisible();
    await expect(d.legendNames(d.panel('Latency p95 and p50 by endpoint')).first()).toContainText(/^p95 /);
    await expect(d.tableRows(d.panel('Circuit breakers (0 closed, 1 open, 2 half-open)'))).toHaveCount(2);
    await expect(d.statValue(d.panel('LLM cost over the range'))).toHaveText(/^\$\d/);
    await d.variable('Job').selectOption(['dyocense-api']);
    await expect(d.variable('Endpoint').locator('option')).toHaveText(['All', '/v1/auth/token', '/v1/goals', '/v1/goals/create']);
  });
});
