import { expect, test } from '@playwright/test';
import { HealthPage } from '../../pages/HealthPage';
import { PORTS, URLS } from '../../support/ports';

// Against the e2e stack: real Prometheus with an always-firing rule and an unscrapable target,
// and the flipping app (support/flippingApp.ts) probed by the live server every second.

const flip = (to: 'ready' | 'not-ready') => fetch(`${URLS.flippingApp}/__control/${to}`, { method: 'POST' });

test.describe('Health against real Prometheus', () => {
  test('Prometheus is ready, with the version it reports', async ({ page, request }) => {
    const buildInfo = await (await request.get('/api/datasources/proxy/uid/prometheus/api/v1/status/buildinfo')).json();
    const health = new HealthPage(page);
    await health.open();
    const store = health.store('E2E Prometheus');
    await expect(store).toContainText('Ready');
    await expect(store).toContainText(buildInfo.data.version);
    await expect(store).toContainText('200');
  });

  test('the always-firing alert shows as firing with its severity and annotations', async ({ page }) => {
    const health = new HealthPage(page);
    await health.open();
    const alert = health.alert('E2EAlwaysFiring', 'firing');
    await expect(alert).toContainText('Firing');
    await expect(alert).toContainText('warning');
    await expect(alert).toContainText('Always firing in the e2e stack');
    await expect(alert).toContainText(/for \d+[smh]/);
    await expect(health.rule('E2EAlwaysFiring')).toContainText('firing');
  });

  test("the unscrapable target is down with Prometheus's scrape error, and the filter keeps only it", async ({ page }) => {
    const health = new HealthPage(page);
    await health.open();
    const target = health.target(`127.0.0.1:${PORTS.unscrapable}`);
    await expect(target).toContainText('Down');
    await expect(target).toContainText('connection refused');
    await expect(health.job('unscrapable')).toContainText('(0 of 1 up)');
    await expect(health.job('prometheus')).toContainText('Up');
    await health.unhealthyOnly().check();
    await expect(health.job('prometheus')).toHaveCount(0);
    await expect(target).toBeVisible();
  });

  test("a rule's expression opens in Explore", async ({ page }) => {
    const health = new HealthPage(page);
    await health.open();
    await health.ruleExpressionLink('E2EAlwaysFiring').click();
    await expect(page).toHaveURL(/\/explore\/metrics\?.*q=vector%281%29(%20|\+)%3E(%20|\+)0/);
    await expect(page).toHaveURL(/from=\d+/);
  });

  test('the header shows the overall status on every route, and the tab title too', async ({ page }) => {
    const health = new HealthPage(page);
    await page.goto('/logs');
    // A warning alert firing and a target down: degraded, with the reasons in its name.
    await expect(health.headerStatus()).toHaveAccessibleName(/Overall status: Degraded\. .*alert E2EAlwaysFiring firing \(warning\).*1 scrape target down \(unscrapable\)/);
    await expect(page).toHaveTitle(/^Degraded · /);
  });

  test.describe('the app whose readiness flips', () => {
    test.afterEach(async () => {
      await flip('ready');
    });

    test('the page follows it from 200 to 503, naming the failing check, and back', async ({ page }) => {
      test.setTimeout(90_000);
      await flip('ready');
      const health = new HealthPage(page);
      await health.open();
      const readiness = health.appEndpoint('flipper', 'Readiness');
      await expect(readiness).toContainText('HTTP 200');
      await expect(health.check('flipper', 'Readiness', 'redis')).toContainText('redis: OK');

      await flip('not-ready');
      // No reload: the page polls on its own (every 15 s), the server probes every second.
      await expect(readiness).toContainText('HTTP 503', { timeout: 30_000 });
      await expect(readiness).toContainText('failing: redis');
      await expect(health.check('flipper', 'Readiness', 'redis')).toContainText('redis: Failing');
      await expect(health.check('flipper', 'Readiness', 'database')).toContainText('database: OK');
      await expect(health.overall()).toContainText('Down: flipper ready: HTTP 503 (not_ready); failing: redis');
      await expect(health.headerStatus()).toContainText('Status: Down');

      await flip('ready');
      await expect(readiness).toContainText('HTTP 200', { timeout: 30_000 });
      await expect(health.headerStatus()).toContainText('Status: Degraded');
    });
  });
});
