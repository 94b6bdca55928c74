import { expect, test } from '@playwright/test';
import { ExploreMetricsPage } from '../pages/ExplorePage';
import { LogsPage } from '../pages/LogsPage';
import { TracePage } from '../pages/TracePage';

// `npm run screenshots`: the pictures in README.md, taken in demo mode with the same set-up as
// the end-to-end tests. Review artefacts, not pixel assertions.
const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: false });

test.describe.configure({ mode: 'serial' });

test('home', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('complementary', { name: 'Demo mode' })).toBeVisible();
  await page.screenshot(shot('home'));
});

test('explore metrics', async ({ page }) => {
  const explore = new ExploreMetricsPage(page);
  await explore.open('rate(homebot_scans_total[1m])', 'from=now-1h&to=now');
  await expect(explore.chart()).toBeVisible();
  await page.screenshot(shot('explore-metrics'));
});

test('logs and the trace of a line', async ({ page }) => {
  const logs = new LogsPage(page);
  await logs.open('{service_name="homebot"}');
  await expect(logs.lines().first()).toBeVisible();
  await page.screenshot(shot('logs'));
  await logs.traceLinks().first().click();
  await expect(new TracePage(page).spanRows().first()).toBeVisible();
  await page.screenshot(shot('trace'));
});
