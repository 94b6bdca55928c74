import { expect, test } from '@playwright/test';
import { ExploreMetricsPage } from '../../pages/ExplorePage';
import { PORTS } from '../../support/ports';

test.describe('Explore metrics: the PromQL editor and its tools, against real Prometheus', () => {
  test('completes metric names and label values from Prometheus through the proxy', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await page.goto('/explore/metrics?from=now-5m&to=now');
    const proxied: string[] = [];
    page.on('request', (r) => r.url().includes('/api/datasources/proxy/uid/prometheus/') && proxied.push(r.url()));
    await explore.editor().click();
    await page.keyboard.type('prometheus_tsdb_head_se');
    await expect(explore.completions().locator('.cm-completionLabel').filter({ hasText: /^prometheus_tsdb_head_series$/ })).toHaveCount(1);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('up{job="');
    await expect(explore.completions().locator('.cm-completionLabel').filter({ hasText: /^prometheus$/ })).toHaveCount(1);
    expect(proxied.some((u) => /api\/v1\/label\/__name__\/values|api\/v1\/series|api\/v1\/labels|api\/v1\/metadata/.test(u))).toBe(true);
  });

  test('highlights PromQL and marks an error before running it', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await page.goto('/explore/metrics?from=now-5m&to=now');
    const errors = page.locator('.promql-editor .cm-lintRange-error');
    // A type error Prometheus would refuse: rate() needs a range vector.
    await explore.editor().click();
    await page.keyboard.type('rate(up)');
    await expect(errors.first()).toBeVisible();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('rate(up[5m])');
    await expect(errors).toHaveCount(0);
    // Highlighting: the duration gets a token style of its own.
    await expect(explore.editor().locator('span', { hasText: /^5m$/ })).toHaveAttribute('class', /\S/);
  });

  test('runs several queries together, each in the URL, and shows them as a table too', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('up{job="prometheus"}', 'from=now-5m&to=now');
    await explore.expectChartWithSeries(1);
    await explore.addQuery('prometheus_tsdb_head_series');
    await page.getByRole('button', { name: 'Run query' }).click();
    await expect(page).toHaveURL(/q=up.*&q=prometheus_tsdb_head_series/);
    await explore.expectChartWithSeries(2);
    await explore.tab('Table').click();
    await expect(page).toHaveURL(/tab=table/);
    await expect(explore.resultTable().first().locator('tbody tr')).toHaveCount(1);
    await expect(explore.resultTable().first()).toContainText(`127.0.0.1:${PORTS.prometheus}`);
    await explore.resultTable().first().getByRole('button', { name: 'Value' }).click();
    await expect(explore.resultTable().first().getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  test('the inspector shows the request, status, duration, size and what came back', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('up{job="prometheus"}', 'from=now-5m&to=now');
    await explore.expectChartWithSeries(1);
    await explore.inspector().getByText('Query inspector').click();
    const inspector = explore.inspector();
    await expect(inspector).toContainText('GET /api/datasources/proxy/uid/prometheus/api/v1/query_range?query=up');
    await expect(inspector).toContainText('step=');
    await expect(inspector.locator('dt:has-text("Status") + dd')).toHaveText('200');
    await expect(inspector.locator('dt:has-text("Returned") + dd')).toHaveText(/^1 series, \d+ points$/);
    await expect(inspector.locator('dt:has-text("Response size") + dd')).toHaveText(/^\d+(\.\d)? (B|KiB)$/);
    await expect(inspector.locator('dt:has-text("Duration") + dd')).toHaveText(/^\d+ ms$/);
    // The query's own span (sampled: the live server samples everything) links to its trace.
    await expect(inspector.getByRole('link', { name: /^[0-9a-f]{32}$/ })).toHaveAttribute('href', /^\/traces\/[0-9a-f]{32}/);
  });

  test('keeps a local history of queries that runs again on click', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await page.goto('/explore/metrics?from=now-5m&to=now');
    await explore.run('prometheus_build_info');
    await expect(explore.chart()).toBeVisible();
    await page.goto('/explore/metrics?from=now-5m&to=now');
    await page.getByText(/^Query history/).click();
    await explore.historyEntries().filter({ hasText: 'prometheus_build_info' }).click();
    await expect(page).toHaveURL(/q=prometheus_build_info/);
    await expect(explore.legendItems().first()).toContainText('prometheus_build_info{');
  });

  test('dragging across the graph zooms into that window', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('up', 'from=now-10m&to=now');
    await expect(explore.chart()).toBeVisible();
    const box = (await page.locator('.chart-plot').boundingBox())!;
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, box.y + 100, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{13}&to=\d{13}/);
  });

  test('a query with many series draws every one at its value, and the legend isolates one', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    // 25 constant series, n="1" to n="25" with values 1 to 25: more than a dense chart's threshold.
    const query = Array.from({ length: 25 }, (_, i) => `label_replace(vector(${i + 1}), "n", "${i + 1}", "", "")`).join(' or ');
    await explore.open(query, 'from=now-5m&to=now');
    await explore.expectChartWithSeries(25);
    await expect(explore.denseLinePaths()).toHaveCount(25);
    const names = await explore.legendItems().locator('.legend-series').allTextContents();
    const firstY = async (n: number) => {
      const key = `s${names.findIndex((name) => name.includes(`n="${n}"`))}`;
      const d = (await explore.chart().locator(`path.chart-line[data-series-key="${key}"]`).getAttribute('d'))!;
      expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
      return Number(/^M[\d.]+,([\d.]+)/.exec(d)![1]);
    };
    // Higher values sit higher on the screen, evenly: 25 is 24 steps above 1, 13 halfway.
    const [y1, y13, y25] = [await firstY(1), await firstY(13), await firstY(25)];
    expect(y25).toBeLessThan(y1);
    expect(Math.abs(y13 - (y1 + y25) / 2)).toBeLessThan(1);
    await explore.legendItems().filter({ hasText: 'n="25"' }).getByRole('button').click();
    await expect(explore.denseLinePaths()).toHaveCount(1);
    await explore.legendItems().filter({ hasText: 'n="25"' }).getByRole('button').click();
    await expect(explore.denseLinePaths()).toHaveCount(25);
  });
});
