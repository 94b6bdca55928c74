import { jsonFixture } from '../testing';
import type { Span } from '../types';
import { otlpAnyValue, otlpToTrace } from './otlp';

const fixture = (name: string) => jsonFixture(import.meta.url, name);
const byName = (spans: Span[], name: string) => spans.find((s) => s.name === name)!;

describe('otlpToTrace: trace A (reference)', () => {
  const trace = otlpToTrace(fixture('trace-a-reference.json'));

  it('decodes the base64 trace id and finds all 7 spans across 4 batches', () => {
    expect(trace.traceId).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
    expect(trace.spans).toHaveLength(7);
    expect(trace.partial).toBeUndefined();
    expect(new Set(trace.spans.map((s) => s.serviceName))).toEqual(new Set(['dyocense-api']));
  });

  it('reads the root span: 250 ms server span, OK status, int attributes as numbers', () => {
    const root = trace.spans.filter((s) => !s.parentSpanId);
    expect(root).toHaveLength(1);
    expect(root[0]).toMatchObject({
      spanId: '6b4e8e2a6256fbfd',
      traceId: '0074956cf36b07561fc0cc1c6fe2ffad',
      name: 'POST /v1/goals/create',
      kind: 'server',
      durationUs: 250_000,
      status: { code: 'ok' },
    });
    expect(Math.floor(root[0].startUs)).toBe(1795353241706972);
    expect(root[0].startUs - 1795353241706972).toBeCloseTo(0.768, 0);
    expect(root[0].attributes).toMatchObject({ 'http.method': 'POST', 'http.status_code': 200, 'http.route': '/v1/goals/create' });
    expect(root[0].resource).toMatchObject({ 'service.name': 'dyocense-api', 'k8s.cluster.name': 'fixtures-20261122-132101' });
  });

  it('keeps parents, kinds, unset status and double attributes', () => {
    const auth = byName(trace.spans, 'middleware.auth');
    expect(auth).toMatchObject({ parentSpanId: '6b4e8e2a6256fbfd', kind: 'internal', durationUs: 5000, status: { code: 'unset' } });
    expect(byName(trace.spans, 'llm.generate_smart_goal').attributes).toEqual({
      'llm.model': 'gpt-4o',
      'llm.tokens': 812,
      'llm.cost': 0.0123,
      'llm.provider': 'openai',
    });
    expect(byName(trace.spans, 'http.post api.openai.com')).toMatchObject({ kind: 'client', parentSpanId: 'c9a246b462cc3ef9' });
  });

  it('reads the cache-miss event and the link to trace D', () => {
    const createGoal = byName(trace.spans, 'create_goal');
    expect(createGoal.events).toHaveLength(1);
    expect(createGoal.events[0]).toMatchObject({
      name: 'cache miss',
      attributes: { 'cache.key': 'goal_templates:revenue_growth', 'cache.backend': 'redis' },
    });
    expect(createGoal.events[0].timeUs - createGoal.startUs).toBeCloseTo(2000, 3);
    expect(createGoal.links).toEqual([
      { traceId: 'ec4a7c1de199252ea088b452ac771976', spanId: 'f35967e2f3a686de', attributes: { 'link.reason': 'reminder_followup' } },
    ]);
  });
});

describe('otlpToTrace: trace B (errors)', () => {
  const trace = otlpToTrace(fixture('trace-b-error.json'));

  it('reads error statuses with and without messages', () => {
    const status = Object.fromEntries(trace.spans.map((s) => [s.spanId, s.status]));
    expect(status['6b2737f59a606130']).toEqual({ code: 'error', message: 'barcode lookup failed: upstream returned 503' });
    expect(status['217f33759ea2ee74']).toEqual({ code: 'error' });
    expect(status['799cc58305058a19']).toEqual({ code: 'unset' });
    expect(status['536fe53b957c4e91']).toEqual({ code: 'error', message: 'upstream quota exhausted' });
    expect(trace.spans.filter((s) => s.status.code === 'error')).toHaveLength(6);
  });

  it('reads the exception event, keeping boolValue false', () => {
    const span = trace.spans.find((s) => s.spanId === 'bd50a4836dcce96e')!;
    expect(span.events[0].name).toBe('exception');
    expect(span.events[0].attributes).toMatchObject({ 'exception.type': 'httpx.HTTPStatusError', 'exception.escaped': false });
  });

  it('gives each span its own batch service', () => {
    const services = trace.spans.map((s) => s.serviceName).sort();
    expect(services).toEqual(['barcode-lookup-provider', 'barcode-lookup-provider', 'homebot', 'homebot', 'homebot', 'homebot', 'homebot']);
  });

  it('equals the pushed OTLP/HTTP JSON (hex ids, numeric kinds and codes, resourceSpans)', () => {
    const pushed = otlpToTrace(fixture('otlp-trace-b.json'));
    const comparable = (spans: Span[]) => [...spans].sort((a, b) => a.spanId.localeCompare(b.spanId));
    expect(pushed.traceId).toBe('df2c6e1ec2da684689500eaad0046eb9');
    expect(comparable(pushed.spans)).toEqual(comparable(trace.spans));
  });
});

describe('otlpToTrace: traces D and F keep their flaws', () => {
  it('keeps the orphan parent and the clock skew (3 ms before the parent)', () => {
    const { spans } = otlpToTrace(fixture('trace-d-orphan-skew.json'));
    expect(spans.find((s) => s.name === 'smtp.send')!.parentSpanId).toBe('deadbeefcafe0001');
    const client = spans.find((s) => s.spanId === 'cf57334826242dc1')!;
    const server = spans.find((s) => s.spanId === '06cfa67fce8e45bc')!;
    expect(server.parentSpanId).toBe(client.spanId);
    expect(server.serviceName).toBe('notification-service');
    expect(client.startUs - server.startUs).toBeCloseTo(3000, 3);
  });

  it('keeps a trace without a root', () => {
    const { spans } = otlpToTrace(fixture('trace-f-rootless.json'));
    expect(spans).toHaveLength(2);
    expect(spans.every((s) => s.parentSpanId)).toBe(true);
    expect(spans.find((s) => s.kind === 'server')!.parentSpanId).toBe('b0b0cafe00c0ffee');
  });
});

describe('otlpToTrace: other shapes', () => {
  it('reads a v2 answer and marks it partial', () => {
    const { batches } = fixture('trace-a-reference.json');
    const trace = otlpToTrace({ trace: { resourceSpans: batches }, status: 'PARTIAL' });
    expect(trace).toMatchObject({ traceId: '0074956cf36b07561fc0cc1c6fe2ffad', partial: true });
    expect(trace.spans).toHaveLength(7);
    expect(otlpToTrace({ trace: { resourceSpans: batches } }).partial).toBeUndefined();
  });

  it('falls back to unknown_service, unspecified kind and the requested id when empty', () => {
    const trace = otlpToTrace({
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [{ spans: [{ traceId: 'AHSVbPNrB1YfwMwcb+L/rQ==', spanId: 'a06OKmJW+/0=', name: 'x', startTimeUnixNano: '1000', endTimeUnixNano: '3500' }] }],
        },
      ],
    });
    expect(trace.spans[0]).toMatchObject({ serviceName: 'unknown_service', kind: 'unspecified', status: { code: 'unset' }, startUs: 1, durationUs: 2.5 });
    expect(otlpToTrace({ batches: [] }, '74956cf36b07561fc0cc1c6fe2ffad')).toEqual({ traceId: '0074956cf36b07561fc0cc1c6fe2ffad', spans: [] });
  });

  it('reads every attribute value type', () => {
    expect(otlpAnyValue({ stringValue: '' })).toBe('');
    expect(otlpAnyValue({ intValue: '200' })).toBe(200);
    expect(otlpAnyValue({ intValue: '9007199254740993' })).toBe('9007199254740993');
    expect(otlpAnyValue({ doubleValue: 0.5 })).toBe(0.5);
    expect(otlpAnyValue({ boolValue: false })).toBe(false);
    expect(otlpAnyValue({ bytesValue: 'AQI=' })).toBe('AQI=');
    expect(otlpAnyValue({ arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }] } })).toEqual(['a', 1]);
    expect(otlpAnyValue({ kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } })).toEqual({ k: true });
    expect(otlpAnyValue({ arrayValue: {} })).toEqual([]);
    expect(otlpAnyValue({})).toBeNull();
  });
});
