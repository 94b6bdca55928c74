import { expect, test } from '@playwright/test';
import { LogsPage } from '../../pages/LogsPage';
import { TracePage } from '../../pages/TracePage';

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

  // Moved from demo.spec.ts. Goal creations alternate with goal listings every minute, so the
  // line filter names the path: the newest `request_completed` alone may be a GET /v1/goals.
  test('a log line links to its trace, which lists its spans', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="dyocense-api"} |= "request_completed" |= "/v1/goals/create"');
    await expect(logs.lines().first()).toBeVisible();
    const link = logs.traceLinks().first();
    const traceId = (await link.getAttribute('aria-label'))!.replace('Open trace ', '');
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
