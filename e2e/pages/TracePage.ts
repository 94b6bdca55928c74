import type { Page } from '@playwright/test';

/** The trace view: summary, Gantt (a treegrid of span rows) and the span detail pane. */
export class TracePage {
  constructor(private readonly page: Page) {}

  async open(traceId: string, search = '') {
    await this.page.goto(`/traces/${traceId}${search ? `?${search}` : ''}`);
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  gantt() {
    return this.page.getByRole('treegrid', { name: 'Spans' });
  }

  spanRows() {
    return this.gantt().getByRole('row');
  }

  spanRow(name: string) {
    return this.spanRows().filter({ hasText: name });
  }

  /** The row's span button: clicking it selects the span. */
  selectSpan(name: string) {
    return this.spanRow(name).locator('.gantt-span-button').click();
  }

  toggle(name: string, action: 'Collapse' | 'Expand') {
    return this.spanRow(name).getByRole('button', { name: `${action} ${name}`, exact: true }).click();
  }

  summary() {
    return this.page.getByRole('region', { name: 'Trace summary' });
  }

  details() {
    return this.page.getByRole('complementary', { name: 'Span details' });
  }

  findInput() {
    return this.page.getByRole('search', { name: 'Find in trace' }).getByLabel('Find');
  }

  nextMatch() {
    return this.page.getByRole('button', { name: 'Next match' });
  }
}
