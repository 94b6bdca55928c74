import { expect, test } from '@playwright/test';
import { DashboardListPage, DashboardPage } from '../../pages/DashboardPage';
import { BROKEN_DASHBOARD } from '../../support/dashboardsFolder';
import { PORTS } from '../../support/ports';

test.describe('Dashboards against real Prometheus', () => {
  test('the shipped Prometheus dashboard draws real data in every panel type', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self');
    // The file's time range is written into the link.
    await expect(page).toHaveURL(/from=now-15m&to=now/);

    const requests = d.panel('HTTP requests per second by handler');
    await expect(d.chart(requests)).toBeVisible();
    // Prometheus scrapes its own /metrics every second: that handler must be a series.
    await expect(d.legendNames(requests).filter({ hasText: /^\/metrics$/ })).toHaveCount(1);
    await expect(requests.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,\s-]+L/);

    const samples = d.panel('Samples appended per scrape interval');
    await expect(d.chart(samples)).toBeVisible();
    await expect(samples.locator('.recharts-bar-rectangle').first()).toBeAttached();

    await expect(d.statValue(d.panel('Head series'))).toHaveText(/^\d+(\.\d+)?( K)?$/);
    await expect(d.gauge(d.panel('Resident memory'))).toHaveAccessibleName(/^Gauge \d+(\.\d+)? MiB of 1.86 GiB$/);
    await expect(d.barGaugeRows(d.panel('Requests by handler (total)')).filter({ hasText: '/metrics' })).toHaveCount(1);

    const targets = d.panel('Scrape targets');
    await expect(d.tableRows(targets).filter({ hasText: `127.0.0.1:${PORTS.prometheus}` })).toHaveCount(1);
    await targets.getByRole('button', { name: 'Value' }).click();
    await expect(targets.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'ascending');

    // The inspector shows the query as sent (variables substituted) and links its trace.
    await requests.getByText('Inspect').click();
    await expect(requests.locator('.panel-inspector code')).toHaveText(/^sum by \(handler\) \(rate\(prometheus_http_requests_total\{job="prometheus", handler=~"\.\*"\}\[\d+s\]\)\)$/);
    await expect(requests.getByRole('link', { name: /^Trace [0-9a-f]{32}$/ })).toHaveAttribute('href', /^\/traces\/[0-9a-f]{32}/);
    await expect(requests.locator('.inspector-run')).toHaveText(/^Status 200 · \d+ ms · .+ · [1-9]\d* series, [1-9]\d* points$/);

    await expect(d.logLines(d.panel('Logs (Loki)')).first()).toBeVisible();
    await expect(d.panel('Logs (Loki)').getByRole('link', { name: 'Open in Logs' })).toHaveAttribute('href', /\/logs\?q=/);
  });

  test('clicking a legend entry shows that series alone; clicking again shows all', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self');
    const requests = d.panel('HTTP requests per second by handler');
    const lines = requests.locator('path.recharts-line-curve');
    await expect(d.legendNames(requests).nth(1)).toBeVisible();
    const all = await d.legendNames(requests).count();
    await expect(lines).toHaveCount(all);
    const metrics = requests.getByRole('button', { name: '/metrics', exact: true });
    await metrics.click();
    await expect(metrics).toHaveAttribute('aria-pressed', 'true');
    await expect(lines).toHaveCount(1);
    await metrics.click();
    await expect(lines).toHaveCount(all);
  });

  test("a bad query shows Prometheus's error, an empty one says No data, an unknown datasource is named", async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('e2e-errors');
    const bad = d.panel('Bad query');
    await expect(bad.getByRole('alert')).toContainText('parse error');
    await expect(bad.getByRole('alert')).toContainText('Datasource "prometheus" answered 400');
    await expect(d.panel('Empty')).toContainText('No data for no_such_metric_in_e2e');
    await expect(d.panel('Elsewhere').getByRole('alert')).toHaveText('Datasource "nowhere" is not configured');
  });

  test('a slow panel shows its progress and can be cancelled; the others are not held up', async ({ page }) => {
    // Hold the slow panel's request until the test lets it go.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/query_range\?query=vector%2842%29/, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const d = new DashboardPage(page);
    await d.open('e2e-errors');
    const slow = d.panel('Slow');
    await expect(slow.getByRole('status')).toHaveText(/Loading…/);
    await expect(d.panel('Bad query').getByRole('alert')).toContainText('parse error');
    await slow.getByRole('button', { name: 'Cancel' }).click();
    await expect(slow.getByRole('status')).toHaveCount(0);
    release();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(d.statValue(slow)).toHaveText('42');
  });

  test('exports the dashboard as its file', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('prometheus-self.json');
    const file = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(file).toMatchObject({ uid: 'prometheus-self', title: 'Prometheus self-monitoring' });
    expect(file.panels).toHaveLength(7);
    expect(file.draft).toBeUndefined();
  });

  test('dragging across a chart zooms: the URL gets the window, Back restores the range', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self', 'from=now-15m&to=now');
    const requests = d.panel('HTTP requests per second by handler');
    await expect(d.chart(requests)).toBeVisible();
    const before = Date.now();
    await d.dragAcross(requests, 0.5, 0.9);
    await expect(page).toHaveURL(/from=\d{13}&to=\d{13}/);
    const url = new URL(page.url());
    const from = Number(url.searchParams.get('from'));
    const to = Number(url.searchParams.get('to'));
    // 40% of 15 minutes, ending a little before now.
    expect(to - from).toBeGreaterThan(5 * 60_000);
    expect(to - from).toBeLessThan(7 * 60_000);
    expect(to).toBeLessThanOrEqual(before + 60_000);
    await page.goBack();
    await expect(page).toHaveURL(/from=now-15m&to=now/);
  });

  test('t then z zooms out, t then ← shifts earlier', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self', 'from=1700000000000&to=1700000600000');
    await page.locator('body').press('t');
    await page.locator('body').press('z');
    await expect(page).toHaveURL(/from=1699999700000&to=1700000900000/);
    await page.getByRole('button', { name: '‹ Earlier' }).click();
    await expect(page).toHaveURL(/from=1699999100000&to=1700000300000/);
  });

  test('a variable change goes into the URL and into the queries', async ({ page }) => {
    const d = new DashboardPage(page);
    await d.open('prometheus-self');
    const handlers = d.variable('Handlers');
    await handlers.selectOption('/metrics');
    await expect(page).toHaveURL(/var-handler_filter=%2Fmetrics/);
    const requests = d.panel('HTTP requests per second by handler');
    await expect(d.legendNames(requests)).toHaveText(['/metrics']);
    await expect(requests.getByRole('link', { name: /Explore the query/ })).toHaveAttribute('href', /handler%3D%7E%22%2Fmetrics%22/);
  });

  test('the list finds dashboards by title and tag and shows the file that failed', async ({ page }) => {
    const list = new DashboardListPage(page);
    await list.open();
    await expect(list.titles()).toHaveText(['API health', 'E2E errors', 'Homebot overview', 'Prometheus self-monitoring', 'Sightline server']);
    await list.search().fill('self');
    await expect(list.titles()).toHaveText(['Prometheus self-monitoring', 'Sightline server']);
    await list.search().fill('');
    await page.getByLabel('Tag').selectOption('homebot');
    await expect(list.titles()).toHaveText(['API health', 'Homebot overview']);
    await expect(list.invalidFiles()).toHaveText([`${BROKEN_DASHBOARD.file}: panels.0.type: Invalid option: expected one of "timeseries"|"stat"|"gauge"|"bargauge"|"table"|"logs"`]);
  });

  test('an imported Grafana dashboard renders real series, and lists what it could not convert', async ({ page }) => {
    const grafana = {
      uid: 'grafana-import-e2e',
      title: 'Imported from Grafana',
      schemaVersion: 39,
      time: { from: 'now-10m', to: 'now' },
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'Up by job',
          gridPos: { x: 0, y: 0, w: 12, h: 8 },
          datasource: { type: 'prometheus', uid: 'some-grafana-uid' },
          fieldConfig: { defaults: { unit: 'short' }, overrides: [] },
          targets: [{ expr: 'up{job="prometheus"}', legendFormat: '{{job}}', refId: 'A' }],
        },
        { id: 2, type: 'singlestat', title: 'Series', gridPos: { x: 12, y: 0, w: 12, h: 8 }, datasource: 'Prometheus', format: 'short', valueName: 'current', targets: [{ expr: 'prometheus_tsdb_head_series', refId: 'A' }] },
        { id: 3, type: 'piechart', title: 'Pie', gridPos: { x: 0, y: 8, w: 12, h: 8 }, targets: [{ expr: 'up' }] },
      ],
    };
    const list = new DashboardListPage(page);
    await list.open();
    await list.importText().fill(JSON.stringify(grafana));
    await page.getByRole('button', { name: 'Convert' }).click();
    await expect(page.getByRole('list', { name: 'Not converted' })).toHaveText(['Panel "Pie": panel type "piechart" is not supported; the panel is left out']);
    await page.getByRole('button', { name: 'Open imported dashboard' }).click();
    await expect(page).toHaveURL(/\/d\/grafana-import-e2e\?from=now-10m&to=now/);
    const d = new DashboardPage(page);
    await expect(d.legendNames(d.panel('Up by job'))).toHaveText(['prometheus']);
    await expect(d.statValue(d.panel('Series'))).toHaveText(/^\d/);
    await expect(page.getByRole('note')).toContainText('Imported draft');
  });
});
