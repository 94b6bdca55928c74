import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(uid: string, params = '') {
    await this.page.goto(`/d/${uid}${params ? `?${params}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  panel(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  chart(panel: Locator): Locator {
    return panel.getByRole('figure', { name: /Chart of \d+ series/ });
  }

  legendNames(panel: Locator): Locator {
    return panel.locator('.series-legend tbody th');
  }

  statValue(panel: Locator): Locator {
    return panel.getByTestId('stat-value');
  }

  gauge(panel: Locator): Locator {
    return panel.getByRole('img', { name: /^Gauge / });
  }

  barGaugeRows(panel: Locator): Locator {
    return panel.getByRole('listitem');
  }

  tableRows(panel: Locator): Locator {
    return panel.getByRole('table').locator('tbody tr');
  }

  logLines(panel: Locator): Locator {
    return panel.getByRole('list', { name: 'Log lines, newest first' }).getByRole('listitem');
  }

  variable(label: string): Locator {
    return this.page.getByRole('group', { name: 'Dashboard variables' }).getByLabel(label, { exact: true });
  }

  /** Drags across a chart's plot from one fraction of its width to another. */
  async dragAcross(panel: Locator, fromFraction: number, toFraction: number) {
    const plot = panel.locator('.chart-plot');
    const box = (await plot.boundingBox())!;
    const left = box.x + 80;
    const width = box.width - 100;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(left + width * fromFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(left + width * ((fromFraction + toFraction) / 2), y, { steps: 4 });
    await this.page.mouse.move(left + width * toFraction, y, { steps: 4 });
    await this.page.mouse.up();
  }
}

export class DashboardListPage {
  constructor(readonly page: Page) {}

  async open(params = '') {
    await this.page.goto(`/dashboards${params ? `?${params}` : ''}`);
  }

  search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }

  /** Each listed dashboard's title link (its tags are links too, after it). */
  titles(): Locator {
    return this.page.getByRole('list', { name: 'Dashboards', exact: true }).locator('li > a:first-child');
  }

  invalidFiles(): Locator {
    return this.page.getByRole('list', { name: 'Invalid dashboard files' }).getByRole('listitem');
  }

  importText(): Locator {
    return this.page.getByRole('textbox', { name: 'Dashboard JSON' });
  }
}
