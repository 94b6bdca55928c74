import { expect, test } from '@playwright/test';
import { LogsPage } from '../../pages/LogsPage';

// Demo mode: the service worker answers Loki, including the tail WebSocket.
test.describe('logs in demo mode', () => {
  test('search, expand a logfmt line and filter on one of its fields', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="legacy-worker"}');
    const details = await logs.expand(logs.line('job started'));
    await expect(details.getByRole('table', { name: 'Fields (logfmt)' })).toContainText('queue');
    const queue = await details.getByRole('row', { name: /^queue/ }).getByRole('cell').first().textContent();
    await details.getByRole('button', { name: `Filter for queue="${queue}"` }).click();
    await expect(logs.editor()).toHaveText(`{service_name="legacy-worker"} | logfmt | queue="${queue}"`);
    await expect(logs.lines().first()).toContainText(`queue=${queue}`);
  });

  test('live tail connects through the service worker', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{environment="demo"}', 'from=now-5m&to=now', 'live=1');
    await expect(logs.liveStatus()).toContainText('connected', { timeout: 15_000 });
    await expect(logs.liveLines().first()).toBeVisible({ timeout: 20_000 });
  });
});
