import { base64ToHex } from './ids.ts';
import { generateLargeTrace, generateLargeTraceOtlp } from './largeTrace.ts';
import { fromOtlpJson, toSearchHit, toTempoTraceJson } from './tempoJson.ts';
import { parseTraceQL, TraceQLError } from './traceql.ts';
import { BUCKET_MS, DemoTraceStore, referenceTrace, traceIdFor, TRACE_KIND } from './traces.ts';
import type { DemoTrace } from './traceModel.ts';

const NOW = 1_795_353_661_706;
const store = new DemoTraceStore({ now: () => NOW });
const HOUR = 3_600_000;

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
  events?: unknown[];
  links?: unknown[];
  status: { code?: string; message?: string };
}
interface OtlpTrace {
  batches: Array<{ resource: { attributes: Array<{ key: string; value: Record<string, unknown> }> }; scopeSpans: Array<{ scope: { name: string; version?: string }; spans: OtlpSpan[] }> }>;
}

describe('the reference trace', () => {
  const ref = referenceTrace(NOW);

  it('is a dyocense-api goal creation that finished 1 to 3 minutes ago, at hh:mm:07', () => {
    expect(NOW - ref.endMs).toBeGreaterThanOrEqual(60_000);
    expect(NOW - ref.startMs).toBeLessThanOrEqual(3 * 60_000 + 7_250);
    expect(new Date(ref.startMs).getUTCSeconds()).toBe(7);
    expect(ref.traceId).toBe(traceIdFor(store.seed, ref.bucket, TRACE_KIND.goal));
    expect(ref.traceId.startsWith('00')).toBe(true);
  });

  it('has the 250 ms, 7-span shape of the fixtures\' trace A', () => {
    const trace = store.get(ref.traceId)!;
    const byName = Object.fromEntries(trace.spans.map((s) => [s.name, s]));
    expect(trace.spans.map((s) => [s.name, s.durationUs / 1000])).toEqual([
      ['POST /v1/goals/create', 250],
      ['middleware.auth', 5],
      ['create_goal', 230],
      ['llm.generate_smart_goal', 180],
      ['http.post api.openai.com', 175],
      ['vector_search.embed_goal', 15],
      ['postgres.insert_goal', 30],
    ]);
    expect(byName['llm.generate_smart_goal']!.parentSpanId).toBe(byName.create_goal!.spanId);
    expect(byName['http.post api.openai.com']!.parentSpanId).toBe(byName['llm.generate_smart_goal']!.spanId);
    expect(byName['http.post api.openai.com']!.kind).toBe('client');
    expect(byName.create_goal!.events[0]!.name).toBe('cache miss');
    expect(new Set(trace.spans.map((s) => s.serviceName))).toEqual(new Set(['dyocense-api']));
  });

  it('is found by id in any case, with or without leading zeros, and not before it has finished', () => {
    expect(store.get(ref.traceId.toUpperCase())).toBeDefined();
    expect(store.get(ref.traceId.replace(/^0+/, ''))).toBeDefined();
    const early = new DemoTraceStore({ now: () => ref.startMs + 100 });
    expect(early.get(ref.traceId)).toBeUndefined();
    expect(store.get('f497a3f735e6b1fc29b9fe683e5a2947')).toBeUndefined();
  });
});

describe('trace generation', () => {
  it('is deterministic: a fresh store builds the same traces', () => {
    const other = new DemoTraceStore({ now: () => NOW });
    const a = [...store.traces(NOW - 600_000, NOW)].map((t) => t.trace);
    const b = [...other.traces(NOW - 600_000, NOW)].map((t) => t.trace);
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(30);
  });

  it('has a homebot scan in every 20-second bucket, some of them failing or rate-limited', () => {
    const traces = [...store.traces(NOW - HOUR, NOW)].map((t) => t.trace);
    const scans = traces.filter((t) => t.spans[0]!.name === 'POST /api/v1/scan');
    expect(scans.length).toBeGreaterThanOrEqual(HOUR / BUCKET_MS - 2);
    const spans = scans.flatMap((t) => t.spans);
    expect(spans.some((s) => s.attributes['http.status_code'] === 429 && s.status.code === 'error')).toBe(true);
    expect(spans.some((s) => s.events.some((e) => e.name === 'exception'))).toBe(true);
    expect(spans.some((s) => s.serviceName === 'barcode-lookup-provider' && s.kind === 'server')).toBe(true);
    expect(spans.some((s) => s.name === 'cache.get')).toBe(true);
    expect(spans.some((s) => s.name === 'llm.summarize')).toBe(true);
  });

  it('keeps every span inside its parent and every parent in the trace', () => {
    for (const { trace } of store.traces(NOW - HOUR, NOW)) {
      const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
      for (const s of trace.spans) {
        expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
        expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
        if (!s.parentSpanId) continue;
        const p = byId.get(s.parentSpanId)!;
        expect(p).toBeDefined();
        expect(s.startUs).toBeGreaterThanOrEqual(p.startUs);
        expect(s.startUs + s.durationUs).toBeLessThanOrEqual(p.startUs + p.durationUs);
      }
    }
  });

  it('lets callers add traces, merging spans of the same trace id', () => {
    const own = new DemoTraceStore({ now: () => NOW });
    const span = { ...store.get(referenceTrace(NOW).traceId)!.spans[0]! };
    const traceId = 'f3f26b65c9eb2d20edcd18ae50a2dd59';
    own.add({ traceId, spans: [{ ...span, traceId, spanId: 'aaaaaaaaaaaaaaaa', serviceName: 'sightline-web' }] });
    own.add({ traceId, spans: [{ ...span, traceId, spanId: 'bbbbbbbbbbbbbbbb', parentSpanId: 'aaaaaaaaaaaaaaaa' }] });
    expect(own.get(traceId)!.spans).toHaveLength(2);
    expect(own.search({ traceql: '{ resource.service.name = "dyocense-api" && name = "POST /v1/goals/create" }', startMs: NOW - HOUR, endMs: NOW, limit: 100 }).some((m) => m.trace.traceId === traceId)).toBe(true);
  });
});

describe('TraceQL subset', () => {
  const search = (q: string, limit = 20) => store.search({ traceql: q, startMs: NOW - HOUR, endMs: NOW, limit });

  it('matches by resource service and duration', () => {
    const hits = search('{ resource.service.name = "homebot" && duration > 500ms }');
    expect(hits.length).toBe(20);
    for (const h of hits) for (const s of h.matched!) {
      expect(s.serviceName).toBe('homebot');
      expect(s.durationUs).toBeGreaterThan(500_000);
    }
  });

  it('matches span names, status and kind, and {} matches everything', () => {
    expect(search('{ name = "barcode.lookup" }').every((h) => h.matched!.every((s) => s.name === 'barcode.lookup'))).toBe(true);
    const errors = search('{ status = error }');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((h) => h.matched!.every((s) => s.status.code === 'error'))).toBe(true);
    expect(search('{ kind = server && resource.service.name = "barcode-lookup-provider" }').length).toBeGreaterThan(0);
    expect(search('{}', 5)).toHaveLength(5);
    expect(search('{ .http.status_code = 429 }').length).toBeGreaterThan(0);
    expect(search('{ resource.service.name =~ "dyo.*" } && { name = "postgres.insert_goal" }').length).toBeGreaterThan(0);
  });

  it('returns the newest traces first', () => {
    const hits = search('{}', 20);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.startUs).toBeLessThanOrEqual(hits[i - 1]!.startUs);
  });

  it('reports parse errors as Tempo does', () => {
    expect(() => parseTraceQL('{ resource.service.name = "homebot" && }')).toThrow(new TraceQLError('parse error at line 1, col 40: syntax error: unexpected }'));
    expect(() => parseTraceQL('{ name = }')).toThrow(TraceQLError);
  });
});

describe('Tempo 2.3 JSON', () => {
  const ref = store.get(referenceTrace(NOW).traceId)!;
  const json = toTempoTraceJson(ref) as OtlpTrace;

  it('wraps spans in batches, one per resource and scope, with base64 ids', () => {
    expect(Object.keys(json)).toEqual(['batches']);
    expect(json.batches.map((b) => b.scopeSpans[0]!.scope.name)).toEqual(['opentelemetry.instrumentation.fastapi', 'dyocense.goals', 'opentelemetry.instrumentation.httpx', 'opentelemetry.instrumentation.asyncpg']);
    expect(json.batches[1]!.scopeSpans[0]!.scope).not.toHaveProperty('version');
    const spans = json.batches.flatMap((b) => b.scopeSpans.flatMap((s) => s.spans));
    expect(spans).toHaveLength(7);
    const root = spans[0]!;
    expect(base64ToHex(root.traceId)).toBe(ref.traceId);
    expect(root.spanId).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    expect(root).not.toHaveProperty('parentSpanId');
    expect(root.kind).toBe('SPAN_KIND_SERVER');
    expect(root.status).toEqual({ code: 'STATUS_CODE_OK' });
    expect(root.startTimeUnixNano).toMatch(/^\d{19}$/);
    expect(root.attributes!.find((a) => a.key === 'http.status_code')!.value).toEqual({ intValue: '200' });
    const auth = spans.find((s) => s.name === 'middleware.auth')!;
    expect(auth.status).toEqual({});
    expect(auth).not.toHaveProperty('events');
    expect(base64ToHex(auth.parentSpanId!)).toBe(ref.spans[0]!.spanId);
    const llm = spans.find((s) => s.name === 'llm.generate_smart_goal')!;
    expect(llm.attributes!.find((a) => a.key === 'llm.cost')!.value).toHaveProperty('doubleValue');
    expect(spans.find((s) => s.name === 'create_goal')!.links).toHaveLength(1);
  });

  it('writes error statuses with message first, as Tempo does', () => {
    const failed = store.search({ traceql: '{ status = error && name = "POST /api/v1/scan" }', startMs: NOW - HOUR, endMs: NOW, limit: 1 })[0]!;
    const root = (toTempoTraceJson(failed.trace) as OtlpTrace).batches[0]!.scopeSpans[0]!.spans[0]!;
    expect(Object.keys(root.status)).toEqual(['message', 'code']);
    expect(root.status.code).toBe('STATUS_CODE_ERROR');
  });

  it('round-trips through the OTLP reader', () => {
    const back = fromOtlpJson(json as never)[0]!;
    expect(back.traceId).toBe(ref.traceId);
    const summary = (t: DemoTrace) => t.spans.map((s) => [s.spanId, s.parentSpanId, s.kind, s.status.code, s.startUs, s.durationUs, s.attributes, s.events]).sort();
    expect(summary(back)).toEqual(summary(ref));
  });

  it('reads OTLP/HTTP JSON as exporters send it (hex ids, numeric kinds)', () => {
    const [trace] = fromOtlpJson({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'sightline-web' } }] },
          scopeSpans: [{ scope: { name: 'fetch' }, spans: [{ traceId: 'f3f26b65c9eb2d20edcd18ae50a2dd59', spanId: 'b0b0cafe00c0ffee', name: 'HTTP GET', kind: 3, startTimeUnixNano: '1795353661706972768', endTimeUnixNano: '1795353661806972768', status: { code: 2, message: 'boom' } }] }],
        },
      ],
    });
    expect(trace!.spans[0]).toMatchObject({ spanId: 'b0b0cafe00c0ffee', serviceName: 'sightline-web', kind: 'client', status: { code: 'error', message: 'boom' }, durationUs: 100_000 });
  });

  it('writes search hits with leading zeros stripped and span sets', () => {
    const q = parseTraceQL('{ resource.service.name = "dyocense-api" && status = error }');
    const hit = toSearchHit(ref, ref.spans.slice(0, 5), q.attributes);
    expect(hit.traceID).toBe(ref.traceId.replace(/^0+/, ''));
    expect(hit.rootServiceName).toBe('dyocense-api');
    expect(hit.rootTraceName).toBe('POST /v1/goals/create');
    expect(hit.durationMs).toBe(250);
    expect(hit.startTimeUnixNano).toMatch(/^\d{19}$/);
    const set = hit.spanSet as { spans: Array<{ spanID: string; durationNanos: string; attributes: Array<{ key: string }> }>; matched: number };
    expect(set.matched).toBe(5);
    expect(set.spans).toHaveLength(3);
    expect(set.spans[0]!.spanID).toBe(ref.spans[0]!.spanId);
    expect(set.spans[0]!.durationNanos).toBe('250000000');
    expect(set.spans[0]!.attributes.map((a) => a.key)).toEqual(['status', 'service.name']);
    expect(hit.spanSets).toEqual([set]);
  });

  it('marks rootless traces and leaves durationMs out when it is 0', () => {
    const span = { ...ref.spans[1]!, durationUs: 400 };
    const rootless: DemoTrace = { traceId: ref.traceId, spans: [span] };
    const hit = toSearchHit(rootless, undefined, []);
    expect(hit.rootServiceName).toBe('<root span not yet received>');
    expect(hit).not.toHaveProperty('rootTraceName');
    expect(hit).not.toHaveProperty('durationMs');
    expect(hit).not.toHaveProperty('spanSet');
  });
});

describe('large traces for benchmarks', () => {
  it.each([10_000, 100_000])('builds exactly %i spans with one root, a few services and real depth', (n) => {
    const trace = generateLargeTrace(n, 7);
    expect(trace.spans).toHaveLength(n);
    const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
    expect(byId.size).toBe(n);
    expect(trace.spans.filter((s) => !s.parentSpanId)).toHaveLength(1);
    const depth = new Map<string, number>();
    let maxDepth = 0;
    let outside = 0;
    for (const s of trace.spans) {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId)! : undefined;
      if (parent && (s.startUs < parent.startUs || s.startUs + s.durationUs > parent.startUs + parent.durationUs)) outside++;
      const d = parent ? depth.get(parent.spanId)! + 1 : 0;
      depth.set(s.spanId, d);
      maxDepth = Math.max(maxDepth, d);
    }
    expect(outside).toBe(0);
    expect(maxDepth).toBeGreaterThanOrEqual(6);
    expect(new Set(trace.spans.map((s) => s.serviceName)).size).toBeGreaterThanOrEqual(4);
  });

  it('is deterministic and also comes as Tempo JSON', () => {
    expect(generateLargeTrace(500, 3)).toEqual(generateLargeTrace(500, 3));
    const otlp = generateLargeTraceOtlp(500, 3) as OtlpTrace;
    expect(otlp.batches.flatMap((b) => b.scopeSpans.flatMap((s) => s.spans))).toHaveLength(500);
  });
});
