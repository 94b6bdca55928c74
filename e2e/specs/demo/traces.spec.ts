import { expect, test } from '@playwright/test';
import { TracePage } from '../../pages/TracePage';
import { TraceSearchPage } from '../../pages/TraceSearchPage';

// Demo mode: the service worker answers Tempo's API from the synthetic stack.
test.describe('traces in demo mode', () => {
  test('an error search finds failed scans; the trace marks its error spans and a selected one shows its status', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ q: '{ resource.service.name = "homebot" && status = error }', from: 'now-6h' });
    await expect(search.resultRows().first()).toBeVisible();
    await search.results().getByRole('link').first().click();

    const trace = new TracePage(page);
    await expect(trace.gantt()).toBeVisible();
    const errorRows = trace.gantt().locator('[role="row"][aria-label$=", error"]');
    await expect(errorRows.first()).toBeVisible();
    await errorRows.first().locator('.gantt-span-button').click();
    await expect(trace.details().locator('dd.error-text')).toContainText('error');
    await expect(page).toHaveURL(/span=/);
  });

  test('the whole trace links to all its logs', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ q: '{ resource.service.name = "dyocense-api" && name = "POST /v1/goals/create" }', from: 'now-3h' });
    await search.results().getByRole('link').first().click();
    const trace = new TracePage(page);
    await expect(trace.summary()).toContainText('Bottleneck: llm.generate_smart_goal: 180 ms, 72%');
    await trace.summary().getByRole('link', { name: 'Logs for this trace' }).click();
    await expect(page).toHaveURL(/\/logs\?/);
    expect(new URL(page.url()).searchParams.get('q')).toMatch(/^\{service_name="dyocense-api"\} \| json \| trace_id="00[0-9a-f]{30}"$/);
  });
});
