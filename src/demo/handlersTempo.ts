// MSW handlers for the demo Tempo (2.3.1 shapes), mounted under `prefix`.

import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AttributeValue } from '../datasources/types.ts';
import type { TempoTraceV1 } from '../datasources/tempo/types.ts';
import { jsonResponse, textResponse } from './httpUtil.ts';
import { parseLogfmt } from './logqlEval.ts';
import { toSearchHit, toTempoTraceJson } from './tempoJson.ts';
import { traceToProtobuf } from './otlpProtobuf.ts';
import { parseTraceQL, TraceQLError } from './traceql.ts';
import { parseDurationMs } from './timefmt.ts';
import type { DemoTraceStore } from './traces.ts';
import type { DemoTrace } from './traceModel.ts';

const INTRINSIC_TAGS = ['duration', 'kind', 'name', 'rootName', 'rootServiceName', 'status', 'statusMessage', 'traceDuration'];

/** The trace id check Tempo makes before looking a trace up (message as in the fixtures). */
export function tempoTraceIdError(id: string): string | undefined {
  const bad = id.search(/[^0-9a-fA-F]/);
  if (bad >= 0) return `trace IDs can only contain hex characters: invalid character '${id[bad]}' at position ${bad + 1}`;
  if (id.length > 32) return "trace IDs can't be larger than 128 bits";
  return undefined;
}

function recentTraces(store: DemoTraceStore, now: number): DemoTrace[] {
  return [...store.traces(now - 900_000, now)].map((t) => t.trace);
}

function valueType(v: AttributeValue): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

function tagValues(store: DemoTraceStore, now: number, scoped: string): Array<{ type: string; value: string }> {
  const seen = new Map<string, { type: string; value: string }>();
  const add = (type: string, value: string) => seen.set(`${type}:${value}`, { type, value });
  const [scope, ...rest] = scoped.split('.');
  const key = rest.join('.');
  for (const trace of recentTraces(store, now)) {
    for (const s of trace.spans) {
      if (scoped === 'name') add('string', s.name);
      else if (scoped === 'status') add('keyword', s.status.code);
      else if (scoped === 'kind') add('keyword', s.kind);
      else if (scoped === 'rootServiceName' && !s.parentSpanId) add('string', s.serviceName);
      else if (scoped === 'rootName' && !s.parentSpanId) add('string', s.name);
      else {
        const v = scope === 'resource' ? s.resource[key] : scope === 'span' ? s.attributes[key] : (s.attributes[scoped.replace(/^\./, '')] ?? s.resource[scoped.replace(/^\./, '')]);
        if (v !== undefined && v !== null && typeof v !== 'object') add(valueType(v), String(v));
      }
    }
  }
  return [...seen.values()];
}

export function tempoHandlers(prefix: string, store: DemoTraceStore, now: () => number): HttpHandler[] {
  return [
    http.get(`${prefix}/api/traces/:id`, ({ params, request }) => {
      const id = String(params.id);
      const invalid = tempoTraceIdError(id);
      if (invalid) return textResponse(invalid, 400);
      const trace = store.get(id);
      if (!trace) return textResponse('trace not found', 404);
      // As Tempo: protobuf when asked for it alone, else JSON.
      if (request.headers.get('accept') === 'application/protobuf') {
        return new HttpResponse(traceToProtobuf(toTempoTraceJson(trace) as TempoTraceV1), { headers: { 'Content-Type': 'application/protobuf' } });
      }
      return jsonResponse(toTempoTraceJson(trace));
    }),
    // Tempo 2.3 has no v2 trace endpoint: its router answers 404.
    http.get(`${prefix}/api/v2/traces/:id`, () => textResponse('404 page not found\n', 404)),
    http.get(`${prefix}/api/search`, ({ request }) => {
      const p = new URL(request.url).searchParams;
      const nowMs = now();
      const endMs = p.get('end') ? Number(p.get('end')) * 1000 : nowMs;
      const startMs = p.get('start') ? Number(p.get('start')) * 1000 : endMs - 3_600_000;
      const limit = Number(p.get('limit') ?? '20') || 20;
      const spss = Number(p.get('spss') ?? '3') || 3;
      const q = p.get('q') ?? undefined;
      const tagsText = p.get('tags');
      const tags = tagsText ? Object.fromEntries(parseLogfmt(tagsText) ?? []) : undefined;
      const minDurationMs = p.get('minDuration') ? parseDurationMs(p.get('minDuration')!) : undefined;
      const maxDurationMs = p.get('maxDuration') ? parseDurationMs(p.get('maxDuration')!) : undefined;
      let named: ReturnType<typeof parseTraceQL>['attributes'] = [];
      try {
        if (q !== undefined) named = parseTraceQL(q).attributes;
        const hits = store.search({ traceql: q, tags, minDurationMs, maxDurationMs, startMs, endMs, limit });
        const traces = hits.map((h) => toSearchHit(h.trace, h.matched, named, spss));
        const inspectedBytes = String(hits.reduce((n, h) => n + h.trace.spans.length * 380, 0) + 4096);
        const metrics: Record<string, unknown> = q === undefined ? { inspectedTraces: hits.length, inspectedBytes } : { inspectedBytes };
        return jsonResponse({ traces, metrics: { ...metrics, completedJobs: 1, totalJobs: 1 } });
      } catch (err) {
        if (err instanceof TraceQLError) return textResponse(`invalid TraceQL query: ${err.message}`, 400);
        throw err;
      }
    }),
    http.get(`${prefix}/api/search/tags`, () => {
      const names = new Set<string>();
      for (const t of recentTraces(store, now())) for (const s of t.spans) for (const k of [...Object.keys(s.resource), ...Object.keys(s.attributes)]) names.add(k);
      return jsonResponse({ tagNames: [...names].sort() });
    }),
    http.get(`${prefix}/api/v2/search/tags`, () => {
      const resource = new Set<string>();
      const span = new Set<string>();
      for (const t of recentTraces(store, now())) {
        for (const s of t.spans) {
          Object.keys(s.resource).forEach((k) => resource.add(k));
          Object.keys(s.attributes).forEach((k) => span.add(k));
        }
      }
      return jsonResponse({
        scopes: [
          { name: 'intrinsic', tags: INTRINSIC_TAGS },
          { name: 'resource', tags: [...resource].sort() },
          { name: 'span', tags: [...span].sort() },
        ],
      });
    }),
    http.get(`${prefix}/api/search/tag/:name/values`, ({ params }) => {
      const name = String(params.name);
      const values = new Set(tagValues(store, now(), `.${name}`).map((v) => v.value));
      return jsonResponse({ tagValues: [...values].sort() });
    }),
    http.get(`${prefix}/api/v2/search/tag/:name/values`, ({ params }) => jsonResponse({ tagValues: tagValues(store, now(), String(params.name)) })),
    http.get(`${prefix}/api/echo`, () => textResponse('echo\n')),
    http.get(`${prefix}/api/status/buildinfo`, () => jsonResponse({ version: '2.3.1', revision: '9398fd620d', branch: 'v2.3.1', buildUser: '', buildDate: '', goVersion: 'go1.21.13' })),
    http.get(`${prefix}/ready`, () => textResponse('ready\n')),
  ];
}
