// Logs figures: 5,000 lines from the query_range response to painted rows, and filtering 100,000
// held lines by a typed term. Loki's answers are served by Playwright's request interception (a
// Loki-shaped body built here), so the figure is the browser's work, not a backend's.
import type { Page } from '@playwright/test';
import { startAppServer } from '../../support/appServer';
import { median, type BenchContext, type Figure } from '../types';
import { BENCH_PORT_BASE } from '../ports';
import { routeJsGzip } from './bundle';

const RUNS = 3;
const port = BENCH_PORT_BASE + 7;

/** A Loki 2.9 streams body with `count` structlog lines spread over the last hour, newest first. */
function lokiStreamsBody(count: number): string {
  const levels = ['info', 'info', 'info', 'warning', 'error'];
  const streams = levels.slice(2).map((level) => ({ stream: { service_name: 'homebot', environment: 'bench', level }, values: [] as Array<[string, string]> }));
  const nowNs = BigInt(Date.now()) * 1_000_000n;
  const stepNs = (3_600_000n * 1_000_000n) / BigInt(count);
  for (let i = 0; i < count; i++) {
    const level = levels[i % levels.length];
    const stream = streams.find((s) => s.stream.level === level)!;
    const event = i % 97 === 0 ? 'barcode_lookup_timeout' : i % 7 === 0 ? 'price_lookup_completed' : 'scan_completed';
    const line = JSON.stringify({ timestamp: new Date(Date.now() - i * 36).toISOString(), level, logger: 'app.core.pipeline', event, token_symbol: ['BTC', 'ETH', 'SOL'][i % 3], duration_ms: i % 500, trace_id: (i * 2654435761).toString(16).padStart(32, '0').slice(-32) });
    stream.values.push([(nowNs - BigInt(i) * stepNs).toString(), line]);
  }
  const summary = { totalBytesProcessed: count * 200, totalLinesProcessed: count, execTime: 0.05 };
  return JSON.stringify({ status: 'success', data: { resultType: 'streams', result: streams, stats: { summary } } });
}

const EMPTY_MATRIX = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } });

async function serveLoki(page: Page, body: string) {
  await page.route('**/api/datasources/proxy/uid/loki/loki/api/v1/query_range?**', (route) => {
    const query = new URL(route.request().url()).searchParams.get('query') ?? '';
    // The volume histogram's metric query gets no data: only the lines are measured.
    return route.fulfill({ status: 200, contentType: 'application/json; charset=UTF-8', body: query.startsWith('sum by') ? EMPTY_MATRIX : body });
  });
}

/** The lines query's response arriving to the first frame painted after the first row exists. */
async function paintRun(ctx: BenchContext, url: string, body: string): Promise<number> {
  const browser = await ctx.launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await serveLoki(page, body);
    await page.addInitScript(() => {
      // When the lines' response arrives (headers): reading, parsing and rendering it is the app's time.
      const w = window as unknown as { __response?: number };
      const original = window.fetch;
      window.fetch = async (...args: Parameters<typeof fetch>) => {
        const response = await original(...args);
        const url = String(args[0] instanceof Request ? args[0].url : args[0]);
        if (url.includes('query_range') && !url.includes('count_over_time')) w.__response ??= performance.now();
        return response;
      };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[aria-label="Log lines"] [role="listitem"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => ((window as unknown as { __painted: number }).__painted = performance.now()), 0));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${url}/logs?q=${encodeURIComponent('{service_name="homebot"}')}&from=now-1h&to=now&limit=5000`);
    await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => {
      const w = window as unknown as { __painted: number; __response: number };
      return w.__painted - w.__response;
    });
  } finally {
    await browser.close();
  }
}

/** Typing a term into "Filter loaded lines" over 100,000 held lines, to the count and rows painted. */
async function filterRun(ctx: BenchContext, url: string, body: string): Promise<{ ms: number; totalMs: number; heapMB: number }> {
  const browser = await ctx.launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await serveLoki(page, body);
    await page.goto(`${url}/logs?q=${encodeURIComponent('{service_name="homebot"}')}&from=now-1h&to=now&limit=5000`);
    await page.locator('.line-count').filter({ hasText: '100000 lines' }).waitFor({ timeout: 60_000 });
    const input = page.getByRole('searchbox', { name: 'Filter loaded lines' });
    await input.focus();
    await page.evaluate(() => {
      const w = window as unknown as { __firstKey?: number; __lastKey?: number; __filtered?: number };
      const box = document.querySelector('input[type="search"]')!;
      box.addEventListener('keydown', () => (w.__firstKey ??= performance.now()), { capture: true });
      box.addEventListener('input', () => (w.__lastKey = performance.now()), { capture: true });
      new MutationObserver(() => {
        if (w.__filtered === undefined && /match “barcode_lookup_timeout”/.test(document.querySelector('.line-count')?.textContent ?? '')) {
          requestAnimationFrame(() => setTimeout(() => (w.__filtered = performance.now()), 0));
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // Typed as fast as Playwright can send keys: every keystroke filters while the next arrives.
    await page.keyboard.type('barcode_lookup_timeout');
    await page.waitForFunction(() => (window as unknown as { __filtered?: number }).__filtered !== undefined, null, { timeout: 30_000 });
    const { ms, totalMs } = await page.evaluate(() => {
      const w = window as unknown as { __firstKey: number; __lastKey: number; __filtered: number };
      return { ms: w.__filtered - w.__lastKey, totalMs: w.__filtered - w.__firstKey };
    });
    const heapMB = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 1024);
    return { ms, totalMs, heapMB };
  } finally {
    await browser.close();
  }
}

/** Gzip size of the scripts a cold browser loads for /logs with a query, before any chart. */
function logsRouteJs(ctx: BenchContext, url: string, body: string): Promise<{ bytes: number; files: number }> {
  return routeJsGzip(ctx, `${url}/logs?q=${encodeURIComponent('{service_name="homebot"}')}&from=now-1h&to=now`, {
    prepare: (page) => serveLoki(page, body),
    ready: (page) => page.getByRole('list', { name: 'Log lines' }).getByRole('listitem').first().waitFor(),
  });
}

export async function logsFigures(ctx: BenchContext): Promise<Figure[]> {
  // Loki configured (at a closed port): every Loki request in the runs is intercepted.
  const app = await startAppServer(port, 'datasources:\n  - { uid: loki, type: loki, url: "http://127.0.0.1:9" }\n');
  try {
    const body5k = lokiStreamsBody(5000);
    const js = await logsRouteJs(ctx, app.url, body5k);
    const paint: number[] = [];
    for (let i = 0; i < RUNS; i++) paint.push(await paintRun(ctx, app.url, body5k));
    const body100k = lokiStreamsBody(100_000);
    const filter: Array<{ ms: number; totalMs: number; heapMB: number }> = [];
    for (let i = 0; i < RUNS; i++) filter.push(await filterRun(ctx, app.url, body100k));
    const round = (n: number) => Math.round(n * 10) / 10;
    return [
      { name: 'logs_route_js_gzip', value: js.bytes, unit: 'bytes', note: `${js.files} scripts for /logs with a log query, lines painted (the volume chart's Recharts chunk loads only when there is volume data)` },
      { name: 'logs_5000_lines_paint_ms', value: round(median(paint)), unit: 'ms', budget: 200, runs: paint.map(round), note: 'query_range response received (headers) to the first frame with rows painted: body read, JSON parse, merge of streams, render; cold browser, 5,000 structlog lines' },
      {
        name: 'logs_filter_100k_lines_ms',
        value: round(median(filter.map((f) => f.ms))),
        unit: 'ms',
        runs: filter.map((f) => round(f.ms)),
        note: 'typing a 22-character term into "Filter loaded lines" over 100,000 held lines: last keystroke to the filtered count and rows painted',
      },
      {
        name: 'logs_filter_100k_lines_typing_total_ms',
        value: round(median(filter.map((f) => f.totalMs))),
        unit: 'ms',
        runs: filter.map((f) => round(f.totalMs)),
        note: 'the same, from the first keystroke (includes Playwright sending 22 keys, each filtering as it lands)',
      },
      { name: 'logs_100k_lines_heap_mb', value: round(median(filter.map((f) => f.heapMB))), unit: 'MB', note: 'JS heap with 100,000 lines held and filtered' },
    ];
  } finally {
    await app.stop();
  }
}
