// Trace view speed (DESIGN.md budgets): a generated 10,000 and 100,000-span trace served by a
// minimal Tempo 2.3 stand-in over real HTTP (protobuf when asked for it alone, as Tempo does, else
// JSON), behind the real proxy, so the browser does all the work it does for a real Tempo (fetch,
// decoding, layout, first rows). page.route was tried first: it pushes a 35 MB body through the DevTools
// protocol, which added about 2 s that no real network would. Each run gets a cold browser.

import { createServer, type Server } from 'node:http';
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { generateLargeTrace, generateLargeTraceOtlp } from '../../../src/demo/largeTrace';
import { jaegerEnvelope, toJaegerTrace } from '../../../src/demo/jaegerJson';
import { traceToProtobuf } from '../../../src/demo/otlpProtobuf';
import type { TempoTraceV1 } from '../../../src/datasources/tempo/types';
import { startAppServer } from '../../support/appServer';
import { median, type BenchContext, type Figure } from '../types';
import { BENCH_PORT_BASE } from '../ports';

const RUNS = 3;
const BUDGET_MS: Record<number, number> = { 10_000: 750, 100_000: 1100 };

/** Set before any app script runs: once the first span row is in the DOM, notes the frame that paints it. */
const PAINT_PROBE = `
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="treegrid"] [role="row"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__rowsPaintedMs = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * When the trace's last byte arrived (Resource Timing's responseEnd of the successful trace
 * request). The app parses the body while it streams in, so there is no single "body received"
 * instant in the page: the phases after it are what is left once the network is done.
 */
const TRACE_RESPONSE_END = `(() => {
  const entries = performance.getEntriesByType('resource').filter((e) => /\\/api\\/(v2\\/)?traces\\//.test(e.name));
  const ok = entries.filter((e) => e.responseStatus === 200);
  const ends = (ok.length ? ok : entries).map((e) => e.responseEnd);
  return ends.length ? Math.max(...ends) : NaN;
})()`;

interface RunResult {
  navToRowsMs: number;
  /** The trace's last byte, ms from navigation. */
  lastByteMs: number;
  dataToRowsMs: number;
  /**
   * ms: what is left of decoding and conversion after the last byte (the Tempo client reads
   * the protobuf span by span while it streams in, so there is no single "body received" moment),
   * layout (ours, once), React render to paint.
   */
  phases: { parseConvert: number; layout: number; render: number };
  heapMB?: number;
  scroll?: { p95: number; max: number; frames: number };
  collapseMs?: number;
}

/** Answers like Tempo 2.3: no v2 trace route, v1 with the trace as protobuf when asked for it alone, else as JSON. */
function startFakeTempo(port: number, bodies: Map<string, { json: Buffer; protobuf: Uint8Array }>): Promise<Server> {
  const server = createServer((req, res) => {
    const id = /^\/api\/traces\/([0-9a-f]+)/.exec(req.url ?? '')?.[1];
    const body = id && bodies.get(id);
    if (body) {
      const protobuf = req.headers.accept === 'application/protobuf';
      res.writeHead(200, { 'content-type': protobuf ? 'application/protobuf' : 'application/json' });
      res.end(protobuf ? body.protobuf : body.json);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(id ? 'trace not found' : '404 page not found\n');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Answers like Jaeger's query service: the trace's JSON for any id. */
function startFakeJaeger(port: number, body: Buffer): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/traces/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 page not found\n');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Records the intervals between animation frames until `window.__stopFrames()` is called. */
const FRAME_RECORDER = `(() => {
  const deltas = [];
  let last = 0;
  let running = true;
  const tick = (t) => {
    if (last) deltas.push(t - last);
    last = t;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__stopFrames = () => {
    running = false;
    return deltas;
  };
})()`;

/**
 * Frame intervals while Chrome itself scrolls the span list (the synthetic scroll gesture its
 * own smoothness benchmarks use), about 1,500 rows at 4,000 px/s.
 */
async function scrollFrames(page: Page): Promise<{ p95: number; max: number; frames: number }> {
  const box = (await page.getByRole('treegrid', { name: 'Spans' }).boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(FRAME_RECORDER);
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + box.height / 2),
    yDistance: -42_000,
    speed: 4000,
    gestureSourceType: 'mouse',
  });
  const deltas = (await page.evaluate('window.__stopFrames()')) as number[];
  deltas.sort((a, b) => a - b);
  return { p95: deltas[Math.floor(deltas.length * 0.95)], max: deltas[deltas.length - 1], frames: deltas.length };
}

const phase = (runs: RunResult[], key: keyof RunResult['phases']) => Math.round(median(runs.map((r) => r.phases[key])));

async function oneRun(ctx: BenchContext, appUrl: string, traceId: string, full: boolean, search = ''): Promise<RunResult> {
  const browser = await ctx.launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(PAINT_PROBE);
    await page.goto(`${appUrl}/traces/${traceId}${search}`);
    await page.waitForFunction(() => (window as unknown as { __rowsPaintedMs?: number }).__rowsPaintedMs, null, { timeout: 60_000, polling: 50 });
    const body = (await page.evaluate(TRACE_RESPONSE_END)) as number;
    const t = await page.evaluate(() => {
      const w = window as unknown as { __rowsPaintedMs: number };
      const converted = performance.getEntriesByName('sightline:trace-converted')[0]?.startTime ?? NaN;
      const layout = performance.getEntriesByName('sightline:trace-layout')[0];
      return { painted: w.__rowsPaintedMs, converted, layoutMs: layout?.duration ?? NaN, layoutEnd: layout ? layout.startTime + layout.duration : NaN };
    });
    const result: RunResult = {
      navToRowsMs: t.painted,
      lastByteMs: body,
      dataToRowsMs: t.painted - body,
      phases: { parseConvert: t.converted - body, layout: t.layoutMs, render: t.painted - t.layoutEnd },
    };
    if (!full) return result;

    await page.waitForTimeout(300); // let the minimap draw and the page settle
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    result.heapMB = heap.usedSize / 1024 / 1024;
    result.scroll = await scrollFrames(page);

    // Collapse the root: every row but one disappears.
    const root = page.getByRole('treegrid', { name: 'Spans' }).getByRole('row').first();
    await page.evaluate(() => (document.querySelector('[role="treegrid"]')!.scrollTop = 0));
    const started = await page.evaluate(() => performance.now());
    await root.getByRole('button', { name: /^Collapse / }).click();
    await page.waitForFunction(() => document.querySelector('[role="treegrid"]')?.getAttribute('aria-rowcount') === '1');
    result.collapseMs = (await page.evaluate(() => performance.now())) - started;
    return result;
  } finally {
    await browser.close();
  }
}

export async function traceFigures(ctx: BenchContext): Promise<Figure[]> {
  const port = BENCH_PORT_BASE + 5;
  // Bytes, encoded once: Node encoding the 35 MB string on each request held the first byte back
  // by 70 to 200 ms, a cost of this stand-in that says nothing about Sightline.
  const bodies = new Map<string, { json: Buffer; protobuf: Uint8Array }>();
  for (const spanCount of [10_000, 100_000]) {
    const otlp = generateLargeTraceOtlp(spanCount, 1);
    bodies.set(generateLargeTrace(spanCount, 1).traceId, { json: Buffer.from(JSON.stringify(otlp)), protobuf: traceToProtobuf(otlp as TempoTraceV1) });
  }
  const tempo = await startFakeTempo(port + 1, bodies);
  // The same 100,000 spans as Jaeger JSON (65 MB: Jaeger repeats each span's trace id and tag types).
  const jaegerTrace = generateLargeTrace(100_000, 1);
  const jaegerBody = Buffer.from(JSON.stringify(jaegerEnvelope([toJaegerTrace(jaegerTrace)])));
  const jaeger = await startFakeJaeger(BENCH_PORT_BASE + 30, jaegerBody);
  const app = await startAppServer(
    port,
    `datasources:\n  - { uid: tempo, type: tempo, url: "http://127.0.0.1:${port + 1}" }\n  - { uid: jaeger, type: jaeger, url: "http://127.0.0.1:${BENCH_PORT_BASE + 30}" }\n`,
  );
  const figures: Figure[] = [];
  try {
    for (const spanCount of [10_000, 100_000]) {
      const traceId = generateLargeTrace(spanCount, 1).traceId;
      const body = bodies.get(traceId)!;
      const runs: RunResult[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await oneRun(ctx, app.url, traceId, spanCount === 100_000));
      const k = spanCount / 1000;
      // This machine is shared: the load says how far to trust a wall-clock figure.
      const size = `${(body.protobuf.length / 1e6).toFixed(1)} MB of Tempo protobuf (${(body.json.length / 1e6).toFixed(1)} MB as JSON); load average ${loadavg()[0].toFixed(1)} after the runs`;
      figures.push({
        name: `trace_${k}k_nav_to_rows_ms`,
        value: Math.round(median(runs.map((r) => r.navToRowsMs))),
        unit: 'ms',
        budget: BUDGET_MS[spanCount],
        runs: runs.map((r) => Math.round(r.navToRowsMs)),
        note: `cold browser, navigation to first span rows painted (median last byte of the trace at ${Math.round(median(runs.map((r) => r.lastByteMs)))} ms); ${size}`,
      });
      figures.push({
        name: `trace_${k}k_data_to_rows_ms`,
        value: Math.round(median(runs.map((r) => r.dataToRowsMs))),
        unit: 'ms',
        runs: runs.map((r) => Math.round(r.dataToRowsMs)),
        note: `last byte of the trace (Resource Timing responseEnd) to first span rows painted; median phases: rest of decoding and conversion ${phase(runs, 'parseConvert')} ms, layout ${phase(runs, 'layout')} ms, render to paint ${phase(runs, 'render')} ms`,
      });
      if (spanCount === 100_000) {
        figures.push({ name: 'trace_100k_heap_mb', value: Math.round(median(runs.map((r) => r.heapMB!)) * 10) / 10, unit: 'MB', budget: 110, runs: runs.map((r) => Math.round(r.heapMB! * 10) / 10), note: 'JS heap after GC with the trace shown' });
        figures.push({ name: 'trace_100k_scroll_p95_frame_ms', value: Math.round(median(runs.map((r) => r.scroll!.p95)) * 10) / 10, unit: 'ms', budget: 20, runs: runs.map((r) => Math.round(r.scroll!.p95 * 10) / 10), note: `animation-frame intervals during a synthetic scroll gesture over about 1,500 rows (${runs[0].scroll!.frames} frames)` });
        figures.push({ name: 'trace_100k_scroll_max_frame_ms', value: Math.round(median(runs.map((r) => r.scroll!.max)) * 10) / 10, unit: 'ms', budget: 50, runs: runs.map((r) => Math.round(r.scroll!.max * 10) / 10) });
        figures.push({ name: 'trace_100k_collapse_root_ms', value: Math.round(median(runs.map((r) => r.collapseMs!))), unit: 'ms', runs: runs.map((r) => Math.round(r.collapseMs!)), note: 'click on the root toggle to one row shown (includes Playwright round trips)' });
      }
    }
    const jaegerRuns: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) jaegerRuns.push(await oneRun(ctx, app.url, jaegerTrace.traceId, false, '?ds=jaeger'));
    figures.push({
      name: 'trace_100k_jaeger_nav_to_rows_ms',
      value: Math.round(median(jaegerRuns.map((r) => r.navToRowsMs))),
      unit: 'ms',
      runs: jaegerRuns.map((r) => Math.round(r.navToRowsMs)),
      note: `the same trace from a Jaeger stand-in (${(jaegerBody.length / 1e6).toFixed(1)} MB of Jaeger JSON; median last byte at ${Math.round(median(jaegerRuns.map((r) => r.lastByteMs)))} ms); load average ${loadavg()[0].toFixed(1)} after the runs`,
    });
  } finally {
    await app.stop();
    await new Promise((resolve) => tempo.close(resolve));
    await new Promise((resolve) => jaeger.close(resolve));
  }
  return figures;
}
