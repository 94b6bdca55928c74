import { expect, test } from '@playwright/test';
import { referenceTrace } from '../../../src/demo/traces';
import { TracePage } from '../../pages/TracePage';
import { TraceSearchPage } from '../../pages/TraceSearchPage';

const GOALS = '{ resource.service.name = "dyocense-api" && name = "POST /v1/goals/create" }';

test.describe('trace search (Tempo)', () => {
  test('a TraceQL search lists traces in a table and a scatter, and opens one', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ q: GOALS });
    await expect(search.resultRows().first()).toBeVisible();
    const rows = await search.resultRows().count();
    expect(rows).toBeGreaterThanOrEqual(20);
    await expect(search.resultRows().first()).toContainText('dyocense-api');
    await expect(search.resultRows().first()).toContainText('250 ms');
    await expect(search.scatterDots()).toHaveCount(rows);

    await search.results().getByRole('link', { name: 'POST /v1/goals/create' }).first().click();
    await expect(page).toHaveURL(/\/traces\/00[0-9a-f]{30}/);
    await expect(new TracePage(page).spanRows()).toHaveCount(7);
  });

  test('a dot of the scatter opens its trace', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ q: GOALS });
    await search.scatterDots().first().click();
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}/);
    await expect(new TracePage(page).spanRow('create_goal')).toBeVisible();
  });

  test('the editor completes attribute names and values, and runs with Shift+Enter', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open();
    await search.editor().click();
    await page.keyboard.type('{ resource.servi');
    await search.completionOption('resource.service.name').click();
    await page.keyboard.type(' = "hom');
    await search.completionOption('homebot').click();
    await page.keyboard.press('Shift+Enter');
    await expect(page).toHaveURL(/q=/);
    // The editor closed the brace and the quote as they were typed.
    expect(new URL(page.url()).searchParams.get('q')).toBe('{ resource.service.name = "homebot"}');
    await expect(search.resultRows().first()).toContainText('homebot');
  });

  test("shows Tempo's message for a bad query next to the editor", async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ q: '{ resource.service.name = "homebot" && }' });
    await expect(search.error()).toContainText('invalid TraceQL query: parse error at line 1, col 40');
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  });

  test('opens a trace by id, with the leading zeros search strips', async ({ page }) => {
    const { traceId } = referenceTrace(Date.now());
    const search = new TraceSearchPage(page);
    await search.open();
    await search.openById(traceId.replace(/^0+/, ''));
    await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
    await expect(new TracePage(page).spanRows()).toHaveCount(7);
  });
});

test.describe('trace search (Jaeger)', () => {
  test('the Jaeger form finds traces with span and error counts and opens one', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ ds: 'jaeger' });
    const form = search.jaegerForm();
    await form.getByLabel('Service').selectOption('homebot');
    await expect(form.getByLabel('Operation').locator('option', { hasText: 'POST /api/v1/scan' })).toHaveCount(1);
    await form.getByLabel('Operation').selectOption('POST /api/v1/scan');
    await form.getByLabel('Limit').fill('5');
    await form.getByRole('button', { name: 'Find traces' }).click();
    await expect(page).toHaveURL(/service=homebot/);
    await expect(search.resultRows()).toHaveCount(5);
    await expect(search.resultRows().first()).toContainText('POST /api/v1/scan');
    expect(Number(await search.resultRows().first().locator('td').nth(4).innerText())).toBeGreaterThan(3);

    await search.results().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/traces\/[0-9a-f]{32}\?ds=jaeger/);
    await expect(new TracePage(page).spanRow('pipeline.scan_token')).toBeVisible();
  });

  test('rejects a malformed duration before asking Jaeger', async ({ page }) => {
    const search = new TraceSearchPage(page);
    await search.open({ ds: 'jaeger' });
    const form = search.jaegerForm();
    await form.getByLabel('Service').selectOption('homebot');
    await form.getByLabel('Min duration').fill('100');
    await form.getByRole('button', { name: 'Find traces' }).click();
    await expect(form.getByRole('alert')).toContainText('not a duration');
  });
});
