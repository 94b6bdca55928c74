import { expect, test, type Browser } from '@playwright/test';
import { ShareDialog } from '../../pages/ShareDialog';
import { DashboardPage } from '../../pages/DashboardPage';
import { ExploreMetricsPage } from '../../pages/ExplorePage';
import { LogsPage } from '../../pages/LogsPage';

/** Opens a link the way a colleague would: a fresh browser context, nothing shared but the URL. */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test.describe('share links reopen the same view', () => {
  test('a dashboard link keeps its range and refresh', async ({ page, browser }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.open('homebot-overview', 'from=now-3h&to=now&refresh=1m');
    await expect(dashboard.panel('Scans per minute')).toBeVisible();
    const share = new ShareDialog(page);
    await share.openForView();
    const link = new URL(await share.link());
    expect(link.pathname).toBe('/d/homebot-overview');
    expect(link.searchParams.get('from')).toBe('now-3h');
    expect(link.searchParams.get('refresh')).toBe('1m');

    const reopened = await openFresh(browser, link.href);
    await expect(reopened.getByRole('heading', { level: 1 })).toHaveText('Homebot overview');
    expect(new URL(reopened.url()).searchParams.get('from')).toBe('now-3h');
    await reopened.context().close();
  });

  test('an absolute link freezes the range to what was on screen', async ({ page, browser }) => {
    const explore = new ExploreMetricsPage(page);
    await explore.open('homebot_job_queue_size', 'from=now-30m&to=now');
    await expect(explore.chart()).toBeVisible();
    const share = new ShareDialog(page);
    await share.openForView();
    await share.chooseAbsoluteTime();
    const link = new URL(await share.link());
    const from = Number(link.searchParams.get('from'));
    const to = Number(link.searchParams.get('to'));
    expect(to - from).toBe(30 * 60_000);
    expect(Math.abs(to - Date.now())).toBeLessThan(120_000);
    expect(link.searchParams.get('q')).toBe('homebot_job_queue_size');

    const reopened = await openFresh(browser, link.href);
    const again = new ExploreMetricsPage(reopened);
    await again.expectQuery('homebot_job_queue_size');
    await expect(again.chart()).toBeVisible();
    await reopened.context().close();
  });

  test('a logs link reopens the query', async ({ page, browser }) => {
    const logs = new LogsPage(page);
    await logs.open('{service_name="homebot"} |= "scan"');
    await expect(logs.lines().first()).toBeVisible();
    const share = new ShareDialog(page);
    await share.openForView();
    const link = await share.link();
    const reopened = await openFresh(browser, link);
    const again = new LogsPage(reopened);
    await expect(again.editor()).toHaveText('{service_name="homebot"} |= "scan"');
    await expect(again.lines().first()).toBeVisible();
    await reopened.context().close();
  });

  test('a panel gives its own link and an embed snippet that shows it without chrome', async ({ page, browser }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.open('homebot-overview', 'from=now-1h&to=now');
    const share = new ShareDialog(page);
    await share.openForPanel('Job queue');
    const link = new URL(await share.link());
    expect(link.searchParams.get('viewPanel')).toBe('job-queue');
    const embed = await share.embedUrl();
    expect(embed).toContain('/embed/d/homebot-overview/panel/job-queue?');
    expect(await share.snippet()).toMatch(/^<iframe src="[^"]+\/embed\/d\/homebot-overview\/panel\/job-queue\?[^"]*" width="600" height="300"/);

    const panelPage = await openFresh(browser, link.href);
    await expect(panelPage.getByRole('region', { name: 'Job queue', exact: true })).toBeVisible();
    await expect(panelPage.getByRole('region', { name: 'Scans per minute', exact: true })).toHaveCount(0);
    await panelPage.context().close();

    const embedded = await openFresh(browser, embed);
    await expect(embedded.getByRole('region', { name: 'Job queue', exact: true })).toBeVisible();
    await expect(embedded.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(embedded.getByRole('complementary', { name: 'Demo mode' })).toHaveCount(0);
    await embedded.context().close();
  });
});

test.describe('kiosk mode', () => {
  test('shows the dashboard without chrome and leaves with Escape', async ({ page }) => {
    await page.goto('/d/homebot-overview?from=now-1h&to=now&kiosk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Homebot overview');
    await expect(page.getByRole('region', { name: 'Scans per minute', exact: true })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Time range actions' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(new URL(page.url()).searchParams.has('kiosk')).toBe(false);
  });
});

test('a trace link reopens the trace with the selected span', async ({ page, browser }) => {
  const logs = new LogsPage(page);
  await logs.open('{service_name="dyocense-api"} |= "request_completed" |= "/v1/goals/create"');
  await logs.traceLinks().first().click();
  const spans = page.getByRole('treegrid', { name: 'Spans' });
  await spans.getByRole('row').filter({ hasText: 'llm.generate_smart_goal' }).first().click();
  await expect(page).toHaveURL(/span=[0-9a-f]{16}/);
  const share = new ShareDialog(page);
  await share.openForView();
  const link = new URL(await share.link());
  expect(link.pathname).toBe(new URL(page.url()).pathname);
  expect(link.searchParams.get('span')).toBe(new URL(page.url()).searchParams.get('span'));

  const reopened = await openFresh(browser, link.href);
  await expect(reopened.getByRole('treegrid', { name: 'Spans' })).toBeVisible();
  expect(new URL(reopened.url()).searchParams.get('span')).toBe(link.searchParams.get('span'));
  await expect(reopened.getByRole('complementary', { name: 'Span details' })).toContainText('llm.generate_smart_goal');
  await reopened.context().close();
});
