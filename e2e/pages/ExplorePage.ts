import { expect, type Page } from '@playwright/test';

export class ExploreMetricsPage {
  constructor(private readonly page: Page) {}

  async open(query: string, range = 'from=now-15m&to=now') {
    await this.page.goto(`/explore/metrics?q=${encodeURIComponent(query)}&${range}`);
  }

  editor() {
    return this.page.getByRole('textbox', { name: 'PromQL query' });
  }

  async run(query: string) {
    await this.editor().fill(query);
    await this.page.getByRole('button', { name: 'Run query' }).click();
  }

  chart() {
    return this.page.getByRole('figure', { name: /Chart of \d+ series/ });
  }

  legendItems() {
    return this.chart().locator('figcaption li');
  }

  /** The drawn line paths: a path with many segments proves points were plotted. */
  linePaths() {
    return this.chart().locator('path.recharts-line-curve');
  }

  error() {
    return this.page.getByRole('alert');
  }

  async expectChartWithSeries(count: number) {
    await expect(this.chart()).toHaveAccessibleName(`Chart of ${count} series`);
  }
}
