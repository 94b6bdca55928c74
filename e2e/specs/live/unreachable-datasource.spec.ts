import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DashboardPage } from '../../pages/DashboardPage';
import { startAppServer, type RunningApp } from '../../support/appServer';
import { PORTS, URLS } from '../../support/ports';

// A datasource that is configured but down: its own app, so the shared live server's overall
// health (which other specs check) does not see a store down.
const DASHBOARD = [
  'uid: half-down',
  'title: Half down',
  'time: { from: now-5m, to: now }',
  'panels:',
  "  - { id: up, title: Reachable, type: stat, gridPos: { x: 0, y: 0, w: 8, h: 6 }, targets: [{ expr: 'vector(7)' }] }",
  "  - { id: down, title: On the dead store, type: timeseries, datasource: dead, gridPos: { x: 8, y: 0, w: 8, h: 6 }, targets: [{ expr: up }] }",
  '',
].join('\n');

let app: RunningApp;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sightline-half-down-'));
  writeFileSync(join(dir, 'half-down.yaml'), DASHBOARD);
  app = await startAppServer(
    PORTS.unreachableApp,
    [
      `dashboards: "${dir}"`,
      'datasources:',
      `  - { uid: prometheus, type: prometheus, name: E2E Prometheus, url: "${URLS.prometheus}" }`,
      `  - { uid: dead, type: prometheus, name: Dead Prometheus, url: "http://127.0.0.1:${PORTS.unscrapable}" }`,
    ].join('\n'),
  );
});

test.afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a panel on a configured datasource that is down names it and why; the other panels still draw', async ({ page }) => {
  const d = new DashboardPage(page);
  await page.goto(`${app.url}/d/half-down`);
  await expect(d.statValue(d.panel('Reachable'))).toHaveText('7');
  const failed = d.panel('On the dead store').getByRole('alert');
  await expect(failed).toHaveText(new RegExp(`^datasource "dead" \\(prometheus\\) is unreachable: connect ECONNREFUSED 127\\.0\\.0\\.1:${PORTS.unscrapable}$`));
});
