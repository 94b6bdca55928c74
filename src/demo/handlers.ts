// All demo backends as MSW request handlers. The same handlers answer the browser (service
// worker, under the proxy paths `/api/datasources/proxy/uid/<uid>`) and the end-to-end fake
// upstream (real HTTP, see e2e/support/fakeUpstream.ts). Data is keyed on absolute time, so
// "now" can be the real clock and answers still repeat exactly for the same range.

import { http, type HttpHandler } from 'msw';
import { demoDeepHealth, demoLiveness, demoReadiness, DEMO_HEALTH_PATHS } from './health.ts';
import { healthChecksHandler } from './handlersHealthChecks.ts';
import { prometheusHandlers } from './handlersPrometheus.ts';
import { lokiHandlers } from './handlersLoki.ts';
import { tempoHandlers } from './handlersTempo.ts';
import { jaegerHandlers } from './handlersJaeger.ts';
import { jsonResponse, textResponse } from './httpUtil.ts';
import { DemoLoki } from './loki.ts';
import { DemoPrometheus } from './metrics.ts';
import { DEMO_SEED } from './random.ts';
import { DemoTraceStore } from './traces.ts';

/** `healthChecks` is Sightline's own `/api/health/checks`, which has no server to probe with in demo mode. */
export type DemoBackend = 'prometheus' | 'loki' | 'tempo' | 'jaeger' | 'health' | 'healthChecks';

/** The datasource uids demo mode serves (the same uids environment-configured datasources get). */
export const DEMO_UIDS = { prometheus: 'prometheus', loki: 'loki', tempo: 'tempo', jaeger: 'jaeger' } as const;

/** Where the browser reaches each demo backend: the datasource proxy path (health is not proxied). */
export function browserPrefix(type: DemoBackend): string | undefined {
  if (type === 'healthChecks') return '';
  return type === 'health' ? undefined : `/api/datasources/proxy/uid/${DEMO_UIDS[type]}`;
}

export interface DemoHandlerOptions {
  /** Mount point of each backend's API (no trailing slash); undefined leaves the backend out. */
  prefix(type: DemoBackend): string | undefined;
  now?: () => number;
  seed?: number;
  /** Share a trace store (to `add` spans from elsewhere); one is created when absent. */
  traceStore?: DemoTraceStore;
  /** Answer 404 `404 page not found` for any other path under a backend's prefix (the browser wants this). */
  catchAll?: boolean;
}

export function demoHandlers(options: DemoHandlerOptions): HttpHandler[] {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? DEMO_SEED;
  const store = options.traceStore ?? new DemoTraceStore({ seed, now });
  const handlers: HttpHandler[] = [];
  const prefixes: string[] = [];
  const mount = (type: DemoBackend, make: (prefix: string) => HttpHandler[]): void => {
    const prefix = options.prefix(type);
    if (prefix === undefined) return;
    prefixes.push(prefix);
    handlers.push(...make(prefix));
  };
  // Jaeger first: in the fake upstream it lives under /jaeger, which Tempo's root paths must not shadow.
  mount('jaeger', (p) => jaegerHandlers(p, store, now));
  mount('prometheus', (p) => prometheusHandlers(p, new DemoPrometheus({ seed, now })));
  mount('loki', (p) => lokiHandlers(p, new DemoLoki({ seed, now })));
  mount('tempo', (p) => tempoHandlers(p, store, now));
  mount('health', (p) => [
    http.get(`${p}${DEMO_HEALTH_PATHS.liveness}`, () => answer(demoLiveness(now()))),
    http.get(`${p}${DEMO_HEALTH_PATHS.readiness}`, () => answer(demoReadiness(now()))),
    http.get(`${p}${DEMO_HEALTH_PATHS.deep}`, () => answer(demoDeepHealth(now()))),
  ]);
  // Not a backend: kept out of `prefixes`, whose catch-all would swallow every path under ''.
  const checksPrefix = options.prefix('healthChecks');
  if (checksPrefix !== undefined) handlers.push(healthChecksHandler(checksPrefix, now));
  if (options.catchAll) for (const p of prefixes) handlers.push(http.all(`${p}/*`, () => textResponse('404 page not found\n', 404)));
  return handlers;
}

function answer(r: { status: number; body: unknown }) {
  return jsonResponse(r.body, r.status);
}
