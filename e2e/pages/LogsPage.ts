import type { Locator, Page } from '@playwright/test';

export class LogsPage {
  constructor(private readonly page: Page) {}

  async open(query: string, range = 'from=now-1h&to=now', extra = '') {
    await this.page.goto(`/logs?q=${encodeURIComponent(query)}&${range}${extra ? `&${extra}` : ''}`);
  }

  editor() {
    return this.page.getByRole('textbox', { name: 'LogQL query' });
  }

  async runQuery(query: string) {
    await this.editor().fill(query);
    await this.page.getByRole('button', { name: 'Run query' }).click();
  }

  lines() {
    return this.page.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
  }

  line(text: string | RegExp) {
    return this.lines().filter({ hasText: text }).first();
  }

  async expand(line: Locator) {
    await line.getByRole('button', { name: /^Show details of the line/ }).click();
    return line.getByRole('group', { name: 'Line details' });
  }

  lineCount() {
    return this.page.locator('.line-count');
  }

  stats() {
    return this.page.getByLabel('Query stats');
  }

  volume() {
    return this.page.getByRole('figure', { name: /^Log volume by level/ });
  }

  chart() {
    return this.page.getByRole('figure', { name: /^Chart of \d+ series/ });
  }

  traceLinks() {
    return this.page.getByRole('link', { name: /^Open trace [0-9a-f]{32}$/ });
  }

  contextPanel() {
    return this.page.getByRole('region', { name: /^Context of the line/ });
  }

  labelBrowser() {
    return this.page.getByRole('region', { name: 'Label browser' });
  }

  liveStatus() {
    return this.page.getByRole('status').filter({ hasText: /^Live tail/ });
  }

  liveLines() {
    return this.page.getByRole('list', { name: 'Live log lines' }).getByRole('listitem');
  }

  error() {
    return this.page.getByRole('alert');
  }
}
