// The demo Prometheus (2.42 answer shapes): query and query_range over the synthetic catalog,
// label/series/metadata lookups, targets (one down), alerts and rules (firing, pending, inactive,
// recording), buildinfo. Unsupported-but-valid PromQL falls back to the series of the first known
// metric the query names; unknown metrics give an empty result; malformed queries a 400 bad_data.

import type { Labels } from '../datasources/types.ts';
import { catalogFor, SCRAPE_MS, TARGETS, type Catalog } from './metricCatalog.ts';
import { evaluate, rawSamples, RECORDING_RULES, selectSeries, type EvalContext, type EvalValue } from './promqlEval.ts';
import { parsePromQL, PromQLSyntaxError, PromQLUnsupported, type Expr } from './promqlParse.ts';
import { DEMO_SEED } from './random.ts';
import { parseDurationMs, parsePromTimeMs, rfc3339Nano } from './timefmt.ts';

export interface ApiResponse {
  status: number;
  body: unknown;
}

const MAX_POINTS = 11_000;

export function promError(error: string, errorType = 'bad_data', status = 400): ApiResponse {
  return { status, body: { status: 'error', errorType, error } };
}

function success(data: unknown): ApiResponse {
  return { status: 200, body: { status: 'success', data } };
}

/** Go's strconv.FormatFloat(v, 'f', -1, 64), as Prometheus writes sample values. */
export function formatPromValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const s = String(v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  // Shortest digits, written out without an exponent.
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead! + frac;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.padEnd(exp + 1, '0')}`;
}

/** Go's strconv.FormatFloat(v, 'e', -1, 64), as alert values are written ("1e+00"). */
export function formatGoExp(v: number): string {
  return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

function sortLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function labelKey(labels: Labels): string {
  return Object.entries(sortLabels(labels))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

const secs = (ms: number): number => ms / 1000;

export interface PrometheusOptions {
  seed?: number;
  now?: () => number;
}

export class DemoPrometheus {
  private readonly catalog: Catalog;
  private readonly now: () => number;

  constructor(options: PrometheusOptions = {}) {
    this.catalog = catalogFor(options.seed ?? DEMO_SEED);
    this.now = options.now ?? Date.now;
  }

  /** Parses, or explains why not: a 400 for malformed queries, a fallback expression for unsupported ones. */
  private compile(query: string): Expr | ApiResponse {
    try {
      return parsePromQL(query);
    } catch (err) {
      if (err instanceof PromQLSyntaxError) return promError(`invalid parameter "query": ${err.message}`);
      if (err instanceof PromQLUnsupported) return this.fallback(query);
      throw err;
    }
  }

  /** "Return the series of the metric the query mentions": rate-like when the query takes a rate. */
  private fallback(query: string): Expr {
    for (const m of query.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?/g)) {
      if (!this.catalog.byName.has(m[1]!)) continue;
      const selector = parsePromQL(`${m[1]}${m[2] ?? ''}`);
      if (/\b(rate|irate|increase)\s*\(/.test(query)) return { type: 'call', func: 'rate', args: [{ ...selector, rangeMs: 300_000 } as Expr] };
      return selector;
    }
    return { type: 'selector', name: '__demo_unknown_metric__', matchers: [], offsetMs: 0 };
  }

  private run(ctx: EvalContext, expr: Expr, query: string): EvalValue | ApiResponse {
    try {
      return evaluate(ctx, expr);
    } catch (err) {
      if (err instanceof PromQLUnsupported) return evaluate(ctx, this.fallback(query));
      throw err;
    }
  }

  query(params: URLSearchParams): ApiResponse {
    const query = params.get('query') ?? '';
    const timeText = params.get('time');
    const nowMs = this.now();
    const t = timeText ? parsePromTimeMs(timeText) : nowMs;
    if (t === undefined) return promError(`invalid parameter "time": cannot parse "${timeText}" to a valid timestamp`);
    const expr = this.compile(query);
    if ('status' in expr) return expr;
    const ctx: EvalContext = { catalog: this.catalog, times: [t], nowMs };
    if (expr.type === 'selector' && expr.rangeMs !== undefined) {
      const result = rawSamples(ctx, expr, t)
        .filter((s) => s.samples.length)
        .map((s) => ({ metric: sortLabels(s.labels), values: s.samples.map(([ts, v]) => [secs(ts), formatPromValue(v)]) }));
      return success({ resultType: 'matrix', result: result.sort((a, b) => labelKey(a.metric).localeCompare(labelKey(b.metric))) });
    }
    const value = this.run(ctx, expr, query);
    if ('status' in value) return value;
    if (value.kind === 'scalar') return success({ resultType: 'scalar', result: [secs(t), formatPromValue(value.v[0]!)] });
    if (value.kind === 'string') return success({ resultType: 'string', result: [secs(t), value.value] });
    if (value.kind === 'matrix') return success({ resultType: 'vector', result: [] });
    const result = value.series
      .filter((s) => s.has[0])
      .map((s) => ({ metric: sortLabels(s.labels), value: [secs(t), formatPromValue(s.v[0]!)] }))
      .sort((a, b) => labelKey(a.metric).localeCompare(labelKey(b.metric)));
    return success({ resultType: 'vector', result });
  }

  queryRange(params: URLSearchParams): ApiResponse {
    const query = params.get('query') ?? '';
    const startMs = parsePromTimeMs(params.get('start') ?? '');
    if (startMs === undefined) return promError(`invalid parameter "start": cannot parse "${params.get('start') ?? ''}" to a valid timestamp`);
    const endMs = parsePromTimeMs(params.get('end') ?? '');
    if (endMs === undefined) return promError(`invalid parameter "end": cannot parse "${params.get('end') ?? ''}" to a valid timestamp`);
    if (endMs < startMs) return promError('invalid parameter "end": end timestamp must not be before start time');
    const stepText = params.get('step') ?? '';
    const stepMs = /^\d+(\.\d+)?$/.test(stepText) ? parseFloat(stepText) * 1000 : parseDurationMs(stepText);
    if (stepMs === undefined) return promError(`invalid parameter "step": cannot parse "${stepText}" to a valid duration`);
    if (stepMs <= 0) return promError('invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer');
    if ((endMs - startMs) / stepMs > MAX_POINTS) {
      return promError('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
    }
    const expr = this.compile(query);
    if ('status' in expr) return expr;
    if (expr.type === 'selector' && expr.rangeMs !== undefined) {
      return promError(`invalid parameter "query": invalid expression type "range vector" for range query, must be Scalar or instant Vector`);
    }
    const times: number[] = [];
    for (let i = 0; startMs + i * stepMs <= endMs; i++) times.push(Math.round(startMs + i * stepMs));
    const value = this.run({ catalog: this.catalog, times, nowMs: this.now() }, expr, query);
    if ('status' in value) return value;
    if (value.kind === 'string') return promError('invalid parameter "query": invalid expression type "string" for range query, must be Scalar or instant Vector');
    const series = value.kind === 'scalar' ? [{ labels: {}, v: value.v, has: new Uint8Array(times.length).fill(1) }] : value.kind === 'vector' ? value.series : [];
    const result = series
      .map((s) => {
        const values: Array<[number, string]> = [];
        for (let i = 0; i < times.length; i++) if (s.has[i]) values.push([secs(times[i]!), formatPromValue(s.v[i]!)]);
        return { metric: sortLabels(s.labels), values };
      })
      .filter((s) => s.values.length)
      .sort((a, b) => labelKey(a.metric).localeCompare(labelKey(b.metric)));
    return success({ resultType: 'matrix', result });
  }

  /** Series matching any `match[]` selector (all series without one). */
  private matching(params: URLSearchParams): Labels[] | ApiResponse {
    const matches = params.getAll('match[]');
    if (!matches.length) return [...this.catalog.series.map((s) => s.labels), ...this.recorded()];
    const out = new Map<string, Labels>();
    for (const m of matches) {
      let expr: Expr;
      try {
        expr = parsePromQL(m);
      } catch (err) {
        return promError(`invalid parameter "match[]": ${err instanceof Error ? err.message : String(err)}`);
      }
      if (expr.type !== 'selector') return promError(`invalid parameter "match[]": 1:1: parse error: unexpected expression, expected a vector selector`);
      const recorded = this.recorded().filter((l) => (!expr.name || l.__name__ === expr.name) && expr.matchers.every((x) => x.op !== '=' || (l[x.name] ?? '') === x.value));
      for (const labels of [...selectSeries(this.catalog, expr.name, expr.matchers).map((s) => s.labels), ...recorded]) out.set(labelKey(labels), labels);
    }
    return [...out.values()];
  }

  private recorded(): Labels[] {
    return TARGETS.map((t) => ({ __name__: Object.keys(RECORDING_RULES)[0]!, job: t.job }));
  }

  series(params: URLSearchParams): ApiResponse {
    if (!params.getAll('match[]').length) return promError('no match[] parameter provided');
    const found = this.matching(params);
    if (!Array.isArray(found)) return found;
    return success(found.map(sortLabels).sort((a, b) => labelKey(a).localeCompare(labelKey(b))));
  }

  labels(params: URLSearchParams): ApiResponse {
    const found = this.matching(params);
    if (!Array.isArray(found)) return found;
    return success([...new Set(found.flatMap((l) => Object.keys(l)))].sort());
  }

  labelValues(name: string, params: URLSearchParams): ApiResponse {
    const found = this.matching(params);
    if (!Array.isArray(found)) return found;
    return success([...new Set(found.map((l) => l[name]).filter((v): v is string => v !== undefined))].sort());
  }

  metadata(params: URLSearchParams): ApiResponse {
    const metric = params.get('metric');
    const limit = Number(params.get('limit') ?? '-1');
    const data: Record<string, unknown> = {};
    for (const [name, meta] of this.catalog.metadata) {
      if (metric && metric !== name) continue;
      if (limit >= 0 && Object.keys(data).length >= limit) break;
      data[name] = [{ type: meta.type, help: meta.help, unit: '' }];
    }
    return success(data);
  }

  targets(): ApiResponse {
    const now = this.now();
    const lastScrapeMs = Math.floor(now / SCRAPE_MS) * SCRAPE_MS;
    const activeTargets = TARGETS.map((t, i) => {
      const labels: Labels = { instance: t.instance, job: t.job };
      if (t.service) labels.service = t.service;
      const discovered: Labels = { __address__: t.instance, __metrics_path__: '/metrics', __scheme__: 'http', __scrape_interval__: '15s', __scrape_timeout__: '10s', job: t.job };
      if (t.service) discovered.service = t.service;
      return {
        discoveredLabels: discovered,
        labels: sortLabels(labels),
        scrapePool: t.job,
        scrapeUrl: `http://${t.instance}/metrics`,
        globalUrl: `http://${t.instance}/metrics`,
        lastError: t.up ? '' : `Get "http://${t.instance}/metrics": dial tcp 10.0.3.7:9102: connect: connection refused`,
        lastScrape: rfc3339Nano(lastScrapeMs + 100 + i * 37, 123),
        lastScrapeDuration: t.up ? 0.004 + i * 0.0013 : 0.000412,
        health: t.up ? 'up' : 'down',
        scrapeInterval: '15s',
        scrapeTimeout: '10s',
      };
    });
    return success({ activeTargets, droppedTargets: [] });
  }

  private alertList(): Array<Record<string, unknown>> {
    const now = this.now();
    const firingSince = Math.floor(now / 3_600_000) * 3_600_000 - 1_200_000;
    const pendingSince = Math.floor(now / 600_000) * 600_000;
    return [
      {
        labels: { alertname: 'HighScanErrorRate', service: 'homebot', severity: 'warning' },
        annotations: {
          description: 'More than 5% of token scans failed over the last 5 minutes (current value 0.0623).',
          runbook_url: 'https://runbooks.example.com/homebot/high-scan-error-rate',
          summary: 'High scan error rate on homebot',
        },
        state: 'firing',
        activeAt: rfc3339Nano(firingSince + 400, 691589),
        value: formatGoExp(0.0623),
      },
      {
        labels: { alertname: 'HighAPILatency', service: 'dyocense-api', severity: 'warning' },
        annotations: { description: 'p95 latency of /v1/goals/* has been above 2s for 1 hour.', summary: 'High API latency on dyocense-api' },
        state: 'pending',
        activeAt: rfc3339Nano(pendingSince + 400, 691589),
        value: formatGoExp(2.31),
      },
    ];
  }

  alerts(): ApiResponse {
    return success({ alerts: this.alertList() });
  }

  rules(): ApiResponse {
    const now = this.now();
    const lastEval = rfc3339Nano(Math.floor(now / SCRAPE_MS) * SCRAPE_MS + 401, 959082);
    const [scanAlert, latencyAlert] = this.alertList();
    const alerting = (state: string, name: string, query: string, duration: number, alert: Record<string, unknown> | undefined, evaluationTime: number) => ({
      state,
      name,
      query,
      duration,
      keepFiringFor: 0,
      labels: alert ? { service: (alert.labels as Labels).service, severity: (alert.labels as Labels).severity } : { service: 'homebot', severity: 'critical' },
      annotations: alert
        ? { ...(alert.annotations as Record<string, string>), description: (alert.annotations as Record<string, string>).description!.replace(/\(current value [^)]*\)/, '(current value {{ $value }})') }
        : { description: 'homebot stopped calling barcode-lookup-provider after repeated failures.', summary: 'Circuit breaker open for barcode-lookup-provider' },
      alerts: alert ? [alert] : [],
      health: 'ok',
      evaluationTime,
      lastEvaluation: lastEval,
      type: 'alerting',
    });
    return success({
      groups: [
        {
          name: 'homebot.alerts',
          file: '/etc/prometheus/rules/homebot.yml',
          rules: [
            alerting('firing', 'HighScanErrorRate', 'sum(rate(homebot_scan_errors_total[5m])) / sum(rate(homebot_scans_total[5m])) > 0.05', 300, scanAlert, 0.000693428),
            alerting(
              'pending',
              'HighAPILatency',
              'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{endpoint=~"/v1/goals.*",job="dyocense-api"}[5m]))) > 2',
              3600,
              latencyAlert,
              0.000221448,
            ),
            alerting('inactive', 'CircuitBreakerOpen', 'max(circuit_breaker_state{dependency="barcode-lookup-provider"}) == 1', 0, undefined, 3.9078e-5),
          ],
          interval: 15,
          limit: 0,
          evaluationTime: 0.001077518,
          lastEvaluation: lastEval,
        },
        {
          name: 'homebot.recording',
          file: '/etc/prometheus/rules/recording.yml',
          rules: Object.entries(RECORDING_RULES).map(([name, query]) => ({ name, query, health: 'ok', evaluationTime: 0.000490082, lastEvaluation: lastEval, type: 'recording' })),
          interval: 15,
          limit: 0,
          evaluationTime: 0.000512865,
          lastEvaluation: lastEval,
        },
      ],
    });
  }

  buildinfo(): ApiResponse {
    return success({
      version: '2.42.0+ds',
      revision: '2.42.0+ds-5+deb12u1',
      branch: 'debian/sid',
      buildUser: 'team+pkg-go@tracker.debian.org',
      buildDate: '20260604-00:58:54',
      goVersion: 'go1.19.8',
    });
  }
}
