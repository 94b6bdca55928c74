// MSW handlers for the demo Jaeger query API, mounted under `prefix`.

import { http, type HttpHandler } from 'msw';
import { jsonResponse } from './httpUtil.ts';
import { jaegerEnvelope, toJaegerTrace } from './jaegerJson.ts';
import { parseDurationMs } from './timefmt.ts';
import type { DemoTraceStore } from './traces.ts';
import type { DemoSpan } from './traceModel.ts';

function jaegerError(code: number, msg: string) {
  return jsonResponse({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code, msg }] }, code);
}

function spanMatches(s: DemoSpan, service: string, operation: string | null, tags: Record<string, string>, minUs?: number, maxUs?: number): boolean {
  if (s.serviceName !== service) return false;
  if (operation && s.name !== operation) return false;
  if (minUs !== undefined && s.durationUs < minUs) return false;
  if (maxUs !== undefined && s.durationUs > maxUs) return false;
  return Object.entries(tags).every(([k, want]) => {
    if (k === 'error') return (s.status.code === 'error') === (want === 'true');
    if (k === 'span.kind') return s.kind === want;
    const v = s.attributes[k] ?? s.resource[k];
    return v !== undefined && String(v) === want;
  });
}

export function jaegerHandlers(prefix: string, store: DemoTraceStore, now: () => number): HttpHandler[] {
  return [
    http.get(`${prefix}/api/services`, () => jsonResponse(jaegerEnvelope(store.services()))),
    http.get(`${prefix}/api/services/:service/operations`, ({ params }) => jsonResponse(jaegerEnvelope(store.operations(String(params.service)).map((o) => o.name).filter((n, i, all) => all.indexOf(n) === i)))),
    http.get(`${prefix}/api/operations`, ({ request }) => {
      const p = new URL(request.url).searchParams;
      const service = p.get('service');
      if (!service) return jaegerError(400, "parameter 'service' is required");
      const kind = p.get('spanKind');
      return jsonResponse(jaegerEnvelope(store.operations(service).filter((o) => !kind || o.spanKind === kind)));
    }),
    http.get(`${prefix}/api/traces/:id`, ({ params }) => {
      const id = String(params.id);
      if (!/^[0-9a-fA-F]{1,32}$/.test(id)) return jaegerError(400, `strconv.ParseUint: parsing "${id}": invalid syntax`);
      const trace = store.get(id);
      return trace ? jsonResponse(jaegerEnvelope([toJaegerTrace(trace)])) : jaegerError(404, 'trace not found');
    }),
    http.get(`${prefix}/api/traces`, ({ request }) => {
      const p = new URL(request.url).searchParams;
      const service = p.get('service');
      if (!service) return jaegerError(400, "parameter 'service' is required");
      let tags: Record<string, string> = {};
      if (p.get('tags')) {
        try {
          tags = JSON.parse(p.get('tags')!) as Record<string, string>;
        } catch {
          return jaegerError(400, 'malformed tags parameter: expected a JSON object');
        }
      }
      const nowMs = now();
      const endMs = p.get('end') ? Number(p.get('end')) / 1000 : nowMs;
      const lookbackMs = parseDurationMs(p.get('lookback') ?? '1h') ?? 3_600_000;
      const startMs = p.get('start') ? Number(p.get('start')) / 1000 : endMs - lookbackMs;
      const minUs = p.get('minDuration') ? (parseDurationMs(p.get('minDuration')!) ?? 0) * 1000 : undefined;
      const maxUs = p.get('maxDuration') ? (parseDurationMs(p.get('maxDuration')!) ?? 0) * 1000 : undefined;
      const limit = Number(p.get('limit') ?? '20') || 20;
      const out: unknown[] = [];
      for (const t of store.traces(startMs, endMs)) {
        if (!t.trace.spans.some((s) => spanMatches(s, service, p.get('operation'), tags, minUs, maxUs))) continue;
        out.push(toJaegerTrace(t.trace));
        if (out.length >= limit) break;
      }
      return jsonResponse(jaegerEnvelope(out));
    }),
    http.get(`${prefix}/api/dependencies`, () => {
      const nowMs = now();
      const calls = new Map<string, number>();
      for (const t of store.traces(nowMs - 3_600_000, nowMs)) {
        const byId = new Map(t.trace.spans.map((s) => [s.spanId, s]));
        for (const s of t.trace.spans) {
          const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
          if (parent && parent.serviceName !== s.serviceName) {
            const key = `${parent.serviceName}\u0000${s.serviceName}`;
            calls.set(key, (calls.get(key) ?? 0) + 1);
          }
        }
      }
      return jsonResponse(jaegerEnvelope([...calls].map(([k, callCount]) => ({ parent: k.split('\u0000')[0], child: k.split('\u0000')[1], callCount }))));
    }),
  ];
}
