import { DemoPrometheus, formatGoExp, formatPromValue } from './metrics.ts';
import { bucketQuantile } from './promqlEval.ts';

// T0 of the captured fixtures (2026-11-22T13:21:01.706Z).
const NOW = 1_795_353_661_706;
const prom = new DemoPrometheus({ now: () => NOW });

interface Matrix {
  status: string;
  data: { resultType: string; result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
}

function range(query: string, start = NOW / 1000 - 3600, end = NOW / 1000, step = '60', p = prom) {
  return p.queryRange(new URLSearchParams({ query, start: String(start), end: String(end), step }));
}

function matrix(query: string): Matrix {
  const r = range(query);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as Matrix;
}

const DASHBOARD_QUERIES = [
  'rate(homebot_scans_total[1m])',
  'sum by (token) (rate(homebot_scans_total[1m]))',
  'histogram_quantile(0.95, rate(homebot_lookup_duration_seconds_bucket[5m]))',
  'histogram_quantile(0.5, rate(homebot_lookup_duration_seconds_bucket[5m]))',
  'histogram_quantile(0.95, sum by (le) (rate(homebot_lookup_duration_seconds_bucket[5m])))',
  'sum(rate(homebot_cache_operations_total{operation="hit"}[5m])) / sum(rate(homebot_cache_operations_total[5m]))',
  'homebot_job_queue_size',
  'rate(http_requests_total{status=~"5.."}[5m])',
  'sum by (endpoint) (rate(http_requests_total[5m]))',
  'sum by (endpoint) (rate(http_requests_total{status=~"5.."}[5m])) / sum by (endpoint) (rate(http_requests_total[5m]))',
  'histogram_quantile(0.95, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket[5m])))',
  'sum by (model) (rate(llm_tokens_total[5m]))',
  'sum(increase(llm_cost_dollars_total[1h]))',
  'circuit_breaker_state',
  'up',
  'up{job="homebot-api"}',
];

describe('demo Prometheus query_range', () => {
  it.each(DASHBOARD_QUERIES)('answers %s with non-empty series in Prometheus shape', (query) => {
    const body = matrix(query);
    expect(body.status).toBe('success');
    expect(body.data.resultType).toBe('matrix');
    expect(body.data.result.length).toBeGreaterThan(0);
    for (const s of body.data.result) {
      expect(s.values.length).toBeGreaterThan(0);
      for (const [t, v] of s.values) {
        expect(typeof t).toBe('number');
        expect(typeof v).toBe('string');
        expect(Number.isNaN(Number(v)) && v !== 'NaN').toBe(false);
      }
    }
  });

  it('merges `or` sides with the same labels into one series, as a range query does', () => {
    // An empty left side: vector(0) fills every step, once.
    const empty = matrix('sum(no_such_metric) or vector(0)');
    expect(empty.data.result).toHaveLength(1);
    expect(empty.data.result[0]!.values.every(([, v]) => v === '0')).toBe(true);
    // A left side with gaps (steps where the comparison drops it): vector(0) fills them, in the
    // same series, and leaves the left's values where it has them.
    const sums = matrix('sum(homebot_job_queue_size)').data.result[0]!.values.map(([, v]) => Number(v));
    const median = [...sums].sort((a, b) => a - b)[Math.floor(sums.length / 2)];
    const gappy = matrix(`(sum(homebot_job_queue_size) > ${median}) or vector(0)`);
    expect(gappy.data.result).toHaveLength(1);
    const merged = gappy.data.result[0]!.values.map(([, v]) => Number(v));
    expect(merged).toEqual(sums.map((v) => (v > median ? v : 0)));
    // Different labels stay separate series.
    expect(matrix('homebot_job_queue_size or vector(0)').data.result.length).toBeGreaterThan(1);
  });

  it('splits scans by token and gives rates in a plausible range', () => {
    const body = matrix('rate(homebot_scans_total[1m])');
    expect(body.data.result.map((s) => s.metric.token).sort()).toEqual(['AVAX', 'BTC', 'DOGE', 'ETH', 'LINK', 'SOL']);
    for (const s of body.data.result) for (const [, v] of s.values) expect(Number(v)).toBeLessThan(5);
    expect(body.data.result[0]!.metric.__name__).toBeUndefined();
  });

  it('keeps the cache hit ratio and latency quantiles in range', () => {
    for (const [, v] of matrix('sum(rate(homebot_cache_operations_total{operation="hit"}[5m])) / sum(rate(homebot_cache_operations_total[5m]))').data.result[0]!.values) {
      expect(Number(v)).toBeGreaterThan(0.1);
      expect(Number(v)).toBeLessThan(1);
    }
    const p50 = matrix('histogram_quantile(0.5, rate(homebot_lookup_duration_seconds_bucket[5m]))').data.result[0]!.values;
    const p95 = matrix('histogram_quantile(0.95, rate(homebot_lookup_duration_seconds_bucket[5m]))').data.result[0]!.values;
    p50.forEach(([, v], i) => expect(Number(v)).toBeLessThanOrEqual(Number(p95[i]![1])));
  });

  it('answers the same query twice, and from a second instance, identically', () => {
    const again = new DemoPrometheus({ now: () => NOW });
    for (const q of DASHBOARD_QUERIES.slice(0, 6)) {
      expect(range(q).body).toEqual(range(q).body);
      expect(range(q, undefined, undefined, undefined, again).body).toEqual(range(q).body);
    }
  });

  it('gives a sample the same value whatever range and step it was asked with', () => {
    const at = (m: Matrix, time: number) => m.data.result[0]!.values.find(([ts]) => ts === time)?.[1];
    const wide = matrix('rate(homebot_scans_total{token="BTC"}[1m])');
    const t = wide.data.result[0]!.values[10]![0];
    const narrow = range('rate(homebot_scans_total{token="BTC"}[1m])', t, t + 60, '30').body as Matrix;
    expect(at(narrow, t)).toBeDefined();
    expect(at(narrow, t)).toBe(at(wide, t));
    const a = range('homebot_job_queue_size', t, t + 600, '15').body as Matrix;
    const b = range('homebot_job_queue_size', t + 300, t + 900, '15').body as Matrix;
    expect(at(a, t + 450)).toBe(at(b, t + 450));
  });

  it('evaluates at start + k * step, as Prometheus does, with float-second times', () => {
    const start = 1_795_353_666.537;
    const body = range('homebot_job_queue_size', start, start + 40, '2').body as Matrix;
    const times = body.data.result[0]!.values.map(([t]) => t);
    expect(times[0]).toBe(1_795_353_666.537);
    expect(times[1]).toBe(1_795_353_668.537);
    expect(times).toHaveLength(21);
  });

  it('leaves out points after "now"', () => {
    const body = range('rate(homebot_scans_total[1m])', NOW / 1000 - 600, NOW / 1000 + 3600, '60').body as Matrix;
    for (const s of body.data.result) for (const [t] of s.values) expect(t).toBeLessThanOrEqual(NOW / 1000 + 300);
  });

  it('refuses more than 11,000 points per series with Prometheus\'s message', () => {
    const r = range('up', 1_795_353_666.537, 1_795_353_707.424, '0.001');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      status: 'error',
      errorType: 'bad_data',
      error: 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    });
    expect(range('up', 0, 11_000, '1').status).toBe(200);
  });
});

describe('demo Prometheus query', () => {
  const instant = (query: string) => prom.query(new URLSearchParams({ query }));

  it('lists up for every target, one of them down', () => {
    const body = instant('up').body as { data: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    expect(body.data.resultType).toBe('vector');
    expect(body.data.result.length).toBe(5);
    expect(body.data.result.filter((s) => s.value[1] === '0').map((s) => s.metric.job)).toEqual(['legacy-worker']);
    expect(body.data.result[0]!.value[0]).toBe(NOW / 1000);
    expect(Object.keys(body.data.result[0]!.metric)[0]).toBe('__name__');
  });

  it('filters by label', () => {
    const body = instant('up{job="homebot-api"}').body as { data: { result: unknown[] } };
    expect(body.data.result).toHaveLength(1);
  });

  it('answers scalars as a bare [time, "value"] pair', () => {
    expect(instant('scalar(vector(1))').body).toEqual({ status: 'success', data: { resultType: 'scalar', result: [NOW / 1000, '1'] } });
  });

  it('returns raw samples for a range selector', () => {
    const body = instant('up{job="prometheus"}[1m]').body as { data: { resultType: string; result: Array<{ values: unknown[] }> } };
    expect(body.data.resultType).toBe('matrix');
    expect(body.data.result[0]!.values).toHaveLength(4);
  });

  it('gives an empty result, not an error, for an unknown metric', () => {
    expect(instant('no_such_metric_total').body).toEqual({ status: 'success', data: { resultType: 'vector', result: [] } });
  });

  it('falls back to the mentioned metric for valid PromQL it does not evaluate', () => {
    const body = prom.queryRange(new URLSearchParams({ query: 'deriv(homebot_job_queue_size[5m])', start: String(NOW / 1000 - 600), end: String(NOW / 1000), step: '60' })).body as Matrix;
    expect(body.data.result.length).toBe(1);
    const rateLike = instant('max_over_time(rate(homebot_scans_total[1m])[5m:1m])').body as { data: { result: Array<{ metric: Record<string, string> }> } };
    expect(rateLike.data.result.length).toBe(6);
    expect(rateLike.data.result[0]!.metric.__name__).toBeUndefined();
  });

  it('answers malformed queries with 400 bad_data and a Prometheus-style position', () => {
    expect(instant('rate(up[5m]')).toEqual({
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:12: parse error: unclosed left parenthesis' },
    });
    expect((instant('up{job="x"').body as { error: string }).error).toBe('invalid parameter "query": 1:11: parse error: unexpected end of input inside braces');
    expect((instant('scalar(1)').body as { error: string }).error).toBe(
      'invalid parameter "query": 1:8: parse error: expected type instant vector in call to function "scalar", got scalar',
    );
    expect(instant('up)').status).toBe(400);
    expect(instant('foo(up)').status).toBe(400);
  });

  it('evaluates the recording rule it lists', () => {
    const body = instant('job:up:sum{job="legacy-worker"}').body as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    expect(body.data.result).toEqual([{ metric: { __name__: 'job:up:sum', job: 'legacy-worker' }, value: [NOW / 1000, '0'] }]);
  });
});

describe('demo Prometheus metadata endpoints', () => {
  const p = (o: Record<string, string | string[]> = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) for (const x of [v].flat()) params.append(k, x);
    return params;
  };

  it('lists label names and values, including __name__', () => {
    const labels = (prom.labels(p()).body as { data: string[] }).data;
    expect(labels).toEqual([...labels].sort());
    expect(labels).toEqual(expect.arrayContaining(['__name__', 'job', 'instance', 'token', 'le', 'endpoint']));
    const names = (prom.labelValues('__name__', p()).body as { data: string[] }).data;
    expect(names).toEqual(expect.arrayContaining(['up', 'homebot_scans_total', 'homebot_lookup_duration_seconds_bucket', 'llm_tokens_total', 'job:up:sum']));
    expect((prom.labelValues('job', p({ 'match[]': 'homebot_scans_total' })).body as { data: string[] }).data).toEqual(['homebot-api']);
  });

  it('needs match[] for series, and sorts label sets', () => {
    expect(prom.series(p()).status).toBe(400);
    const series = (prom.series(p({ 'match[]': 'up' })).body as { data: Array<Record<string, string>> }).data;
    expect(series).toHaveLength(5);
    expect(series[0]!.__name__).toBe('up');
  });

  it('describes metrics (histograms under their base name) and honours limit', () => {
    const data = (prom.metadata(p()).body as { data: Record<string, Array<{ type: string; help: string; unit: string }>> }).data;
    expect(data.homebot_lookup_duration_seconds).toEqual([{ type: 'histogram', help: expect.any(String), unit: '' }]);
    expect(Object.keys((prom.metadata(p({ limit: '2' })).body as { data: object }).data)).toHaveLength(2);
  });

  it('has one target down with a realistic lastError', () => {
    const targets = (prom.targets().body as { data: { activeTargets: Array<Record<string, unknown>>; droppedTargets: unknown[] } }).data;
    const down = targets.activeTargets.filter((t) => t.health === 'down');
    expect(down).toHaveLength(1);
    expect(down[0]!.lastError).toMatch(/^Get "http:\/\/legacy-worker:9102\/metrics": dial tcp .*connection refused$/);
    expect(Object.keys(targets.activeTargets[0]!).sort()).toEqual(
      ['discoveredLabels', 'globalUrl', 'health', 'labels', 'lastError', 'lastScrape', 'lastScrapeDuration', 'scrapeInterval', 'scrapePool', 'scrapeTimeout', 'scrapeUrl'].sort(),
    );
    expect(targets.droppedTargets).toEqual([]);
  });

  it('has a firing and a pending alert, and rules in every state plus a recording rule', () => {
    const alerts = (prom.alerts().body as { data: { alerts: Array<{ state: string; value: string; activeAt: string }> } }).data.alerts;
    expect(alerts.map((a) => a.state)).toEqual(['firing', 'pending']);
    expect(alerts[0]!.value).toBe('6.23e-02');
    expect(alerts[0]!.activeAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    const groups = (prom.rules().body as { data: { groups: Array<{ rules: Array<{ type: string; state?: string; alerts?: unknown[]; duration?: number }> }> } }).data.groups;
    const rules = groups.flatMap((g) => g.rules);
    expect(rules.filter((r) => r.type === 'alerting').map((r) => r.state)).toEqual(['firing', 'pending', 'inactive']);
    expect(rules.find((r) => r.state === 'inactive')!.alerts).toEqual([]);
    const recording = rules.find((r) => r.type === 'recording')!;
    expect(recording).not.toHaveProperty('state');
    expect(recording).not.toHaveProperty('alerts');
  });
});

describe('number formatting', () => {
  it('writes sample values as Go does', () => {
    expect(formatPromValue(0.04444444444444444)).toBe('0.04444444444444444');
    expect(formatPromValue(NaN)).toBe('NaN');
    expect(formatPromValue(Infinity)).toBe('+Inf');
    expect(formatPromValue(-Infinity)).toBe('-Inf');
    expect(formatPromValue(1e21)).toBe('1000000000000000000000');
    expect(formatPromValue(5e-7)).toBe('0.0000005');
    expect(formatGoExp(1)).toBe('1e+00');
  });

  it('computes histogram quantiles like Prometheus', () => {
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 0.5, count: 90 },
      { le: 1, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(bucketQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(bucketQuantile(0.7, buckets)).toBeCloseTo(0.3);
    expect(bucketQuantile(0.5, [{ le: Infinity, count: 0 }, { le: 1, count: 0 }])).toBeNaN();
  });
});
