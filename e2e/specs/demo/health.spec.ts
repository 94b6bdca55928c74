import { expect, test } from '@playwright/test';
import { HealthPage } from '../../pages/HealthPage';
import { LogsPage } from '../../pages/LogsPage';

test.describe('Health in demo mode', () => {
  test('shows every store ready, the degraded dependency, the firing alert and the down target', async ({ page }) => {
    const health = new HealthPage(page);
    await health.open();
    await expect(health.store('Demo Prometheus')).toContainText('2.42.0+ds');
    await expect(health.store('Demo Loki')).toContainText('Ready');
    await expect(health.store('Demo Tempo')).toContainText('2.3.1');

    const deep = health.appEndpoint('homebot', 'Deep check');
    await expect(deep).toContainText('Degraded');
    await expect(health.check('homebot', 'Deep check', 'barcode-lookup-provider')).toContainText('Failing');
    await expect(health.check('homebot', 'Deep check', 'barcode-lookup-provider')).toContainText('503 Service Unavailable');
    await expect(health.check('homebot', 'Deep check', 'database')).toContainText('OK');
    await expect(health.appEndpoint('homebot', 'Readiness').getByRole('img')).toHaveAccessibleName('homebot Readiness: 58 of 60 probes answered');
    await expect(health.appEndpoint('homebot', 'Readiness')).toContainText('96.7% up');

    await expect(health.alert('HighScanErrorRate', 'firing')).toContainText('High scan error rate on homebot');
    await expect(health.alert('HighAPILatency', 'pending')).toContainText('Pending');
    await expect(health.job('legacy-worker')).toContainText('Down');
    await expect(health.rule('CircuitBreakerOpen')).toContainText('inactive');
    await expect(health.overall()).toContainText('Overall: Degraded');
    await expect(health.headerStatus()).toContainText('Status: Degraded');
  });

  test('the home page summarises the status', async ({ page }) => {
    await page.goto('/');
    const status = page.getByRole('region', { name: 'Status' });
    await expect(status).toContainText('Degraded');
    await expect(status).toContainText('Alerts firing: 1 (HighScanErrorRate), pending: 1');
    await expect(status).toContainText('Stores ready: 4 of 4');
    await expect(page).toHaveTitle(/^Degraded · Sightline/);
  });

  test("a firing alert leads to its service's error logs and failed traces", async ({ page }) => {
    const health = new HealthPage(page);
    await health.open();
    const alert = health.alert('HighScanErrorRate', 'firing');
    await alert.getByRole('link', { name: 'Error logs of homebot for HighScanErrorRate' }).click();
    await expect(page).toHaveURL(/\/logs\?/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('{service_name="homebot"} |~ "(?i)(error|exception|fail)"');
    const lines = new LogsPage(page).lines();
    await expect(lines.first()).toBeVisible();
    await expect(lines.first()).toContainText(/error|exception|fail/i);

    await page.goBack();
    await health.alert('HighScanErrorRate', 'firing').getByRole('link', { name: 'Failed traces of homebot for HighScanErrorRate' }).click();
    await expect(page).toHaveURL(/\/traces\?/);
    await expect(page.getByRole('table', { name: 'Matching traces' }).getByRole('row').nth(1)).toBeVisible();
  });

});
