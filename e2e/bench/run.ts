// `npm run bench`: speed figures, one JSON line each, measured in cold Debian Chromium against the
// production build and server. Each figure that is timed is the median of at least 3 runs.
import { chromium } from '@playwright/test';
import { startAppServer } from '../support/appServer';
import type { BenchContext, Figure, FigureSource } from './types';
import { bundleFigures } from './figures/bundle';
import { logsFigures } from './figures/logs';
import { metricsFigures } from './figures/metrics';
import { traceFigures } from './figures/traces';
import { BENCH_PORT_BASE } from './ports';

const ALL_SOURCES: Record<string, FigureSource> = { bundle: bundleFigures, logs: logsFigures, metrics: metricsFigures, traces: traceFigures };
// `BENCH_ONLY=metrics,traces npm run bench` re-measures some areas only (before/after a change).
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
for (const name of only ?? []) if (!(name in ALL_SOURCES)) throw new Error(`BENCH_ONLY: unknown area "${name}" (known: ${Object.keys(ALL_SOURCES).join(', ')})`);
const SOURCES = Object.entries(ALL_SOURCES).filter(([name]) => !only || only.includes(name)).map(([, source]) => source);

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const base = BENCH_PORT_BASE;

function print(figure: Figure) {
  const ok = figure.budget === undefined ? undefined : figure.value <= figure.budget;
  console.log(JSON.stringify({ ...figure, ...(ok === undefined ? {} : { ok }) }));
}

async function main() {
  // A datasource that answers nothing: the first route must not need a backend to paint.
  const live = await startAppServer(base, 'datasources:\n  - { uid: prometheus, type: prometheus, url: "http://127.0.0.1:9" }\n');
  const demo = await startAppServer(base + 1, 'datasources: []\n');
  const ctx: BenchContext = {
    liveUrl: live.url,
    demoUrl: demo.url,
    launch: () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS }),
  };
  try {
    for (const source of SOURCES) for (const figure of await source(ctx)) print(figure);
  } finally {
    await live.stop();
    await demo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
