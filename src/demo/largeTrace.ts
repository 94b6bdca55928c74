// Very large synthetic traces for benchmarks (10,000 and 100,000 spans): a batch job in
// homebot fanning out over several services, with realistic depth (about 8 to 12 levels),
// wide fan-out near the top, client/server pairs at service hops, errors sprinkled in.

import type { AttributeValue, SpanKind } from '../datasources/types.ts';
import { demoSpanId } from './ids.ts';
import { hash32, mulberry32, pick } from './random.ts';
import { toTempoTraceJson } from './tempoJson.ts';
import { SCOPES, SERVICES, type DemoSpan, type DemoTrace, type Scope, type Service } from './traceModel.ts';

const EXTRA_SERVICES: Service[] = ['price-aggregator', 'risk-engine', 'notification-service', 'ledger'].map((name) => ({
  name,
  version: '2.0.1',
  resource: { 'service.name': name, 'service.version': '2.0.1', 'deployment.environment': 'demo', 'telemetry.sdk.language': 'go' },
}));
const ALL_SERVICES: Service[] = [SERVICES.homebot, SERVICES.barcode, SERVICES.dyocense, ...EXTRA_SERVICES];
const INTERNAL_OPS = ['compute.features', 'validate.payload', 'serialize', 'score.token', 'merge.results', 'apply.rules', 'render.report'];
const DB_OPS = ['SELECT prices', 'SELECT tokens', 'INSERT signals', 'UPDATE positions'];
const GO_SCOPE: Scope = { name: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', version: '0.46.1' };

interface Node {
  span: DemoSpan;
  depth: number;
  service: Service;
}

export interface LargeTraceOptions {
  /** Start of the root span, epoch ms (default: a fixed instant, so output is fully deterministic). */
  startMs?: number;
}

/**
 * A deterministic trace of exactly `spanCount` spans (normalized model). Children always lie within
 * their parent; siblings overlap (parallel fan-out).
 */
export function generateLargeTrace(spanCount: number, seed: number, options: LargeTraceOptions = {}): DemoTrace {
  const rnd = mulberry32(hash32(seed, 'large', spanCount));
  const traceId = demoSpanId(seed, 'large-hi', spanCount) + demoSpanId(seed, 'large-lo', spanCount);
  const startUs = (options.startMs ?? 1_795_353_600_000) * 1000;
  const rootDurationUs = 30_000_000 + Math.floor(rnd() * 30_000_000);
  const spans: DemoSpan[] = [];
  const make = (parent: Node | undefined, service: Service, name: string, kind: SpanKind, scope: Scope, s: number, d: number, attributes: Record<string, AttributeValue>): Node => {
    const span: DemoSpan = {
      spanId: demoSpanId(seed, 'large', spanCount, spans.length),
      traceId,
      name,
      serviceName: service.name,
      kind,
      startUs: s,
      durationUs: d,
      status: rnd() < 0.004 ? { code: 'error', message: 'deadline exceeded' } : { code: 'unset' },
      attributes,
      resource: service.resource,
      events: [],
      links: [],
      scope,
    };
    if (parent) span.parentSpanId = parent.span.spanId;
    spans.push(span);
    return { span, depth: parent ? parent.depth + 1 : 0, service };
  };

  const root = make(undefined, SERVICES.homebot, 'batch.rescan_all_tokens', 'server', SCOPES.fastapi, startUs, rootDurationUs, { 'batch.size': spanCount });
  const queue: Node[] = [root];
  let head = 0;
  while (spans.length < spanCount) {
    if (head >= queue.length) {
      // Every frontier node was a leaf: start another branch under the root.
      queue.push(root);
    }
    const parent = queue[head++]!;
    const fanOut = parent.depth === 0 ? 24 : parent.depth < 3 ? 3 + Math.floor(rnd() * 6) : parent.depth < 9 ? Math.floor(rnd() * 4) : 0;
    for (let c = 0; c < fanOut && spans.length < spanCount; c++) {
      const p = parent.span;
      const s = p.startUs + Math.floor(rnd() * p.durationUs * 0.7);
      const d = Math.max(1, Math.floor((p.startUs + p.durationUs - s) * (0.15 + rnd() * 0.8)));
      const u = rnd();
      if (u < 0.3 && spans.length + 1 < spanCount) {
        // A hop to another service: client span here, server span there.
        const target = pick(ALL_SERVICES, rnd());
        const route = `/v1/${pick(INTERNAL_OPS, rnd()).replace('.', '/')}`;
        const client = make(parent, parent.service, `HTTP POST ${target.name}`, 'client', GO_SCOPE, s, d, { 'http.method': 'POST', 'http.url': `http://${target.name}${route}`, 'http.status_code': 200 });
        const server = make(client, target, `POST ${route}`, 'server', GO_SCOPE, s + Math.min(500, d >> 3), Math.max(1, d - Math.min(1000, d >> 2)), { 'http.route': route, 'http.method': 'POST' });
        queue.push(server);
      } else if (u < 0.45) {
        make(parent, parent.service, pick(DB_OPS, rnd()), 'client', SCOPES.asyncpg, s, Math.max(1, d >> 2), { 'db.system': 'postgresql' });
      } else {
        queue.push(make(parent, parent.service, pick(INTERNAL_OPS, rnd()), 'internal', { name: `${parent.service.name}.core` }, s, d, { 'work.items': Math.floor(rnd() * 100) }));
      }
    }
  }
  return { traceId, spans };
}

/** The same trace as Tempo 2.3's `/api/traces/<id>` JSON. */
export function generateLargeTraceOtlp(spanCount: number, seed: number, options: LargeTraceOptions = {}): { batches: unknown[] } {
  return toTempoTraceJson(generateLargeTrace(spanCount, seed, options));
}
