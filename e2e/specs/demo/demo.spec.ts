import { expect, test } from '@playwright/test';
import { ExploreMetricsPage } from '../../pages/ExplorePage';
import { LogsPage } from '../../pages/LogsPage';
import { TracePage } from '../../pages/TracePage';

test.describe('demo mode (no datasource configured)', () => {
  test('home shows the demo banner and the demo datasources', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('complementary', { name: 'Demo mode' })).toContainText('Demo data');
    await expect(page.getByText('Demo Prometheus')).toBeVisible();
  });

  test('explore draws synthetic metrics served by the service worker', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('rate(homebot_scans_total[1m])', 'from=now-1h&to=now');
    await expect(explore.chart()).toBeVisible();
    await expect(explore.legendItems().first()).toContainText('token=');
    await expect(explore.linePaths().first()).toHaveAttribute('d', /^M[\d.,\s-]+L/);
  });

  test('a log line links to its trace, which lists its spans', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="dyocense-api"} |= "request_completed"');
    await expect(logs.lines().first()).toBeVisible();
    const link = logs.traceLinks().first();
    const label = await link.getAttribute('aria-label');
    const traceId = label!.replace('Open trace ', '');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
    const trace = new TracePage(page);
    await expect(trace.spanRow('POST /v1/goals/create')).toBeVisible();
    await expect(trace.spanRow('llm.generate_smart_goal')).toContainText('180 ms');
  });

  test('log text is never rendered as HTML', async ({ page }) => {
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    const logs = new LogsPage(page);
    await logs.open('{service_name="scanner-cli"}');
    await expect(logs.lines().filter({ hasText: '<img src=x onerror=alert(1)>' }).first()).toBeVisible();
    await expect(logs.lines().filter({ hasText: "<script>alert('xss')</script>" }).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Log lines' }).locator('img, script')).toHaveCount(0);
    expect(dialog).toBe(false);
  });
});
