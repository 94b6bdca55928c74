// Runs parsed LogQL over the demo lines: the log pipeline (filters, parsers with Loki's
// `_extracted` clash rule, label filters) and metric queries (range functions over step-aligned
// windows, vector aggregations, arithmetic).

import { labelsKey } from './labelsKey.ts';
import type { Labels } from '../datasources/types.ts';
import { matchesAll } from './promqlEval.ts';
import { bucketLogs, type DemoLogLine } from './logs.ts';
import type { LabelFilter, LogExpr, Matcher, MetricExpr, Stage } from './logql.ts';
import { BUCKET_MS } from './traces.ts';
import { parseDurationMs } from './timefmt.ts';
import { applyBinaryOp, COMPARISON_OPS } from './binaryOps.ts';
import { re2ToRegExp } from './re2.ts';

export interface ProcessedLine {
  tsUs: number;
  labels: Labels;
  line: string;
  /** The `| unwrap`ped value, when the pipeline has one. */
  value?: number;
}

export function streamMatches(labels: Labels, matchers: Matcher[]): boolean {
  return matchesAll(labels, matchers);
}

function sanitizeKey(key: string): string {
  const k = key.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[0-9]/.test(k) ? `_${k}` : k;
}

function addExtracted(labels: Labels, streamLabels: Labels, key: string, value: string): void {
  const k = sanitizeKey(key);
  labels[k in streamLabels ? `${k}_extracted` : k] = value;
}

function flattenJson(obj: Record<string, unknown>, prefix: string, out: Array<[string, string]>): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}_${k}` : k;
    if (v === null || Array.isArray(v)) continue;
    if (typeof v === 'object') flattenJson(v as Record<string, unknown>, key, out);
    else out.push([key, String(v)]);
  }
}

/** key=value pairs of a logfmt line; values may be double-quoted with backslash escapes. */
export function parseLogfmt(line: string): Array<[string, string]> | undefined {
  const out: Array<[string, string]> = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let key = '';
    while (i < line.length && line[i] !== '=' && line[i] !== ' ') key += line[i++];
    if (key.includes('"')) return undefined;
    if (line[i] !== '=') {
      out.push([key, '']);
      continue;
    }
    i++;
    let value = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i++;
        value += line[i++];
      }
      if (line[i] !== '"') return undefined;
      i++;
    } else {
      while (i < line.length && line[i] !== ' ') value += line[i++];
    }
    if (key) out.push([key, value]);
  }
  return out;
}

function numericLabel(text: string | undefined, kind: 'number' | 'duration'): number | undefined {
  if (text === undefined) return undefined;
  if (kind === 'duration') return parseDurationMs(text);
  const n = Number(text);
  return text.trim() === '' || Number.isNaN(n) ? undefined : n;
}

function labelFilterPasses(f: LabelFilter, labels: Labels): boolean {
  if (f.type !== 'cmp') return f.type === 'and' ? labelFilterPasses(f.left, labels) && labelFilterPasses(f.right, labels) : labelFilterPasses(f.left, labels) || labelFilterPasses(f.right, labels);
  const actual = labels[f.label];
  if (f.value.kind === 'string') {
    const v = actual ?? '';
    switch (f.op) {
      case '=':
      case '==':
        return v === f.value.v;
      case '!=':
        return v !== f.value.v;
      case '=~':
        return re2ToRegExp(f.value.v, true).test(v);
      case '!~':
        return !re2ToRegExp(f.value.v, true).test(v);
      default:
        return false;
    }
  }
  const want = f.value.kind === 'number' ? f.value.v : f.value.ms;
  const got = numericLabel(actual, f.value.kind);
  if (got === undefined) {
    // Loki keeps the line and marks it, rather than dropping it, when a conversion fails.
    labels.__error__ = 'LabelFilterErr';
    return true;
  }
  switch (f.op) {
    case '=':
    case '==':
      return got === want;
    case '!=':
      return got !== want;
    case '>':
      return got > want;
    case '>=':
      return got >= want;
    case '<':
      return got < want;
    case '<=':
      return got <= want;
    default:
      return false;
  }
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Compiles a pipeline to a function from a stream line to the processed line, or undefined when filtered out. */
export function compilePipeline(stages: Stage[]): (line: DemoLogLine) => ProcessedLine | undefined {
  const regexes = new Map<Stage, RegExp[]>();
  for (const s of stages) {
    if (s.type === 'line' && (s.op === '|~' || s.op === '!~')) regexes.set(s, s.values.map((v) => re2ToRegExp(v)));
    if (s.type === 'regexp') regexes.set(s, [re2ToRegExp(s.pattern)]);
  }
  return (input) => {
    let line = input.line;
    let labels: Labels | undefined;
    let value: number | undefined;
    const mutable = (): Labels => (labels ??= { ...input.labels });
    for (const s of stages) {
      switch (s.type) {
        case 'line': {
          const hit = s.op === '|=' || s.op === '!=' ? s.values.some((v) => line.includes(v)) : regexes.get(s)!.some((r) => r.test(line));
          if ((s.op === '|=' || s.op === '|~') !== hit) return undefined;
          break;
        }
        case 'json': {
          let parsed: unknown;
          try {
            parsed = JSON.parse(line);
          } catch {
            parsed = undefined;
          }
          const l = mutable();
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
            l.__error__ = 'JSONParserErr';
            l.__error_details__ = 'Value looks like object, but can\'t find closing \'}\' symbol';
            break;
          }
          const pairs: Array<[string, string]> = [];
          flattenJson(parsed as Record<string, unknown>, '', pairs);
          for (const [k, v] of pairs) addExtracted(l, input.labels, k, v);
          break;
        }
        case 'logfmt': {
          const pairs = parseLogfmt(line);
          const l = mutable();
          if (!pairs) {
            l.__error__ = 'LogfmtParserErr';
            l.__error_details__ = 'logfmt syntax error: unexpected \'"\'';
            break;
          }
          for (const [k, v] of pairs) addExtracted(l, input.labels, k, v);
          break;
        }
        case 'regexp': {
          const m = regexes.get(s)![0]!.exec(line);
          if (m?.groups) for (const [k, v] of Object.entries(m.groups)) if (v !== undefined) addExtracted(mutable(), input.labels, k, v);
          break;
        }
        case 'decolorize':
          line = line.replace(ANSI, '');
          break;
        case 'line_format': {
          const l = labels ?? input.labels;
          line = s.template.replace(/\{\{\s*\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_all, name: string) => l[name] ?? '');
          break;
        }
        case 'drop':
          for (const k of s.labels) delete mutable()[k];
          break;
        case 'keep': {
          const l = mutable();
          for (const k of Object.keys(l)) if (!s.labels.includes(k)) delete l[k];
          break;
        }
        case 'labelFilter':
          if (!labelFilterPasses(s.filter, mutable())) return undefined;
          break;
        case 'unwrap': {
          const l = mutable();
          const raw = l[s.label];
          const v = s.conversion === 'duration' || s.conversion === 'duration_seconds' ? (raw === undefined ? undefined : (parseDurationMs(raw) ?? NaN) / 1000) : raw === undefined ? undefined : Number(raw);
          if (v === undefined || Number.isNaN(v)) {
            l.__error__ = 'SampleExtractionErr';
            value = undefined;
          } else {
            value = v;
            delete l[s.label];
          }
          break;
        }
      }
    }
    return { tsUs: input.tsUs, labels: labels ?? input.labels, line, value };
  };
}

export interface ScanStats {
  linesScanned: number;
  bytesScanned: number;
}

/**
 * Processed lines of `expr` with timestamps in [fromUs, toUs) (and never after `nowUs`), in time
 * order (`backward`: newest first), stopping after `limit` lines.
 */
export function scanLines(seed: number, expr: LogExpr, fromUs: number, toUs: number, nowUs: number, direction: 'forward' | 'backward', limit: number, stats: ScanStats): ProcessedLine[] {
  const pipeline = compilePipeline(expr.stages);
  const out: ProcessedLine[] = [];
  const hi = Math.min(toUs, nowUs + 1);
  if (hi <= fromUs || limit <= 0) return out;
  const firstBucket = Math.floor(fromUs / 1000 / BUCKET_MS);
  const lastBucket = Math.floor((hi - 1) / 1000 / BUCKET_MS);
  const streamOk = new Map<Labels, boolean>();
  const visit = (l: DemoLogLine): boolean => {
    if (l.tsUs < fromUs || l.tsUs >= hi) return false;
    let ok = streamOk.get(l.labels);
    if (ok === undefined) streamOk.set(l.labels, (ok = streamMatches(l.labels, expr.matchers)));
    if (!ok) return false;
    stats.linesScanned++;
    stats.bytesScanned += l.line.length;
    const p = pipeline(l);
    if (p) out.push(p);
    return out.length >= limit;
  };
  if (direction === 'backward') {
    for (let b = lastBucket; b >= firstBucket; b--) {
      const lines = bucketLogs(seed, b);
      for (let i = lines.length - 1; i >= 0; i--) if (visit(lines[i]!)) return out;
    }
  } else {
    for (let b = firstBucket; b <= lastBucket; b++) for (const l of bucketLogs(seed, b)) if (visit(l)) return out;
  }
  return out;
}

export { labelsKey } from './labelsKey.ts';

export interface MetricSeries {
  labels: Labels;
  v: Float64Array;
  has: Uint8Array;
}

/** Evaluates a metric query at each of `times` (epoch ms). */
export function evaluateMetric(seed: number, expr: MetricExpr, times: number[], nowUs: number, stats: ScanStats): MetricSeries[] | number[] {
  const n = times.length;
  switch (expr.type) {
    case 'number':
      return times.map(() => expr.value);
    case 'range':
      return rangeAggregation(seed, expr, times, nowUs, stats);
    case 'aggregate': {
      const input = evaluateMetric(seed, expr.expr, times, nowUs, stats);
      if (!isVector(input)) throw new Error('aggregation over a scalar');
      return aggregate(expr, input, n);
    }
    case 'binary': {
      const lhs = evaluateMetric(seed, expr.lhs, times, nowUs, stats);
      const rhs = evaluateMetric(seed, expr.rhs, times, nowUs, stats);
      return binary(expr.op, expr.returnBool, lhs, rhs, n);
    }
  }
}

function isVector(v: MetricSeries[] | number[]): v is MetricSeries[] {
  return v.length === 0 || typeof v[0] !== 'number';
}

function rangeAggregation(seed: number, expr: Extract<MetricExpr, { type: 'range' }>, times: number[], nowUs: number, stats: ScanStats): MetricSeries[] {
  const n = times.length;
  if (!n) return [];
  const fromUs = (times[0]! - expr.rangeMs - expr.offsetMs) * 1000;
  const toUs = (times[n - 1]! - expr.offsetMs) * 1000 + 1;
  const lines = scanLines(seed, expr.log, fromUs, toUs, nowUs, 'forward', Infinity, stats);
  const groups = new Map<string, { labels: Labels; ts: number[]; vals: number[] }>();
  const unwrapped = expr.log.stages.some((s) => s.type === 'unwrap');
  for (const l of lines) {
    if (unwrapped && l.value === undefined) continue;
    const key = labelsKey(l.labels);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { labels: l.labels, ts: [], vals: [] }));
    g.ts.push(l.tsUs);
    g.vals.push(unwrapped ? l.value! : expr.fn.startsWith('bytes') ? l.line.length : 1);
  }
  const rangeSec = expr.rangeMs / 1000;
  const out: MetricSeries[] = [];
  for (const g of groups.values()) {
    const s: MetricSeries = { labels: g.labels, v: new Float64Array(n), has: new Uint8Array(n) };
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const endUs = (times[i]! - expr.offsetMs) * 1000;
      const startUs = endUs - expr.rangeMs * 1000;
      while (lo < g.ts.length && g.ts[lo]! <= startUs) lo++;
      while (hi < g.ts.length && g.ts[hi]! <= endUs) hi++;
      const count = hi - lo;
      if (count <= 0) continue;
      const window = g.vals.slice(lo, hi);
      const sum = window.reduce((a, b) => a + b, 0);
      let v: number;
      switch (expr.fn) {
        case 'count_over_time':
          v = count;
          break;
        case 'rate':
        case 'bytes_rate':
          v = sum / rangeSec;
          break;
        case 'bytes_over_time':
        case 'sum_over_time':
          v = sum;
          break;
        case 'avg_over_time':
          v = sum / count;
          break;
        case 'max_over_time':
          v = Math.max(...window);
          break;
        case 'min_over_time':
          v = Math.min(...window);
          break;
        case 'first_over_time':
          v = window[0]!;
          break;
        case 'last_over_time':
          v = window[window.length - 1]!;
          break;
        default:
          continue;
      }
      s.v[i] = v;
      s.has[i] = 1;
    }
    out.push(s);
  }
  if (expr.fn === 'absent_over_time') {
    const s: MetricSeries = { labels: {}, v: new Float64Array(n).fill(1), has: new Uint8Array(n).fill(1) };
    return lines.length ? [] : [s];
  }
  return out;
}

function aggregate(expr: Extract<MetricExpr, { type: 'aggregate' }>, input: MetricSeries[], n: number): MetricSeries[] {
  const groups = new Map<string, { labels: Labels; members: MetricSeries[] }>();
  for (const s of input) {
    const labels: Labels = {};
    for (const [k, v] of Object.entries(s.labels)) if (expr.without ? !expr.grouping.includes(k) : expr.grouping.includes(k)) labels[k] = v;
    const key = labelsKey(labels);
    const g = groups.get(key);
    if (g) g.members.push(s);
    else groups.set(key, { labels, members: [s] });
  }
  if (expr.op === 'topk' || expr.op === 'bottomk') {
    const k = expr.param ?? 1;
    const out = input.map((s) => ({ labels: s.labels, v: new Float64Array(n), has: new Uint8Array(n) }));
    for (const g of groups.values()) {
      for (let i = 0; i < n; i++) {
        const ranked = g.members.filter((s) => s.has[i]).sort((a, b) => (expr.op === 'topk' ? b.v[i]! - a.v[i]! : a.v[i]! - b.v[i]!));
        for (const s of ranked.slice(0, k)) {
          const o = out[input.indexOf(s)]!;
          o.v[i] = s.v[i]!;
          o.has[i] = 1;
        }
      }
    }
    return out;
  }
  const out: MetricSeries[] = [];
  for (const g of groups.values()) {
    const s: MetricSeries = { labels: g.labels, v: new Float64Array(n), has: new Uint8Array(n) };
    for (let i = 0; i < n; i++) {
      const vals = g.members.filter((m) => m.has[i]).map((m) => m.v[i]!);
      if (!vals.length) continue;
      const sum = vals.reduce((a, b) => a + b, 0);
      const mean = sum / vals.length;
      const variance = vals.reduce((a, b) => a + (b - mean) ** 2, 0) / vals.length;
      s.v[i] = { sum, avg: mean, min: Math.min(...vals), max: Math.max(...vals), count: vals.length, stddev: Math.sqrt(variance), stdvar: variance }[expr.op] ?? sum;
      s.has[i] = 1;
    }
    out.push(s);
  }
  return out;
}

function binary(op: string, returnBool: boolean, lhs: MetricSeries[] | number[], rhs: MetricSeries[] | number[], n: number): MetricSeries[] | number[] {
  const filter = COMPARISON_OPS.has(op) && !returnBool;
  if (!isVector(lhs) && !isVector(rhs)) return lhs.map((a, i) => applyBinaryOp(op, a, rhs[i]!) ?? NaN);
  const pairs: Array<[MetricSeries, (i: number) => number | undefined, boolean]> = [];
  if (isVector(lhs) && !isVector(rhs)) for (const s of lhs) pairs.push([s, (i) => rhs[i], false]);
  else if (!isVector(lhs) && isVector(rhs)) for (const s of rhs) pairs.push([s, (i) => lhs[i], true]);
  else {
    const byKey = new Map((rhs as MetricSeries[]).map((s) => [labelsKey(s.labels), s]));
    for (const s of lhs as MetricSeries[]) {
      const other = byKey.get(labelsKey(s.labels));
      if (other) pairs.push([s, (i) => (other.has[i] ? other.v[i] : undefined), false]);
    }
  }
  return pairs.map(([s, other, swapped]) => {
    const out: MetricSeries = { labels: s.labels, v: new Float64Array(n), has: new Uint8Array(n) };
    for (let i = 0; i < n; i++) {
      const o = other(i);
      if (!s.has[i] || o === undefined) continue;
      const r = swapped ? applyBinaryOp(op, o, s.v[i]!) : applyBinaryOp(op, s.v[i]!, o);
      if (r === undefined) continue;
      if (filter && r !== 1) continue;
      out.v[i] = filter ? s.v[i]! : r;
      out.has[i] = 1;
    }
    return out;
  });
}
