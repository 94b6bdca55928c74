import { readFileSync } from 'node:fs';
import { otlpToTrace } from '../tempo/otlp';
import { jsonFixture } from '../testing';
import type { Span } from '../types';
import { jaegerToTrace, jaegerTraceToHit } from './parse';

const fixture = (name: string) => jsonFixture(import.meta.url, name);
const bySpanId = (spans: Span[]) => Object.fromEntries(spans.map((s) => [s.spanId, s]));

describe('jaegerToTrace: trace B as Jaeger shows it', () => {
  const trace = jaegerToTrace(fixture('trace-b-error.json').data[0]);
  const tempo = otlpToTrace(JSON.parse(readFileSync(new URL('../tempo/__fixtures__/trace-b-error.json', import.meta.url), 'utf8')));

  it('gives the same tree, services, kinds, statuses and times as Tempo', () => {
    expect(trace.traceId).toBe('df2c6e1ec2da684689500eaad0046eb9');
    expect(trace.spans).toHaveLength(7);
    const j = bySpanId(trace.spans);
    for (const t of tempo.spans) {
      const s = j[t.spanId];
      expect([s.parentSpanId, s.name, s.serviceName, s.kind, s.status]).toEqual([t.parentSpanId, t.name, t.serviceName, t.kind, t.status]);
      // Jaeger keeps whole microseconds.
      expect(s.startUs).toBe(Math.floor(t.startUs));
      expect(s.durationUs).toBe(t.durationUs);
      expect(s.attributes).toMatchObject(t.attributes);
    }
  });

  it('reads the root: server span with the error message', () => {
    const root = trace.spans.find((s) => !s.parentSpanId)!;
    expect(root).toMatchObject({
      spanId: '6b2737f59a606130',
      name: 'POST /api/v1/scan',
      kind: 'server',
      startUs: 1795353361706972,
      durationUs: 1_240_000,
      status: { code: 'error', message: 'barcode lookup failed: upstream returned 503' },
      serviceName: 'homebot',
    });
    expect(root.attributes['http.status_code']).toBe(502);
    expect(root.resource).toMatchObject({ 'service.name': 'homebot', 'k8s.cluster.name': 'fixtures-20261122-132101' });
  });

  it('turns logs into events named by their event field', () => {
    const span = bySpanId(trace.spans)['bd50a4836dcce96e'];
    expect(span.events).toHaveLength(1);
    expect(span.events[0]).toMatchObject({
      name: 'exception',
      timeUs: 1795353362935972,
      attributes: { 'exception.type': 'httpx.HTTPStatusError', 'exception.escaped': false },
    });
  });
});

describe('jaegerToTrace: a Jaeger-client trace', () => {
  const trace = jaegerToTrace(fixture('search-homebot.json').data[1]);
  const spans = bySpanId(trace.spans);

  it('pads the 64-bit trace id and keeps span ids with leading zeros', () => {
    expect(trace.traceId).toBe('00000000000000007d3f0a1b2c4e5f60');
    expect(Object.keys(spans).sort()).toEqual(['00a1b2c3d4e5f607', '1a2b3c4d5e6f7081', '7d3f0a1b2c4e5f60']);
  });

  it('makes a FOLLOWS_FROM into another trace a link, not a parent', () => {
    const root = spans['7d3f0a1b2c4e5f60'];
    expect(root.parentSpanId).toBeUndefined();
    expect(root.kind).toBe('consumer');
    expect(root.links).toEqual([{ traceId: 'df2c6e1ec2da684689500eaad0046eb9', spanId: '6b2737f59a606130', attributes: {} }]);
    expect(root.resource).toEqual({
      'service.name': 'legacy-worker',
      hostname: 'legacy-worker-5c9d7b8f4-qz7lm',
      ip: '10.42.0.17',
      'jaeger.version': 'Python-4.8.0',
    });
  });

  it('reads error=true without otel.status_code, and a log without an event field', () => {
    const lookup = spans['1a2b3c4d5e6f7081'];
    expect(lookup).toMatchObject({ parentSpanId: '7d3f0a1b2c4e5f60', kind: 'client', status: { code: 'error' } });
    expect(lookup.events).toEqual([
      { name: 'log', timeUs: 1795353462029000, attributes: { level: 'error', message: 'retry budget exhausted' } },
    ]);
    expect(spans['00a1b2c3d4e5f607']).toMatchObject({ kind: 'unspecified', status: { code: 'unset' } });
  });
});

describe('jaegerTraceToHit', () => {
  it('summarises search results', () => {
    const [b, small] = fixture('search-homebot.json').data.map((t: never) => jaegerTraceToHit(jaegerToTrace(t)));
    expect(b).toEqual({
      traceId: 'df2c6e1ec2da684689500eaad0046eb9',
      rootServiceName: 'homebot',
      rootTraceName: 'POST /api/v1/scan',
      startUs: 1795353361706972,
      durationMs: 1240,
      spanCount: 7,
      errorCount: 6,
    });
    expect(small).toEqual({
      traceId: '00000000000000007d3f0a1b2c4e5f60',
      rootServiceName: 'legacy-worker',
      rootTraceName: 'retry_failed_scans',
      startUs: 1795353462000000,
      durationMs: 35,
      spanCount: 3,
      errorCount: 1,
    });
  });
});
