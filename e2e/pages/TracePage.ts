import type { Page } from '@playwright/test';

export class TracePage {
  constructor(private readonly page: Page) {}

  async open(traceId: string) {
    await this.page.goto(`/traces/${traceId}`);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  spanRows() {
    return this.page.getByRole('table', { name: 'Spans' }).locator('tbody tr');
  }

  spanRow(name: string) {
    return this.spanRows().filter({ hasText: name });
  }
}
