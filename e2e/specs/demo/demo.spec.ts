import { expect, test } from '@playwright/test';
import { ExploreMetricsPage } from '../../pages/ExplorePage';

test.describe('demo mode (no datasource configured)', () => {
  test('home shows the demo banner and the demo datasources', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('complementary', { name: 'Demo mode' })).toContainText('Demo data');
    await expect(page.getByText('Demo Prometheus')).toBeVisible();
    // The shipped dashboards, one click away.
    const dashboards = page.getByRole('list', { name: 'Dashboards on the home page' });
    await dashboards.getByRole('link', { name: 'Homebot overview' }).click();
    await expect(page).toHaveURL(/\/d\/homebot-overview/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Homebot overview');
  });

  test('explore draws synthetic metrics served by the service worker', async ({ page }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('rate(homebot_scans_total[1m])', 'from=now-1h&to=now');
    await expect(explore.chart()).toBeVisible();
    await expect(explore.legendItems().first()).toContainText('token=');
    await expect(explore.linePaths().first()).toHaveAttribute('d', /^M[\d.,\s-]+L/);
  });
});
