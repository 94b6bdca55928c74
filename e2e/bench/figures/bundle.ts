import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import type { BenchContext, Figure } from '../types';

export interface RouteJsOptions {
  /** Runs before navigation, e.g. to answer the route's queries. */
  prepare?: (page: Page) => Promise<void>;
  /** Resolves once the route has shown what it is measured for; network idle by default. */
  ready?: (page: Page) => Promise<void>;
}

/** Gzip size of every script a cold browser loads to show a route. */
export async function routeJsGzip(ctx: BenchContext, url: string, options: RouteJsOptions = {}): Promise<{ bytes: number; files: number }> {
  const browser = await ctx.launch();
  try {
    const page = await browser.newPage();
    await options.prepare?.(page);
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.ok()) bodies.push(response.body());
    });
    await page.goto(url, { waitUntil: options.ready ? 'load' : 'networkidle' });
    await options.ready?.(page);
    const all = await Promise.all(bodies);
    return { bytes: all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0), files: all.length };
  } finally {
    await browser.close();
  }
}

export async function bundleFigures(ctx: BenchContext): Promise<Figure[]> {
  const home = await routeJsGzip(ctx, `${ctx.liveUrl}/`);
  const explore = await routeJsGzip(ctx, `${ctx.liveUrl}/explore/metrics`);
  const trace = await routeJsGzip(ctx, `${ctx.liveUrl}/traces/00000000000000000000000000000001`);
  const demoHome = await routeJsGzip(ctx, `${ctx.demoUrl}/`);
  return [
    { name: 'first_route_js_gzip', value: home.bytes, unit: 'bytes', budget: 250 * 1024, note: `${home.files} scripts for / with a datasource configured` },
    { name: 'metrics_route_js_gzip', value: explore.bytes, unit: 'bytes', budget: 300 * 1024, note: `${explore.files} scripts for /explore/metrics` },
    { name: 'trace_route_js_gzip', value: trace.bytes, unit: 'bytes', budget: 300 * 1024, note: `${trace.files} scripts for /traces/<id>` },
    { name: 'demo_first_route_js_gzip', value: demoHome.bytes, unit: 'bytes', note: `${demoHome.files} scripts for / in demo mode (adds the MSW worker client)` },
  ];
}
