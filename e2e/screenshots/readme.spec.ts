import { expect, test } from '@playwright/test';
import { DashboardPage } from '../pages/DashboardPage';
import { ExploreMetricsPage } from '../pages/ExplorePage';
import { LogsPage } from '../pages/LogsPage';

// `npm run screenshots`: the pictures in README.md, taken in demo mode with the same set-up as
// the end-to-end tests. Review artefacts, not pixel assertions.
const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: false });

test.describe.configure({ mode: 'serial' });

test('home', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('complementary', { name: 'Demo mode' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Overall status: / })).toBeVisible();
  await page.screenshot(shot('home'));
});

test('dashboard', async ({ page }) => {
  const dashboard = new DashboardPage(page);
  await dashboard.open('homebot-overview', 'from=now-1h&to=now');
  await expect(dashboard.chart(dashboard.panel('Scans per minute'))).toBeVisible();
  await expect(dashboard.statValue(dashboard.panel('Job queue'))).toBeVisible();
  await page.screenshot(shot('dashboard'));
});

test('health', async ({ page }) => {
  await page.goto('/health');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('barcode-lookup-provider').first()).toBeVisible();
  await page.screenshot(shot('health'));
});

test('explore metrics', async ({ page }) => {
  const explore = new ExploreMetricsPage(page);
  await explore.open('rate(homebot_scans_total[1m])', 'from=now-1h&to=now');
  await expect(explore.chart()).toBeVisible();
  await page.screenshot(shot('explore-metrics'));
});

test('logs and the trace of a line', async ({ page }) => {
  const logs = new LogsPage(page);
  await logs.open('{service_name="dyocense-api"} |= "request_completed" |= "/v1/goals/create"');
  await expect(logs.lines().first()).toBeVisible();
  await page.screenshot(shot('logs'));
  await logs.traceLinks().first().click();
  const spans = page.getByRole('treegrid', { name: 'Spans' });
  await spans.getByRole('row').filter({ hasText: 'llm.generate_smart_goal' }).first().click();
  await expect(page.getByRole('complementary', { name: 'Span details' })).toBeVisible();
  await page.screenshot(shot('trace'));
});
