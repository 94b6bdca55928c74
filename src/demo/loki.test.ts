import { DemoLoki } from './loki.ts';
import { parseLogQL, LogQLError } from './logql.ts';
import { parseLogfmt } from './logqlEval.ts';
import { referenceTrace } from './traces.ts';

const NOW = 1_795_353_661_706;
const loki = new DemoLoki({ now: () => NOW });
const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;

interface Streams {
  status: string;
  data: { resultType: 'streams'; result: Array<{ stream: Record<string, string>; values: Array<[string, string]> }>; stats: Record<string, unknown> };
}
interface Matrix {
  status: string;
  data: { resultType: 'matrix'; result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>; stats: object };
}

function queryRange(query: string, extra: Record<string, string> = {}) {
  return loki.queryRange(new URLSearchParams({ query, start: ns(NOW - 3_600_000), end: ns(NOW), limit: '100', ...extra }));
}

function streams(query: string, extra: Record<string, string> = {}): Streams {
  const r = queryRange(query, extra);
  expect(r.status, String(r.body)).toBe(200);
  expect(r.contentType).toBe('application/json; charset=UTF-8');
  return r.body as Streams;
}

const allLines = (s: Streams) => s.data.result.flatMap((r) => r.values.map(([t, line]) => ({ t, line, labels: r.stream })));

describe('LogQL stream selectors and line filters', () => {
  it('selects streams with = and returns newest-first lines with nanosecond string times', () => {
    const body = streams('{service_name="homebot"}');
    expect(body.data.resultType).toBe('streams');
    const lines = allLines(body);
    expect(lines).toHaveLength(100);
    for (const l of lines) {
      expect(l.labels.service_name).toBe('homebot');
      expect(l.t).toMatch(/^\d{19}$/);
    }
    for (const s of body.data.result) for (let i = 1; i < s.values.length; i++) expect(BigInt(s.values[i]![0]) <= BigInt(s.values[i - 1]![0])).toBe(true);
    expect(Object.keys(body.data.stats)).toEqual(['summary', 'querier', 'ingester', 'cache']);
  });

  it('returns oldest-first lines for direction=forward, all after start', () => {
    const body = streams('{service_name="dyocense-api"}', { direction: 'forward', limit: '20' });
    const times = allLines(body).map((l) => BigInt(l.t));
    expect(times).toHaveLength(20);
    for (const t of times) expect(t >= BigInt(ns(NOW - 3_600_000))).toBe(true);
    expect(times.every((t) => t < BigInt(ns(NOW - 3_000_000)))).toBe(true);
  });

  it('supports != =~ !~ matchers', () => {
    const services = (q: string) => new Set(allLines(streams(q, { limit: '2000' })).map((l) => l.labels.service_name));
    expect(services('{environment="demo", service_name!="homebot"}').has('homebot')).toBe(false);
    expect(services('{service_name=~"home.*|legacy-worker"}')).toEqual(new Set(['homebot', 'legacy-worker']));
    expect(services('{environment="demo", service_name!~".*bot|.*api|.*provider"}')).toEqual(new Set(['legacy-worker', 'scanner-cli']));
  });

  it('filters lines with |= != |~ !~', () => {
    expect(allLines(streams('{service_name="homebot"} |= "scan_completed"')).every((l) => l.line.includes('scan_completed'))).toBe(true);
    expect(allLines(streams('{service_name="homebot"} != "scan"')).every((l) => !l.line.includes('scan'))).toBe(true);
    expect(allLines(streams('{service_name="homebot"} |~ "scan_(started|completed)"')).every((l) => /scan_(started|completed)/.test(l.line))).toBe(true);
    expect(allLines(streams('{service_name="homebot"} !~ "info"')).every((l) => !l.line.includes('info'))).toBe(true);
  });

  it('finds the log lines of a trace by its id', () => {
    const { traceId } = referenceTrace(NOW);
    const lines = allLines(streams(`{environment="demo"} |= "${traceId}"`));
    expect(lines.map((l) => (JSON.parse(l.line) as { event: string }).event).sort()).toEqual(['goal_created', 'llm_call_completed', 'request_completed']);
  });
});

describe('LogQL parsers and label filters', () => {
  it('turns JSON fields into labels, suffixing clashes with _extracted, numbers as strings', () => {
    const lines = allLines(streams('{service_name="homebot"} | json | level="error"', { limit: '1000' }));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l.labels.level).toBe('error');
      expect(l.labels.level_extracted).toBe('error');
      expect(l.labels.environment_extracted).toBe('demo');
      expect(l.labels.service).toBe('homebot');
      expect(l.labels).toHaveProperty('event');
      expect(l.labels).toHaveProperty('timestamp');
    }
    const failed = lines.find((l) => l.labels.event === 'request_failed');
    if (failed) expect(failed.labels.status_code).toBe('502');
  });

  it('filters on extracted fields, including trace_id', () => {
    const { traceId } = referenceTrace(NOW);
    const lines = allLines(streams(`{service_name="dyocense-api"} | json | trace_id="${traceId}"`));
    expect(lines).toHaveLength(3);
    // As in Loki, a line whose field does not convert is kept and marked, so drop those explicitly.
    const numeric = allLines(streams('{service_name="homebot"} | json | duration_ms > 1000 | __error__=""', { limit: '1000' }));
    expect(numeric.length).toBeGreaterThan(0);
    expect(numeric.every((l) => Number(l.labels.duration_ms) > 1000)).toBe(true);
    const marked = allLines(streams('{service_name="homebot"} | json | duration_ms > 1000', { limit: '1000' }));
    expect(marked.every((l) => Number(l.labels.duration_ms) > 1000 || l.labels.__error__ === 'LabelFilterErr')).toBe(true);
  });

  it('flattens nested JSON objects with underscores', () => {
    const lines = allLines(streams('{service_name="dyocense-api"} | json | event="readiness_changed"', { start: ns(NOW - 6 * 3_600_000), limit: '5' }));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!.labels.checks_database).toBe('true');
  });

  it('parses logfmt (no level stream label, so no suffix)', () => {
    const lines = allLines(streams('{service_name="legacy-worker"} | logfmt | level=~"warn|error"', { limit: '1000' }));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(['warn', 'error']).toContain(l.labels.level);
      expect(l.labels).toHaveProperty('caller');
      expect(l.labels).toHaveProperty('msg');
    }
    expect(parseLogfmt('ts=1 msg="a \\"b\\" c" k=v')).toEqual([
      ['ts', '1'],
      ['msg', 'a "b" c'],
      ['k', 'v'],
    ]);
  });

  it('marks lines a parser cannot read with __error__', () => {
    const lines = allLines(streams('{service_name="legacy-worker"} | json', { limit: '5' }));
    expect(lines.every((l) => l.labels.__error__ === 'JSONParserErr')).toBe(true);
    expect(allLines(streams('{service_name="legacy-worker"} | json | __error__=""', { limit: '5' }))).toHaveLength(0);
  });

  it('supports line_format and decolorize', () => {
    const formatted = allLines(streams('{service_name="homebot"} | json | line_format "{{.level_extracted}} {{ .event }}"', { limit: '5' }));
    expect(formatted[0]!.line).toMatch(/^(info|warning|error) \w+$/);
    const plain = allLines(streams('{service_name="scanner-cli"} | decolorize', { limit: '100' }));
    expect(plain.some((l) => l.line.includes('\u001b'))).toBe(false);
  });
});

describe('LogQL metric queries', () => {
  it('counts lines per level in step-aligned windows, leaving out empty steps', () => {
    const r = queryRange('sum by (level) (count_over_time({service_name="homebot"}[1m]))', { step: '60' });
    expect(r.status).toBe(200);
    expect(r.contentType).toBe('application/json');
    const body = r.body as Matrix;
    expect(body.data.resultType).toBe('matrix');
    expect(body.data.result.map((s) => s.metric)).toEqual([{ level: 'error' }, { level: 'info' }, { level: 'warning' }].filter((m) => body.data.result.some((s) => s.metric.level === m.level)));
    const info = body.data.result.find((s) => s.metric.level === 'info')!;
    for (const [t, v] of info.values) {
      expect(t % 60).toBe(0);
      expect(Number(v)).toBeGreaterThan(0);
      expect(v).toMatch(/^\d+$/);
    }
    expect(info.values.length).toBeGreaterThanOrEqual(55);
  });

  it('computes rate() per second and answers instant queries as vectors', () => {
    const rate = queryRange('sum(rate({service_name="homebot"} |= "scan_started" [5m]))', { step: '300' }).body as Matrix;
    for (const [, v] of rate.data.result[0]!.values) expect(Number(v)).toBeCloseTo(1 / 20, 1);
    const r = loki.query(new URLSearchParams({ query: 'sum by (level) (count_over_time({service_name="homebot"}[15m]))', time: ns(NOW) }));
    const body = r.body as { data: { resultType: string; result: Array<{ metric: object; value: [number, string] }> } };
    expect(body.data.resultType).toBe('vector');
    expect(body.data.result[0]!.value[0]).toBe(NOW / 1000);
  });

  it('unwraps numeric fields', () => {
    const body = queryRange('max_over_time({service_name="homebot"} | json | event="request_completed" | unwrap duration_ms [10m])', { step: '600' }).body as Matrix;
    expect(body.data.result.length).toBeGreaterThan(0);
    expect(Number(body.data.result[0]!.values[0]![1])).toBeGreaterThan(100);
  });

  it('answers the same query identically twice, from a fresh instance too', () => {
    const q = 'sum by (service_name) (count_over_time({environment="demo"}[5m]))';
    const first = JSON.stringify(queryRange(q, { step: '300' }));
    expect(JSON.stringify(queryRange(q, { step: '300' }))).toBe(first);
    const fresh = new DemoLoki({ now: () => NOW });
    const again = fresh.queryRange(new URLSearchParams({ query: q, start: ns(NOW - 3_600_000), end: ns(NOW), limit: '100', step: '300' }));
    expect(JSON.stringify(again)).toBe(first);
    expect(JSON.stringify(queryRange('{service_name="homebot"} | json'))).toBe(JSON.stringify(queryRange('{service_name="homebot"} | json')));
  });

  it('takes `since` instead of `start`', () => {
    const a = queryRange('{service_name="homebot"}', { start: ns(NOW - 600_000) }).body as Streams;
    const b = loki.queryRange(new URLSearchParams({ query: '{service_name="homebot"}', since: '10m', end: ns(NOW) })).body as Streams;
    expect(b.data.result).toEqual(a.data.result);
  });
});

describe('Loki errors and metadata endpoints', () => {
  it('reports parse errors as plain text, like Loki', () => {
    const r = loki.queryRange(new URLSearchParams({ query: '{service_name="homebot"', start: ns(NOW - 60_000), end: ns(NOW) }));
    expect(r).toEqual({ status: 400, contentType: 'text/plain; charset=utf-8', body: 'parse error at line 1, col 24: syntax error: unexpected $end, expecting } or ,' });
    expect(() => parseLogQL('{service_name=~".*"}')).toThrow(LogQLError);
    expect(queryRange('{service_name="homebot"}', { limit: '5001' }).body).toBe('max entries limit per query exceeded, limit > max_entries_limit (5001 > 5000)');
  });

  it('accepts RFC 3339 and second timestamps', () => {
    const a = queryRange('{service_name="homebot"}', { start: new Date(NOW - 600_000).toISOString(), end: new Date(NOW).toISOString() }).body as Streams;
    const b = queryRange('{service_name="homebot"}', { start: String((NOW - 600_000) / 1000), end: String(NOW / 1000) }).body as Streams;
    expect(a.data.result).toEqual(b.data.result);
  });

  it('answers a log selector on the instant endpoint with empty streams', () => {
    const r = loki.query(new URLSearchParams({ query: '{service_name="homebot"}', limit: '10' }));
    expect(r.contentType).toBe('application/json; charset=utf-8');
    expect((r.body as Streams).data.result).toEqual([]);
  });

  it('lists labels, values (no data key when empty) and series', () => {
    expect((loki.labels().body as { data: string[] }).data).toEqual(['environment', 'level', 'service_name']);
    expect(loki.labelValues('service_name', new URLSearchParams()).body).toEqual({
      status: 'success',
      data: ['barcode-lookup-provider', 'dyocense-api', 'homebot', 'legacy-worker', 'scanner-cli'],
    });
    expect(loki.labelValues('level', new URLSearchParams({ query: '{service_name="scanner-cli"}' })).body).toEqual({ status: 'success' });
    const series = (loki.series(new URLSearchParams({ 'match[]': '{service_name="homebot"}' })).body as { data: object[] }).data;
    expect(series).toHaveLength(3);
  });

  it('tails: first the recent lines, then only what is new', () => {
    let now = NOW;
    const live = new DemoLoki({ now: () => now });
    const tail = live.tail('{service_name="homebot"}', ns(NOW - 60_000), 10);
    if ('status' in tail) throw new Error(String(tail.body));
    const first = tail.next()!;
    expect(first.streams.flatMap((s) => s.values).length).toBeGreaterThan(0);
    expect(tail.next()).toBeUndefined();
    now += 60_000;
    const next = tail.next()!;
    for (const [t] of next.streams.flatMap((s) => s.values)) expect(BigInt(t) > BigInt(ns(NOW))).toBe(true);
  });
});
