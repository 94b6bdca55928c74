import { expect, test } from '@playwright/test';
import { LogsPage } from '../../pages/LogsPage';
import { TracePage } from '../../pages/TracePage';

// Against the fake Loki upstream (the demo Loki over real HTTP, through the production proxy).
test.describe('logs', () => {
  test('search shows highlighted lines, stats and the volume by level', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"} |= "scan"');
    await expect(logs.lines().first()).toBeVisible();
    await expect(logs.lines().first().locator('mark').first()).toHaveText('scan');
    await expect(logs.lineCount()).toContainText(/\d+ lines, newest first/);
    await expect(logs.stats()).toContainText('lines scanned');
    await expect(logs.volume()).toBeVisible();
    await expect(logs.volume()).toHaveAttribute('aria-label', /info/);
  });

  test('expanding a line shows its JSON fields; filtering by one narrows the query', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"} |= "scan_completed"');
    const line = logs.line('scan_completed');
    const details = await logs.expand(line);
    await expect(details.getByRole('row', { name: /^event/ })).toContainText('scan_completed');
    await expect(details.getByRole('row', { name: /^logger/ })).toBeVisible();
    await details.getByRole('button', { name: 'Filter for event="scan_completed"' }).click();
    await expect(page).toHaveURL(/json/);
    await expect(logs.editor()).toHaveText('{service_name="homebot"} |= "scan_completed" | json | event="scan_completed"');
    await expect(logs.lines().first()).toContainText('scan_completed');
    // After `| json` the fields come back as labels too.
    const again = await logs.expand(logs.lines().first());
    await expect(again.getByRole('table', { name: 'Labels' })).toContainText('scan_completed');
  });

  test('a trace_id links to the trace view', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="dyocense-api"} |= "request_completed"');
    const link = logs.traceLinks().first();
    const traceId = (await link.getAttribute('aria-label'))!.replace('Open trace ', '');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
    await expect(page.getByText(traceId)).toBeVisible();
    await expect(new TracePage(page).spanRow('dyocense-api').first()).toBeVisible();
  });

  test('show context lists the lines around a line in its stream', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="legacy-worker"} |= "job started"');
    const details = await logs.expand(logs.line('job started'));
    await details.getByRole('button', { name: 'Show context' }).click();
    const context = logs.contextPanel();
    await expect(context).toContainText('Stream {environment="demo", service_name="legacy-worker"}');
    const rows = context.getByRole('listitem');
    await expect(rows.nth(2)).toBeVisible();
    await expect(context.locator('[aria-current="true"]')).toContainText('job started');
    // The lines after it are the same job's, which the filter left out.
    await expect(context).toContainText('fetched batch');
  });

  test('live tail receives lines written while it is open', async ({ page }) => {
    test.setTimeout(75_000);
    const logs = new LogsPage(page);
    await logs.open('{environment="demo"}', 'from=now-5m&to=now', 'live=1');
    await expect(logs.liveStatus()).toContainText('connected', { timeout: 15_000 });
    const openedAt = Date.now();
    // The newest line's time must move past the moment the tail was opened.
    await expect
      .poll(
        async () => {
          const times = await logs.liveLines().locator('time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
          return Math.max(0, ...times);
        },
        { timeout: 60_000, intervals: [1000] },
      )
      .toBeGreaterThan(openedAt);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(logs.liveStatus()).toContainText('paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Stop live tail' }).click();
    await expect(page).not.toHaveURL(/live=/);
  });

  test('an XSS payload in a log line stays inert text', async ({ page }) => {
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    const logs = new LogsPage(page);
    await logs.open('{service_name="scanner-cli"} |= "<"');
    await expect(logs.line('<img src=x onerror=alert(1)>')).toBeVisible();
    await expect(logs.line("<script>alert('xss')</script>")).toBeVisible();
    const details = await logs.expand(logs.line('<img src=x onerror=alert(1)>'));
    await expect(details).toBeVisible();
    await expect(page.locator('main img, main script')).toHaveCount(0);
    expect(dialog).toBe(false);
  });

  test('a parse error is shown with its position; a limit is explained', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"');
    await expect(logs.error()).toContainText('parse error at line 1, col 24');
    await expect(page.getByLabel('Error at line 1, column 24')).toBeVisible();
    await logs.open('{service_name="homebot"}', 'from=now-30d&to=now');
    await expect(page.getByText(/longer than this Loki allows/)).toBeVisible();
  });

  test('the label browser builds a selector by clicks', async ({ page }) => {
    const logs = new LogsPage(page);
    await page.goto('/logs?from=now-1h&to=now');
    await page.getByRole('button', { name: 'Label browser' }).click();
    const browser = logs.labelBrowser();
    await browser.getByRole('button', { name: 'service_name' }).click();
    await browser.getByRole('button', { name: /^homebot \d+ streams?/ }).click();
    await browser.getByRole('button', { name: /^level/ }).click();
    await browser.getByRole('button', { name: /^error \d+ streams?/ }).click();
    await browser.getByRole('button', { name: /^warning \d+ streams?/ }).click();
    await expect(browser.getByLabel('Built selector')).toHaveText('{service_name="homebot", level=~"error|warning"}');
    await browser.getByRole('button', { name: 'Show logs' }).click();
    await expect(logs.editor()).toHaveText('{service_name="homebot", level=~"error|warning"}');
    await expect(logs.lines().first()).toBeVisible();
  });

  test('load older pages back without duplicates; link to line reopens it', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"}', 'from=now-3h&to=now', 'limit=100');
    await expect(logs.lineCount()).toContainText('100 lines');
    const newest = await logs.lines().first().getAttribute('data-line-id');
    await page.getByRole('button', { name: 'Load older lines' }).click();
    // The pages overlap by the oldest nanosecond of the first; the overlap is shown once.
    await expect(logs.lineCount()).toContainText(/^(10[1-9]|1[1-9][0-9]|200) lines/);
    expect(await logs.lines().first().getAttribute('data-line-id')).toBe(newest);
    const line = logs.lines().nth(3);
    const details = await logs.expand(line);
    const href = await details.getByRole('link', { name: 'Link to line' }).getAttribute('href');
    const id = await line.getAttribute('data-line-id');
    await page.goto(href!);
    await expect(page.locator(`[data-line-id="${id}"] .log-row-selected`)).toBeVisible();
  });

  test('a metric query renders as a chart', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('sum by (level) (count_over_time({service_name="homebot"} [1m]))');
    await expect(logs.chart()).toBeVisible();
    await expect(logs.lines()).toHaveCount(0);
  });

  test('the editor completes label names and values from Loki', async ({ page }) => {
    const logs = new LogsPage(page);
    await page.goto('/logs?from=now-1h&to=now');
    await logs.editor().click();
    await page.keyboard.type('{service_n');
    await expect(page.getByRole('option', { name: 'service_name' })).toBeVisible();
    // A click, not Enter: CodeMirror ignores Enter for its interaction delay after the list
    // opens, which a loaded machine can outlast.
    await page.getByRole('option', { name: 'service_name' }).click();
    await page.keyboard.type('="');
    await expect(page.getByRole('option', { name: 'legacy-worker' })).toBeVisible();
    await page.getByRole('option', { name: 'legacy-worker' }).click();
    await expect(logs.editor()).toHaveText('{service_name="legacy-worker"}');
  });

  test('an unreachable Loki is named in the error', async ({ page }) => {
    await page.route('**/api/datasources/proxy/uid/loki/loki/api/v1/query_range?**', (route) => route.abort('connectionrefused'));
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"}');
    await expect(logs.error().first()).toContainText('datasource "loki"');
  });

  test('live tail reconnects after a drop, from just after the last line, and says when it stops', async ({ page }) => {
    const urls: string[] = [];
    const ns = (BigInt(Date.now()) * 1_000_000n).toString();
    await page.routeWebSocket(/\/loki\/api\/v1\/tail/, (ws) => {
      urls.push(ws.url());
      const n = urls.length;
      ws.send(JSON.stringify({ streams: [{ stream: { service_name: 'homebot' }, values: [[(BigInt(ns) + BigInt(n)).toString(), `line from connection ${n}`]] }] }));
      // The first connection drops without a reason; the third is refused the way Loki refuses a bad query.
      if (n === 1) setTimeout(() => ws.close(), 300);
      if (n === 3) ws.close({ code: 1000, reason: 'parse error at line 1, col 2' });
    });
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"}', 'from=now-5m&to=now', 'live=1');
    await expect(logs.liveLines().filter({ hasText: 'line from connection 1' })).toHaveCount(1);
    await expect(logs.liveStatus()).toContainText('reconnecting in 1 s (attempt 1)');
    await expect(logs.liveLines().filter({ hasText: 'line from connection 2' })).toHaveCount(1);
    await expect(logs.liveStatus()).toContainText('connected, 2 lines');
    expect(new URL(urls[1]).searchParams.get('start')).toBe((BigInt(ns) + 2n).toString());
    // Loki refusing the tail with a reason (a bad query): no retries, and the reason is shown.
    await page.reload();
    await expect(logs.liveStatus()).toContainText('Live tail stopped. Loki closed the live tail: parse error at line 1, col 2');
    await expect(page.getByRole('button', { name: 'Reconnect' })).toBeVisible();
  });

  test('display options live in the URL: order, UTC, wrap, dedup', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="legacy-worker"}');
    const options = page.getByRole('group', { name: 'Log display options' });
    await options.getByLabel('Order').selectOption('forward');
    await expect(page).toHaveURL(/direction=forward/);
    await expect(logs.lineCount()).toContainText('oldest first');
    const times = async () => logs.lines().locator('time').evaluateAll((els) => els.slice(0, 5).map((e) => Date.parse(e.getAttribute('datetime')!)));
    await expect.poll(async () => { const t = await times(); return t.length > 1 && t.every((v, i) => i === 0 || v >= t[i - 1]); }).toBe(true);
    await options.getByLabel('UTC').check();
    await expect(page).toHaveURL(/utc=true/);
    await expect(logs.lines().first().locator('time')).toHaveText(/UTC$/);
    await options.getByLabel('Wrap lines').check();
    await expect(page).toHaveURL(/wrap=true/);
    await options.getByLabel('Dedup').selectOption('numbers');
    await expect(page).toHaveURL(/dedup=numbers/);
    await page.reload();
    await expect(options.getByLabel('Order')).toHaveValue('forward');
    await expect(options.getByLabel('UTC')).toBeChecked();
  });

  test('copy line puts the raw line on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const logs = new LogsPage(page);
    await logs.open('{service_name="legacy-worker"} |= "job started"');
    const details = await logs.expand(logs.line('job started'));
    await details.getByRole('button', { name: 'Copy line' }).click();
    await expect(details.getByRole('status')).toHaveText('Line copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^ts=\S+ level=info caller=worker.go:88 msg="job started"/);
  });

  test('dragging across the volume histogram zooms the time range', async ({ page }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"}');
    const chart = logs.volume().locator('.recharts-surface');
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{13}&to=\d{13}|to=\d{13}.*from=\d{13}/);
    const url = new URL(page.url());
    const span = Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
    expect(span).toBeGreaterThan(5 * 60_000);
    expect(span).toBeLessThan(30 * 60_000);
  });
});
