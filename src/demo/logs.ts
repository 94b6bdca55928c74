// Demo log lines, generated per 20-second bucket like the traces (every line of a bucket lies in
// it): the structlog JSON lines the traces' spans write (with their trace_id/span_id), background
// lines without trace ids, a logfmt `legacy-worker` and an ANSI/HTML-laden `scanner-cli` stream
// whose lines are copied from the captured fixtures.

import type { AttributeValue, Labels } from '../datasources/types.ts';
import { between, incident, mulberry32, pick, pickWeighted } from './random.ts';
import { isoMicros } from './timefmt.ts';
import { bucketTraces, BUCKET_MS } from './traces.ts';
import { DEMO_ENVIRONMENT, SERVICES, type DemoLogEvent, type LogLevel } from './traceModel.ts';

export interface DemoLogLine {
  /** Integer microseconds since the epoch. */
  tsUs: number;
  /** Stream labels. */
  labels: Labels;
  line: string;
}

/** Python's json.dumps with default separators (", " and ": "), as structlog writes lines. */
export function pyJson(value: AttributeValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`)
    .join(', ')}}`;
}

export function structlogLabels(service: string, level: LogLevel): Labels {
  return { environment: DEMO_ENVIRONMENT, level, service_name: service };
}

export const LOGFMT_LABELS: Labels = { environment: DEMO_ENVIRONMENT, service_name: 'legacy-worker' };
export const PLAIN_LABELS: Labels = { environment: DEMO_ENVIRONMENT, service_name: 'scanner-cli' };

/** Every stream the demo Loki has. */
export const DEMO_STREAMS: Labels[] = [
  ...['homebot', 'dyocense-api', 'barcode-lookup-provider'].flatMap((svc) => (['info', 'warning', 'error'] as const).map((level) => structlogLabels(svc, level))),
  LOGFMT_LABELS,
  PLAIN_LABELS,
];

export function structlogLine(e: DemoLogEvent): DemoLogLine {
  const body: Record<string, AttributeValue> = { timestamp: isoMicros(e.timeUs), level: e.level, logger: e.logger, event: e.event, ...e.fields };
  if (e.traceId) body.trace_id = e.traceId;
  if (e.spanId) body.span_id = e.spanId;
  body.service = e.service;
  body.environment = DEMO_ENVIRONMENT;
  body.version = e.version;
  return { tsUs: e.timeUs, labels: structlogLabels(e.service, e.level), line: pyJson(body) };
}

type Background = [level: LogLevel, logger: string, event: string, fields: (r: () => number) => Record<string, AttributeValue>];

const HOMEBOT_BACKGROUND: Array<readonly [Background, number]> = [
  [['info', 'app.main', 'gc_stats', (r) => ({ collected: Math.floor(between(r(), 500, 3000)), duration_ms: Math.round(between(r(), 2, 20) * 10) / 10 })], 4],
  [['info', 'app.core.cache', 'price_cache_stats', (r) => ({ entries: Math.floor(between(r(), 8, 12)), hit_ratio: Math.round(between(r(), 0.7, 0.95) * 100) / 100 })], 3],
  [['warning', 'app.core.scheduler', 'scheduler_lag', (r) => ({ lag_seconds: Math.round(between(r(), 1.1, 4) * 10) / 10, job: 'scan_all_tokens' })], 1],
  [['warning', 'app.integrations.exchange', 'exchange_ws_disconnected', (r) => ({ exchange: 'binance', reconnect_in_seconds: Math.floor(between(r(), 1, 10)) })], 1],
  [['error', 'app.core.cache', 'redis_connection_lost', () => ({ host: 'redis', port: 6379, error: "ConnectionResetError(104, 'Connection reset by peer')" })], 0.3],
];
const DYOCENSE_BACKGROUND: Array<readonly [Background, number]> = [
  [['info', 'app.main', 'gc_stats', (r) => ({ collected: Math.floor(between(r(), 800, 2500)), duration_ms: Math.round(between(r(), 4, 18) * 10) / 10 })], 4],
  [['info', 'app.health', 'readiness_changed', () => ({ ready: true, checks: { database: true, redis: true } })], 0.5],
  [['warning', 'app.db', 'db_pool_saturated', (r) => ({ pool_size: 20, in_use: 19, waiting: Math.floor(between(r(), 1, 6)) })], 1],
  [['warning', 'app.services.llm', 'llm_rate_limit_near', (r) => ({ remaining_tokens: Math.floor(between(r(), 1000, 9000)), limit_tokens: 300000 })], 1],
  [['error', 'app.features', 'feature_store_unavailable', () => ({ backend: 'feast', error: 'deadline exceeded' })], 0.3],
];

function backgroundLines(seed: number, bucket: number, startUs: number): DemoLogLine[] {
  const r = mulberry32(seed ^ Math.imul(bucket, 0x2c1b3c6d) ^ 0xb6);
  const trouble = incident(seed, startUs / 1e6);
  const out: DemoLogLine[] = [];
  const services = [
    [SERVICES.homebot, HOMEBOT_BACKGROUND, 0.3 + 0.4 * trouble],
    [SERVICES.dyocense, DYOCENSE_BACKGROUND, 0.25 + 0.3 * trouble],
  ] as const;
  for (const [service, events, chance] of services) {
    if (r() >= chance) continue;
    const [level, logger, event, fields] = pickWeighted(events, r());
    out.push(structlogLine({ timeUs: startUs + Math.floor(between(r(), 0, 19_000_000)), service: service.name, version: service.version, level, logger, event, fields: fields(r) }));
  }
  return out;
}

/** legacy-worker: one job per minute (started, fetched, sometimes slow or failed, finished). */
function legacyWorkerLines(seed: number, bucket: number, startUs: number): DemoLogLine[] {
  if (bucket % 3 !== 0) return [];
  const r = mulberry32(seed ^ Math.imul(bucket, 0x51ed27) ^ 0x1e6);
  const jobId = 4000 + (Math.floor(bucket / 3) % 6000);
  const queue = pick(['reports', 'invoices', 'exports'], r());
  const ts = (offsetMs: number): [number, string] => {
    const us = startUs + Math.round(offsetMs) * 1000;
    return [us, new Date(Math.floor(us / 1000)).toISOString()];
  };
  const lines: Array<[number, string]> = [];
  const add = (offsetMs: number, text: (iso: string) => string): void => {
    const [us, iso] = ts(offsetMs);
    lines.push([us, text(iso)]);
  };
  add(1706, (iso) => `ts=${iso} level=info caller=worker.go:88 msg="job started" job_id=${jobId} queue=${queue} attempt=1`);
  const rows = Math.floor(between(r(), 50, 400));
  add(1888, (iso) => `ts=${iso} level=debug caller=fetch.go:41 msg="fetched batch" job_id=${jobId} rows=${rows} duration=${Math.floor(between(r(), 80, 300))}ms`);
  const u = r();
  if (u < 0.06) {
    add(3706, (iso) => `ts=${iso} level=error caller=worker.go:131 msg="job failed" job_id=${jobId} err="dial tcp 10.0.3.7:5432: connect: connection refused" attempts=3`);
    add(4706, (iso) => `ts=${iso} level=info caller=retry.go:52 msg="scheduling retry" job_id=${jobId} backoff=30s`);
  } else {
    if (u < 0.2) add(2906, (iso) => `ts=${iso} level=warn caller=db.go:203 msg="slow query" job_id=${jobId} query="SELECT * FROM invoices WHERE paid = false" duration=2.4s`);
    add(4306, (iso) => `ts=${iso} level=info caller=worker.go:120 msg="job finished" job_id=${jobId} status=ok duration=${(between(r(), 1.5, 4)).toFixed(1)}s`);
  }
  return lines.map(([tsUs, line]) => ({ tsUs, labels: LOGFMT_LABELS, line }));
}

/** The scanner-cli lines of the fixtures, verbatim: ANSI colours, an <img onerror> and a <script>. */
export const SCANNER_CLI_LINES = [
  '\u001b[32mINFO\u001b[0m  [scanner] starting scan of 12 tokens on \u001b[1mbinance\u001b[0m',
  '\u001b[1;31mERROR\u001b[0m [scanner] \u001b[33mtimeout\u001b[0m fetching SOL/USDT after 30s',
  'WARN  [scanner] unexpected token name from exchange: <img src=x onerror=alert(1)>',
  'INFO  [scanner] webhook note="<script>alert(\'xss\')</script>" from=partner-feed & more',
];

/** scanner-cli: a run every 5 minutes. */
function scannerCliLines(bucket: number, startUs: number): DemoLogLine[] {
  if (bucket % 15 !== 5) return [];
  return SCANNER_CLI_LINES.map((line, i) => ({ tsUs: startUs + (2_000 + i * 3_700) * 1000 + 706_000, labels: PLAIN_LABELS, line }));
}

const cache = new Map<string, DemoLogLine[]>();

/** Every line of one bucket, oldest first (including lines later than "now": callers cut). */
export function bucketLogs(seed: number, bucket: number): DemoLogLine[] {
  const key = `${seed}:${bucket}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const startUs = bucket * BUCKET_MS * 1000;
  const lines = [
    ...bucketTraces(seed, bucket).flatMap((t) => t.logs.map(structlogLine)),
    ...backgroundLines(seed, bucket, startUs),
    ...legacyWorkerLines(seed, bucket, startUs),
    ...scannerCliLines(bucket, startUs),
  ].sort((a, b) => a.tsUs - b.tsUs);
  cache.set(key, lines);
  if (cache.size > 4096) cache.delete(cache.keys().next().value!);
  return lines;
}

/**
 * Lines with a timestamp in (afterUs, untilUs], oldest first: what a live tail sends next.
 * `untilUs` is normally "now".
 */
export function linesAfter(seed: number, afterUs: number, untilUs: number): DemoLogLine[] {
  const out: DemoLogLine[] = [];
  for (let b = Math.floor(afterUs / 1000 / BUCKET_MS); b <= Math.floor(untilUs / 1000 / BUCKET_MS); b++) {
    for (const l of bucketLogs(seed, b)) if (l.tsUs > afterUs && l.tsUs <= untilUs) out.push(l);
  }
  return out;
}
