import type { Page } from '@playwright/test';

export class LogsPage {
  constructor(private readonly page: Page) {}

  async open(query: string, range = 'from=now-1h&to=now') {
    await this.page.goto(`/logs?q=${encodeURIComponent(query)}&${range}`);
  }

  lines() {
    return this.page.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
  }

  traceLinks() {
    return this.page.getByRole('link', { name: /^Open trace [0-9a-f]{32}$/ });
  }

  error() {
    return this.page.getByRole('alert');
  }
}
