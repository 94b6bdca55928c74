import { expect, test } from '@playwright/test';
import { generateLargeTrace, generateLargeTraceOtlp } from '../../../src/demo/largeTrace';
import { referenceTrace } from '../../../src/demo/traces';
import { TracePage } from '../../pages/TracePage';

// Against the fake Tempo upstream (the demo trace store over real HTTP): the reference goal
// trace is trace A of the fixtures, 250 ms, with its LLM step taking 180 ms.
test.describe('trace view (Tempo)', () => {
  test('opens the reference trace, names the bottleneck, collapses a subtree', async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const trace = new TracePage(page);
    // Asked for as protobuf, as Grafana asks Tempo, and answered so through the proxy.
    const answer = page.waitForResponse((r) => r.url().includes(`/api/traces/${traceId}`) && r.status() === 200);
    await trace.open(traceId);
    expect((await answer).request().headers().accept).toBe('application/protobuf');
    expect((await answer).headers()['content-type']).toBe('application/protobuf');
    await expect(trace.heading()).toContainText('dyocense-api: POST /v1/goals/create');
    await expect(trace.spanRows()).toHaveCount(7);
    await expect(trace.summary()).toContainText('Bottleneck: llm.generate_smart_goal: 180 ms, 72%');
    await expect(trace.spanRow('llm.generate_smart_goal')).toContainText('180 ms');

    await trace.toggle('create_goal', 'Collapse');
    await expect(trace.spanRows()).toHaveCount(3);
    await expect(trace.spanRow('create_goal')).toHaveAttribute('aria-expanded', 'false');
    await expect(trace.spanRow('http.post api.openai.com')).toHaveCount(0);
    await trace.toggle('create_goal', 'Expand');
    await expect(trace.spanRows()).toHaveCount(7);
  });

  test('selects a span into the URL and follows its logs link', async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const trace = new TracePage(page);
    await trace.open(traceId);
    await trace.selectSpan('llm.generate_smart_goal');
    await expect(page).toHaveURL(/span=[0-9a-f]{16}/);
    const details = trace.details();
    await expect(details.getByRole('heading', { name: 'llm.generate_smart_goal' })).toBeVisible();
    await expect(details).toContainText('dyocense-api');
    await expect(details.getByRole('region', { name: 'Attributes' })).toContainText('llm.model');

    // Reloading keeps the selection: the URL is the state.
    await page.reload();
    await expect(trace.details().getByRole('heading', { name: 'llm.generate_smart_goal' })).toBeVisible();
    await expect(trace.spanRow('llm.generate_smart_goal')).toHaveAttribute('aria-selected', 'true');

    await trace.details().getByRole('link', { name: 'Logs for this span' }).click();
    await expect(page).toHaveURL(/\/logs\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe(`{service_name="dyocense-api"} | json | trace_id="${traceId}"`);
    expect(Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'))).toBeGreaterThan(180);
  });

  test('finds spans by attribute and steps to the next match', async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const trace = new TracePage(page);
    await trace.open(traceId);
    await trace.findInput().fill('goal');
    await expect(page.getByRole('search', { name: 'Find in trace' })).toContainText('5 matches');
    await trace.nextMatch().click();
    await expect(page.getByRole('search', { name: 'Find in trace' })).toContainText('1 of 5');
    await expect(trace.details().getByRole('heading', { name: 'POST /v1/goals/create' })).toBeVisible();
    await trace.findInput().press('Enter');
    await expect(trace.details().getByRole('heading', { name: 'create_goal' })).toBeVisible();
  });

  test('works from the keyboard: arrows move between rows, left collapses, Enter selects', async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const trace = new TracePage(page);
    await trace.open(traceId);
    await expect(trace.spanRows()).toHaveCount(7);
    // A busy page: frames come late. Focus must still follow each key at once, or a key pressed
    // before the next frame acts on the row the previous key left (holding ArrowDown stalled).
    await page.evaluate(() => {
      const raf = window.requestAnimationFrame.bind(window);
      const pending = new Set<number>();
      let next = 1;
      window.requestAnimationFrame = (callback) => {
        const id = next++;
        pending.add(id);
        setTimeout(() => raf((time) => pending.delete(id) && callback(time)), 150);
        return id;
      };
      window.cancelAnimationFrame = (id) => void pending.delete(id);
    });
    // Tab reaches the first row (roving focus), then the arrows take over.
    await trace.spanRow('POST /v1/goals/create').locator('.gantt-span-button').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(trace.spanRow('create_goal').locator('.gantt-span-button')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(trace.spanRows()).toHaveCount(3);
    await page.keyboard.press('ArrowRight');
    await expect(trace.spanRows()).toHaveCount(7);
    await page.keyboard.press('Enter');
    await expect(trace.details().getByRole('heading', { name: 'create_goal' })).toBeVisible();
  });

  test('dragging across the minimap zooms the time axis; Reset zoom undoes it', async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const trace = new TracePage(page);
    await trace.open(traceId);
    const reset = page.getByRole('button', { name: 'Reset zoom' });
    await expect(reset).toBeDisabled();
    const box = (await page.locator('.minimap').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(reset).toBeEnabled();
    const zoom = page.getByRole('slider', { name: /Zoom window/ });
    await expect(zoom).toHaveAttribute('aria-valuetext', /^1\d(\.\d)? ms to 6\d(\.\d)? ms$/);
    await reset.click();
    await expect(zoom).toHaveAttribute('aria-valuetext', '0 µs to 250 ms');
  });

  test("the URL keeps the Gantt's view: collapsed spans, zoom window (edges dragged) and find text survive a reload", async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const trace = new TracePage(page);
    await trace.open(traceId);
    await expect(trace.spanRows()).toHaveCount(7);
    await page.getByLabel('Collapse to depth').selectOption({ label: '3' }); // depths are shown 1-based
    await expect(trace.spanRows()).toHaveCount(6);
    await trace.toggle('create_goal', 'Collapse');
    await expect(trace.spanRows()).toHaveCount(3);
    // Drag the window's end grip to 40% of the trace (100 ms), then its start grip to 10% (25 ms).
    const box = (await page.locator('.minimap').boundingBox())!;
    const drag = async (grip: 'start' | 'end', share: number) => {
      const handle = (await page.locator(`.minimap-edge[data-edge="${grip}"]`).boundingBox())!;
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * share, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
    };
    await drag('end', 0.4);
    await drag('start', 0.1);
    const zoom = page.getByRole('slider', { name: /Zoom window/ });
    await expect(zoom).toHaveAttribute('aria-valuetext', /^2\d(\.\d)? ms to (99|10\d)(\.\d)? ms$/);
    await trace.findInput().fill('openai');
    await expect(page.getByRole('search', { name: 'Find in trace' })).toContainText('2 matches');
    await expect(page).toHaveURL(/find=openai/);
    const url = new URL(page.url());
    expect(url.searchParams.get('depth')).toBe('2');
    expect(url.searchParams.get('toggle')).toMatch(/^[0-9a-f]{16}$/);
    expect(url.searchParams.get('zoom')).toMatch(/^2\d(\.\d+)?,(99|10\d)(\.\d+)?$/);

    await page.reload();
    await expect(trace.spanRows()).toHaveCount(3);
    await expect(trace.spanRow('create_goal')).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('slider', { name: /Zoom window/ })).toHaveAttribute('aria-valuetext', (await zoom.getAttribute('aria-valuetext'))!);
    await expect(trace.findInput()).toHaveValue('openai');
    await expect(page.getByRole('search', { name: 'Find in trace' })).toContainText('2 matches');
    // Expanding everything leaves no collapse state in the link.
    await page.getByLabel('Collapse to depth').selectOption('all');
    await expect(trace.spanRows()).toHaveCount(7);
    await expect(page).not.toHaveURL(/depth=|toggle=/);
  });

  test('says so when a trace does not exist', async ({ page }) => {
    const trace = new TracePage(page);
    await trace.open('0123456789abcdef0123456789abcdef');
    await expect(page.getByRole('alert')).toContainText('was not found');
    // The store may not have it yet (a query's own trace, just exported): Retry asks again.
    const again = page.waitForRequest((request) => request.url().includes('/traces/0123456789abcdef0123456789abcdef'));
    await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await again;
    await expect(page.getByRole('alert')).toContainText('was not found');
  });
});

test.describe('a 10,000-span trace', () => {
  test('opens, scrolls to its last span and collapses', async ({ page }) => {
    const generated = generateLargeTrace(10_000, 5);
    const body = JSON.stringify(generateLargeTraceOtlp(10_000, 5));
    await page.route('**/api/datasources/proxy/uid/tempo/api/v2/traces/**', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: '404 page not found\n' }));
    await page.route(`**/api/datasources/proxy/uid/tempo/api/traces/${generated.traceId}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));

    const trace = new TracePage(page);
    await trace.open(generated.traceId);
    await expect(trace.summary()).toContainText('10,000 spans');
    await expect(trace.gantt()).toHaveAttribute('aria-rowcount', '10000');
    // Virtualized: only the rows in view (plus a few) are in the DOM.
    expect(await trace.spanRows().count()).toBeLessThan(80);
    await expect(trace.spanRow('batch.rescan_all_tokens')).toBeVisible();

    await trace.gantt().evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(trace.gantt().locator('[aria-rowindex="10000"]')).toBeVisible();
    await expect(trace.spanRow('batch.rescan_all_tokens')).toHaveCount(0);

    await trace.gantt().evaluate((el) => (el.scrollTop = 0));
    await trace.toggle('batch.rescan_all_tokens', 'Collapse');
    await expect(trace.gantt()).toHaveAttribute('aria-rowcount', '1');
    await expect(trace.spanRows()).toHaveCount(1);
  });
});
