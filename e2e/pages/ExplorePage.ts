import { expect, type Locator, type Page } from '@playwright/test';

export class ExploreMetricsPage {
  constructor(private readonly page: Page) {}

  async open(query: string | string[], range = 'from=now-15m&to=now') {
    const qs = [query].flat().map((q) => `q=${encodeURIComponent(q)}`).join('&');
    await this.page.goto(`/explore/metrics?${qs}&${range}`);
  }

  /** The PromQL editor of query row `n` (1-based); CodeMirror's editable area is a textbox. */
  editor(n = 1): Locator {
    return this.page.getByRole('textbox', { name: n === 1 ? 'PromQL query' : `PromQL query ${n}`, exact: true });
  }

  /** Until the first pointer, focus or key the editor is a plain textarea (PromQLEditor.tsx), CodeMirror after. */
  async expectQuery(text: string, n = 1) {
    const editor = this.editor(n);
    await expect(editor).toBeVisible();
    if (await editor.evaluate((el) => el.tagName === 'TEXTAREA')) await expect(editor).toHaveValue(text);
    else await expect(editor).toHaveText(text);
  }

  async run(query: string) {
    await this.editor().fill(query);
    await this.page.getByRole('button', { name: 'Run query' }).click();
  }

  async addQuery(query: string) {
    const count = await this.page.getByRole('textbox', { name: /^PromQL query/ }).count();
    await this.page.getByRole('button', { name: 'Add query' }).click();
    await this.editor(count + 1).fill(query);
  }

  completions(): Locator {
    return this.page.getByRole('listbox').getByRole('option');
  }

  tab(name: 'Graph' | 'Table'): Locator {
    return this.page.getByRole('tab', { name });
  }

  resultTable(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Table' }).getByRole('table');
  }

  inspector(): Locator {
    return this.page.locator('details.inspector-details');
  }

  historyEntries(): Locator {
    return this.page.getByRole('list', { name: 'Query history' }).getByRole('button');
  }

  chart() {
    return this.page.getByRole('figure', { name: /Chart of \d+ series/ });
  }

  legendItems() {
    return this.chart().locator('.series-legend tbody tr');
  }

  /** The drawn line paths: a path with many segments proves points were plotted. */
  linePaths() {
    return this.chart().locator('path.recharts-line-curve');
  }

  /** Lines of a chart with many series, which draws each as one path of its own. */
  denseLinePaths() {
    return this.chart().locator('path.chart-line');
  }

  error() {
    return this.page.getByRole('alert');
  }

  async expectChartWithSeries(count: number) {
    await expect(this.chart()).toHaveAccessibleName(`Chart of ${count} series`);
  }
}
