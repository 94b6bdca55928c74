// Metrics figures: a 6-panel dashboard against a real Prometheus (navigation to every panel
// drawn), and one Explore chart of 50 series x 11,000 points served by request interception (the
// query_range response arriving to the chart painted).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from '../../support/appServer';
import { startPrometheus } from '../../support/prometheus';
import { median, type BenchContext, type Figure } from '../types';
import { BENCH_PORT_BASE } from '../ports';
import { routeJsGzip } from './bundle';

const RUNS = 3;
const base = BENCH_PORT_BASE;
const ports = { prometheus: base + 20, app: base + 21 };

const SIX_PANELS = `uid: bench-six
title: Bench six panels
time: { from: now-15m, to: now }
panels:
  - { id: a, title: Requests, type: timeseries, gridPos: { x: 0, y: 0, w: 12, h: 8 }, minInterval: 1s, targets: [{ expr: 'sum by (handler) (rate(prometheus_http_requests_total[$__rate_interval]))', legend: '{{handler}}' }] }
  - { id: b, title: Samples, type: timeseries, style: bars, gridPos: { x: 12, y: 0, w: 12, h: 8 }, targets: [{ expr: 'rate(prometheus_tsdb_head_samples_appended_total[1m])' }] }
  - { id: c, title: Head series, type: stat, gridPos: { x: 0, y: 8, w: 6, h: 6 }, targets: [{ expr: prometheus_tsdb_head_series }] }
  - { id: d, title: Memory, type: gauge, unit: bytes, max: 2000000000, gridPos: { x: 6, y: 8, w: 6, h: 6 }, targets: [{ expr: process_resident_memory_bytes }] }
  - { id: e, title: Handlers, type: bargauge, gridPos: { x: 12, y: 8, w: 12, h: 6 }, targets: [{ expr: 'topk(5, sum by (handler) (prometheus_http_requests_total))', legend: '{{handler}}' }] }
  - { id: f, title: Targets, type: table, gridPos: { x: 0, y: 14, w: 24, h: 6 }, targets: [{ expr: up }] }
`;

/** Navigation start to the first frame in which all six panels have drawn their data. */
async function dashboardRun(ctx: BenchContext, url: string): Promise<number> {
  const browser = await ctx.launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(url);
    // Polled every animation frame; the value is taken inside the page, so no round trip counts.
    const handle = await page.waitForFunction(
      () => {
        if (document.querySelector('[data-panel-id] [data-state="error"]')) return -1;
        return document.querySelectorAll('[data-panel-id] [data-state="ready"]').length === 6 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    ).catch(async (error: Error) => {
      const states = await page.$$eval('[data-panel-id]', (panels) => panels.map((p) => `${p.getAttribute('data-panel-id')}:${p.querySelector('[data-state]')?.getAttribute('data-state') ?? 'none'}`));
      throw new Error(`${error.message} (panels: ${states.join(', ')})`);
    });
    const at = (await handle.jsonValue()) as number;
    if (at < 0) throw new Error('a panel of the bench dashboard failed');
    return at;
  } finally {
    await browser.close();
  }
}

/** A Prometheus matrix of `series` x `points` samples, one per second ending at `endS`. */
function matrixBody(series: number, points: number, endS: number): string {
  const result = [];
  for (let s = 0; s < series; s++) {
    const values: [number, string][] = new Array(points);
    for (let i = 0; i < points; i++) values[i] = [endS - points + 1 + i, String(Math.round((100 + 40 * Math.sin(i / 300 + s) + 10 * Math.sin(i / 7 + s * 3) + s * 5) * 1000) / 1000)];
    result.push({ metric: { __name__: 'bench_series', instance: `host-${s}:9100`, job: 'bench' }, values });
  }
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}

/** The query_range response ending (Resource Timing) to the frame in which the chart has its lines. */
async function bigChartRun(ctx: BenchContext, url: string, body: string): Promise<{ paint: number; nav: number }> {
  const browser = await ctx.launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.route('**/api/datasources/proxy/uid/prometheus/api/v1/query_range?**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => {
        if (document.querySelectorAll('figure[aria-label="Chart of 50 series"] :is(path.recharts-line-curve, path.chart-line)').length !== 50) return false;
        const now = performance.now();
        const entry = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes('/api/v1/query_range'));
        return { paint: now - (entry ? entry.responseEnd : now), nav: now };
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await handle.jsonValue()) as { paint: number; nav: number };
  } finally {
    await browser.close();
  }
}

/** Until every panel's query has data: rate() over [1m] needs a few scrapes after start. */
async function waitForRates(url: string) {
  const query = encodeURIComponent('rate(prometheus_tsdb_head_samples_appended_total[1m]) and on() count_over_time(up[1m]) > 4');
  for (let i = 0; i < 60; i++) {
    const body = (await (await fetch(`${url}/api/v1/query?query=${query}`)).json()) as { data?: { result?: unknown[] } };
    if ((body.data?.result?.length ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Prometheus has no rates after 30 s');
}

export async function metricsFigures(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  // The scripts /explore/metrics loads once it has a query (editor and chart).
  const withChart = await routeJsGzip(ctx, `${ctx.liveUrl}/explore/metrics?q=up`);
  figures.push({
    name: 'metrics_route_with_chart_js_gzip',
    value: withChart.bytes,
    unit: 'bytes',
    // DESIGN.md's metrics-route budget, for the route as people use it: with a graph drawn.
    budget: 300 * 1024,
    note: `${withChart.files} scripts for /explore/metrics?q=up: the PromQL editor plus Recharts, which loads only once there is a query`,
  });
  const prometheus = await startPrometheus({ port: ports.prometheus });
  await waitForRates(prometheus.url);
  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-dashboards-'));
  writeFileSync(join(dir, 'bench-six.yaml'), SIX_PANELS);
  const app = await startAppServer(ports.app, `dashboards: "${dir}"\ndatasources:\n  - { uid: prometheus, type: prometheus, url: "${prometheus.url}" }\n`);
  try {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(Math.round(await dashboardRun(ctx, `${app.url}/d/bench-six?from=now-15m&to=now`)));
    figures.push({ name: 'dashboard_6_panels_painted_ms', value: median(runs), unit: 'ms', runs, note: 'cold browser, navigation start to all 6 panels drawn, real Prometheus 2.42 (15 min range)' });
  } finally {
    await app.stop();
    await prometheus.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const points = 11_000;
  const endS = Math.floor(Date.now() / 1000);
  const body = matrixBody(50, points, endS);
  const url = `${ctx.liveUrl}/explore/metrics?q=bench_series&from=${(endS - points + 1) * 1000}&to=${endS * 1000}`;
  const paints: number[] = [];
  const navs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await bigChartRun(ctx, url, body);
    paints.push(Math.round(run.paint));
    navs.push(Math.round(run.nav));
  }
  figures.push({
    name: 'chart_50x11000_response_to_paint_ms',
    value: median(paints),
    unit: 'ms',
    budget: 500,
    runs: paints,
    note: `cold browser; ${(body.length / 1048576).toFixed(1)} MB response parsed, min/max-downsampled to the plot width, axes by Recharts, 50 lines as one SVG path each`,
  });
  figures.push({ name: 'chart_50x11000_navigation_to_paint_ms', value: median(navs), unit: 'ms', runs: navs, note: 'same chart, from navigation start' });
  return figures;
}
