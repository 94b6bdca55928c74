import type { Page } from '@playwright/test';

/** /traces: open by id, TraceQL editor or Jaeger form, results table and duration scatter. */
export class TraceSearchPage {
  constructor(private readonly page: Page) {}

  async open(params: Record<string, string> = {}) {
    const search = new URLSearchParams({ from: 'now-1h', to: 'now', ...params });
    await this.page.goto(`/traces?${search}`);
  }

  editor() {
    return this.page.getByRole('textbox', { name: 'TraceQL query' });
  }

  async runTraceQL(query: string) {
    await this.editor().click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(query);
    await this.page.getByRole('button', { name: 'Run query' }).click();
  }

  completionOption(label: string) {
    return this.page.getByRole('listbox').getByRole('option', { name: label, exact: true });
  }

  results() {
    return this.page.getByRole('table', { name: 'Matching traces' });
  }

  resultRows() {
    return this.results().locator('tbody tr');
  }

  scatter() {
    return this.page.getByRole('figure', { name: /Trace duration over time/ });
  }

  scatterDots() {
    return this.scatter().locator('.recharts-scatter-symbol');
  }

  error() {
    return this.page.getByRole('alert');
  }

  jaegerForm() {
    return this.page.getByRole('form', { name: 'Jaeger search' });
  }

  async openById(traceId: string) {
    await this.page.getByLabel('Trace ID').fill(traceId);
    await this.page.getByRole('button', { name: 'Open trace' }).click();
  }
}
