// The synthetic Prometheus series of the demo stack. Samples sit on a 15-second scrape grid
// (absolute time, index k = t / 15 s). A gauge sample is a function of t; a counter is defined by
// its increment during each scrape interval (integers for counts), and its raw value is the sum of
// increments since the last process restart (every 6 hours), so rate() behaves like the real thing.

import type { Labels } from '../datasources/types.ts';
import { diurnal, hash32, incident, smoothNoise, unit2 } from './random.ts';

export const SCRAPE_MS = 15_000;
export const RESTART_EVERY_SCRAPES = 1440; // 6 hours

export interface SeriesDef {
  labels: Labels; // includes __name__
  type: 'counter' | 'gauge';
  /** Gauge value at scrape k, or counter increment during the interval ending at scrape k. */
  sample(k: number): number;
}

export interface MetricMeta {
  type: 'counter' | 'gauge' | 'histogram';
  help: string;
}

export interface Catalog {
  series: SeriesDef[];
  byName: Map<string, SeriesDef[]>;
  metadata: Map<string, MetricMeta>;
}

export const TARGETS = [
  { job: 'homebot-api', instance: 'homebot-0:8000', service: 'homebot', up: true },
  { job: 'dyocense-api', instance: 'dyocense-api-7d9f8c6b5-x2k4p:8000', service: 'dyocense-api', up: true },
  { job: 'barcode-lookup-provider', instance: 'barcode-lookup-provider:8080', service: 'barcode-lookup-provider', up: true },
  { job: 'legacy-worker', instance: 'legacy-worker:9102', service: 'legacy-worker', up: false },
  { job: 'prometheus', instance: 'localhost:9090', service: '', up: true },
] as const;

const HOMEBOT = { job: 'homebot-api', instance: 'homebot-0:8000' };
const DYOCENSE = { job: 'dyocense-api', instance: 'dyocense-api-7d9f8c6b5-x2k4p:8000' };
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const TOKEN_WEIGHTS: Array<[string, number]> = [
  ['BTC', 0.3],
  ['ETH', 0.25],
  ['SOL', 0.15],
  ['AVAX', 0.1],
  ['LINK', 0.1],
  ['DOGE', 0.1],
];

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const tOf = (k: number): number => (k * SCRAPE_MS) / 1000;

/** Integer events in one scrape interval for a per-second `rate`, dithered so the mean is exact. */
function countIn(key: number, k: number, rate: number): number {
  return Math.floor(rate * (SCRAPE_MS / 1000) + unit2(key, k));
}

class CatalogBuilder {
  readonly series: SeriesDef[] = [];
  readonly metadata = new Map<string, MetricMeta>();

  constructor(readonly seed: number) {}

  key(labels: Labels): number {
    return hash32(this.seed, Object.entries(labels).sort().join(','));
  }

  meta(name: string, type: MetricMeta['type'], help: string): void {
    this.metadata.set(name, { type, help });
  }

  gauge(labels: Labels, value: (k: number, key: number) => number): void {
    const key = this.key(labels);
    this.series.push({ labels, type: 'gauge', sample: (k) => value(k, key) });
  }

  /** A counter of events happening at `rate(t)` per second. */
  counter(labels: Labels, rate: (tSec: number, key: number) => number): void {
    const key = this.key(labels);
    this.series.push({ labels, type: 'counter', sample: (k) => countIn(key, k, Math.max(0, rate(tOf(k), key))) });
  }

  /** A counter of real-valued increments (seconds, dollars). */
  counterFloat(labels: Labels, increment: (k: number, key: number) => number): void {
    const key = this.key(labels);
    this.series.push({ labels, type: 'counter', sample: (k) => increment(k, key) });
  }

  /**
   * A histogram: observations at `rate(t)`/s, log-normally distributed around `median(t)` seconds.
   * Buckets share the count of each interval, so they stay monotonic in `le`.
   */
  histogram(name: string, labels: Labels, rate: (tSec: number) => number, median: (tSec: number) => number, sigma = 0.6): void {
    const countKey = this.key({ ...labels, __name__: `${name}_count` });
    const count = (k: number): number => countIn(countKey, k, Math.max(0, rate(tOf(k))));
    const cdf = (le: number, k: number): number => normalCdf((Math.log(le) - Math.log(median(tOf(k)))) / sigma);
    for (const le of LATENCY_BUCKETS) {
      this.series.push({ labels: { __name__: `${name}_bucket`, ...labels, le: String(le) }, type: 'counter', sample: (k) => Math.round(count(k) * cdf(le, k)) });
    }
    this.series.push({ labels: { __name__: `${name}_bucket`, ...labels, le: '+Inf' }, type: 'counter', sample: count });
    this.series.push({ labels: { __name__: `${name}_count`, ...labels }, type: 'counter', sample: count });
    this.series.push({
      labels: { __name__: `${name}_sum`, ...labels },
      type: 'counter',
      sample: (k) => count(k) * median(tOf(k)) * Math.exp((sigma * sigma) / 2) * (0.9 + 0.2 * unit2(countKey ^ 0x55, k)),
    });
  }
}

function buildCatalog(seed: number): Catalog {
  const c = new CatalogBuilder(seed);
  const trouble = (t: number): number => incident(seed, t);
  const traffic = (t: number, key: number, base: number): number => base * (0.55 + 0.45 * diurnal(t)) * (1 + 0.12 * smoothNoise(key, t, 600));

  c.meta('up', 'gauge', 'Whether the target was reachable on its last scrape (1) or not (0).');
  for (const target of TARGETS) {
    const labels: Labels = { __name__: 'up', job: target.job, instance: target.instance };
    if (target.service) labels.service = target.service;
    c.gauge(labels, () => (target.up ? 1 : 0));
  }

  c.meta('homebot_scans_total', 'counter', 'Token scans completed, by token.');
  c.meta('homebot_scan_errors_total', 'counter', 'Token scans that failed, by token.');
  for (const [token, weight] of TOKEN_WEIGHTS) {
    c.counter({ __name__: 'homebot_scans_total', ...HOMEBOT, token }, (t, key) => traffic(t, key, 1.2 * weight));
    c.counter({ __name__: 'homebot_scan_errors_total', ...HOMEBOT, token }, (t, key) => traffic(t, key, 1.2 * weight) * (0.02 + 0.25 * trouble(t)));
  }

  c.meta('homebot_lookup_duration_seconds', 'histogram', 'Price lookups at barcode-lookup-provider, in seconds.');
  c.histogram('homebot_lookup_duration_seconds', { ...HOMEBOT, provider: 'barcode-lookup-provider' }, (t) => 0.5 * (0.55 + 0.45 * diurnal(t)), (t) => 0.12 * (1 + 0.15 * smoothNoise(seed ^ 0x100c, t, 900)) * (1 + 5 * trouble(t)));

  c.meta('homebot_cache_operations_total', 'counter', 'Price cache lookups, by result.');
  const hitRatio = (t: number): number => Math.min(0.97, Math.max(0.2, 0.86 + 0.05 * smoothNoise(seed ^ 0xcac4e, t, 1200) - 0.45 * trouble(t)));
  c.counter({ __name__: 'homebot_cache_operations_total', ...HOMEBOT, cache: 'redis', operation: 'hit' }, (t, key) => traffic(t, key, 2) * hitRatio(t));
  c.counter({ __name__: 'homebot_cache_operations_total', ...HOMEBOT, cache: 'redis', operation: 'miss' }, (t, key) => traffic(t, key, 2) * (1 - hitRatio(t)));

  c.meta('homebot_job_queue_size', 'gauge', 'Jobs waiting in the queue.');
  c.gauge({ __name__: 'homebot_job_queue_size', ...HOMEBOT, queue: 'default' }, (k, key) => {
    const t = tOf(k);
    return Math.max(0, Math.round(2 + 2 * smoothNoise(key, t, 300) + 3 * unit2(key, k) + 60 * trouble(t)));
  });

  c.meta('circuit_breaker_state', 'gauge', 'Circuit breaker per dependency: 0 closed, 1 open, 2 half-open.');
  for (const dependency of ['barcode-lookup-provider', 'exchange_api']) {
    c.gauge({ __name__: 'circuit_breaker_state', ...HOMEBOT, dependency }, (k) => {
      const x = dependency === 'exchange_api' ? 0 : trouble(tOf(k));
      return x > 0.8 ? 1 : x > 0.3 ? 2 : 0;
    });
  }

  c.meta('http_requests_total', 'counter', 'HTTP requests served, by endpoint and status.');
  c.meta('http_request_duration_seconds', 'histogram', 'HTTP request latency, in seconds.');
  const endpoints = [
    { target: HOMEBOT, method: 'POST', endpoint: '/api/v1/scan', rate: 1.2, median: 0.6, errors: { '502': 0.02, '429': 0.01 } },
    { target: HOMEBOT, method: 'GET', endpoint: '/api/v1/prices/{token}', rate: 3.5, median: 0.03, errors: { '500': 0.004 } },
    { target: HOMEBOT, method: 'GET', endpoint: '/health/ready', rate: 0.2, median: 0.001, errors: {} },
    { target: DYOCENSE, method: 'POST', endpoint: '/v1/goals/create', rate: 0.4, median: 0.25, errors: { '500': 0.01 } },
    { target: DYOCENSE, method: 'GET', endpoint: '/v1/goals', rate: 2.5, median: 0.035, errors: { '500': 0.005 } },
    { target: DYOCENSE, method: 'POST', endpoint: '/v1/auth/token', rate: 0.6, median: 0.08, errors: { '401': 0.03 } },
  ];
  for (const e of endpoints) {
    const base = { ...e.target, method: e.method, endpoint: e.endpoint };
    const errorTotal = (t: number): number => Object.values(e.errors).reduce((s, r) => s + r, 0) * (1 + 12 * trouble(t));
    c.counter({ __name__: 'http_requests_total', ...base, status: '200' }, (t, key) => traffic(t, key, e.rate) * (1 - errorTotal(t)));
    for (const [status, share] of Object.entries(e.errors)) {
      c.counter({ __name__: 'http_requests_total', ...base, status }, (t, key) => traffic(t, key, e.rate) * share * (1 + 12 * trouble(t)));
    }
    c.histogram('http_request_duration_seconds', base, (t) => e.rate * (0.55 + 0.45 * diurnal(t)), (t) => e.median * (1 + 0.1 * smoothNoise(hash32(seed, e.endpoint), t, 600)) * (1 + 4 * trouble(t)));
  }

  c.meta('llm_tokens_total', 'counter', 'LLM tokens used, by service, model and type.');
  c.meta('llm_cost_dollars_total', 'counter', 'LLM spend in US dollars.');
  const llm = [
    { target: HOMEBOT, service: 'homebot', model: 'gpt-4o-mini', rate: 0.3, tokens: 350, pricePerToken: 0.6e-6 },
    { target: DYOCENSE, service: 'dyocense-api', model: 'gpt-4o', rate: 0.4, tokens: 850, pricePerToken: 15e-6 },
  ];
  for (const m of llm) {
    const base = { ...m.target, service: m.service, model: m.model };
    const calls = (t: number, key: number): number => traffic(t, key, m.rate);
    c.counter({ __name__: 'llm_tokens_total', ...base, type: 'prompt' }, (t, key) => calls(t, key) * m.tokens * 0.7);
    c.counter({ __name__: 'llm_tokens_total', ...base, type: 'completion' }, (t, key) => calls(t, key) * m.tokens * 0.3);
    c.counterFloat({ __name__: 'llm_cost_dollars_total', ...base }, (k, key) => calls(tOf(k), key) * 15 * m.tokens * m.pricePerToken * (0.8 + 0.4 * unit2(key, k)));
  }

  c.meta('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.');
  c.meta('process_cpu_seconds_total', 'counter', 'Total user and system CPU time spent in seconds.');
  for (const target of [HOMEBOT, DYOCENSE]) {
    c.gauge({ __name__: 'process_resident_memory_bytes', ...target }, (k, key) => {
      const sinceRestart = k % RESTART_EVERY_SCRAPES;
      return Math.round((380 + sinceRestart * 0.05 + 8 * smoothNoise(key, tOf(k), 300)) * 1048576);
    });
    c.counterFloat({ __name__: 'process_cpu_seconds_total', ...target }, (k, key) => 15 * (0.2 + 0.25 * diurnal(tOf(k)) + 0.05 * unit2(key, k)));
  }

  const byName = new Map<string, SeriesDef[]>();
  for (const s of c.series) {
    const name = s.labels.__name__!;
    const list = byName.get(name);
    if (list) list.push(s);
    else byName.set(name, [s]);
  }
  return { series: c.series, byName, metadata: c.metadata };
}

const catalogs = new Map<number, Catalog>();

export function catalogFor(seed: number): Catalog {
  let catalog = catalogs.get(seed);
  if (!catalog) catalogs.set(seed, (catalog = buildCatalog(seed)));
  return catalog;
}
