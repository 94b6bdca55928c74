import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dashboards shipped in the repository's dashboards/ folder. */
export const shippedDashboards = fileURLToPath(new URL('../../dashboards', import.meta.url));

/** A file that must be listed with its error while the others still load. */
export const BROKEN_DASHBOARD = {
  file: 'zz-broken.yaml',
  text: 'uid: broken\ntitle: Broken\npanels:\n  - { id: a, type: piechart, gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ expr: up }] }\n',
};

/** Panels whose states the e2e checks: Prometheus's parse error, no data, an unknown datasource, a slow query. */
export const ERRORS_DASHBOARD = {
  file: 'e2e-errors.yaml',
  text: [
    'uid: e2e-errors',
    'title: E2E errors',
    'time: { from: now-5m, to: now }',
    'panels:',
    "  - { id: bad, title: Bad query, type: timeseries, gridPos: { x: 0, y: 0, w: 8, h: 6 }, targets: [{ expr: 'rate(up[5m]' }] }",
    "  - { id: empty, title: Empty, type: stat, gridPos: { x: 8, y: 0, w: 8, h: 6 }, targets: [{ expr: 'no_such_metric_in_e2e' }] }",
    "  - { id: nods, title: Elsewhere, type: timeseries, datasource: nowhere, gridPos: { x: 16, y: 0, w: 8, h: 6 }, targets: [{ expr: up }] }",
    "  - { id: slow, title: Slow, type: stat, gridPos: { x: 0, y: 6, w: 8, h: 6 }, targets: [{ expr: 'vector(42)' }] }",
    '',
  ].join('\n'),
};

/** The shipped dashboards plus one broken file, in a temp folder for the live server. */
export function liveDashboardsFolder(): { dir: string; remove: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-dashboards-'));
  for (const name of readdirSync(shippedDashboards)) copyFileSync(join(shippedDashboards, name), join(dir, name));
  writeFileSync(join(dir, BROKEN_DASHBOARD.file), BROKEN_DASHBOARD.text);
  writeFileSync(join(dir, ERRORS_DASHBOARD.file), ERRORS_DASHBOARD.text);
  return { dir, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}
