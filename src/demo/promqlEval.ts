// Evaluates parsed PromQL over the synthetic catalog, all steps at once: every value is a
// Float64Array over the step times plus a presence mask (absent is not NaN in PromQL).

import type { Labels } from '../datasources/types.ts';
import { RESTART_EVERY_SCRAPES, SCRAPE_MS, type Catalog, type SeriesDef } from './metricCatalog.ts';
import { PromQLUnsupported, parsePromQL, type BinaryOp, type Expr, type Matcher } from './promqlParse.ts';
import { applyBinaryOp, COMPARISON_OPS } from './binaryOps.ts';
import { re2ToRegExp } from './re2.ts';
import { labelsKey } from './labelsKey.ts';

/** Recording rules the demo Prometheus "evaluates" (listed by /api/v1/rules). */
export const RECORDING_RULES: Record<string, string> = { 'job:up:sum': 'sum by (job) (up)' };

export interface EvalSeries {
  labels: Labels;
  v: Float64Array;
  has: Uint8Array;
}
export type EvalValue =
  | { kind: 'scalar'; v: Float64Array }
  | { kind: 'vector'; series: EvalSeries[] }
  | { kind: 'string'; value: string }
  | { kind: 'matrix'; selector: Extract<Expr, { type: 'selector' }> };

export interface EvalContext {
  catalog: Catalog;
  /** Evaluation times, epoch ms. */
  times: number[];
  nowMs: number;
}

const LOOKBACK_MS = 300_000;

export function matchesAll(labels: Labels, matchers: Matcher[]): boolean {
  return matchers.every((m) => {
    const v = labels[m.name] ?? '';
    switch (m.op) {
      case '=':
        return v === m.value;
      case '!=':
        return v !== m.value;
      case '=~':
        return re2ToRegExp(m.value, true).test(v);
      case '!~':
        return !re2ToRegExp(m.value, true).test(v);
    }
  });
}

export function selectSeries(catalog: Catalog, name: string | undefined, matchers: Matcher[]): SeriesDef[] {
  const all = name ? (catalog.byName.get(name) ?? []) : catalog.series;
  return all.filter((s) => matchesAll(s.labels, matchers));
}

const counterBlocks = new WeakMap<SeriesDef, Map<number, Float64Array>>();

/** A counter's raw value at scrape k: increments since the last restart. */
function counterValue(s: SeriesDef, k: number): number {
  const block = Math.floor(k / RESTART_EVERY_SCRAPES);
  let blocks = counterBlocks.get(s);
  if (!blocks) counterBlocks.set(s, (blocks = new Map()));
  let prefix = blocks.get(block);
  if (!prefix) {
    prefix = new Float64Array(RESTART_EVERY_SCRAPES);
    let sum = 0;
    const base = block * RESTART_EVERY_SCRAPES;
    for (let i = 1; i < RESTART_EVERY_SCRAPES; i++) prefix[i] = sum += s.sample(base + i);
    if (blocks.size > 64) blocks.delete(blocks.keys().next().value!);
    blocks.set(block, prefix);
  }
  return prefix[k - block * RESTART_EVERY_SCRAPES]!;
}

/** The increment a counter shows during scrape k (0 at a restart, where the value drops to 0). */
function counterIncrement(s: SeriesDef, k: number): number {
  return k % RESTART_EVERY_SCRAPES === 0 ? 0 : s.sample(k);
}

function rawValue(s: SeriesDef, k: number): number {
  return s.type === 'counter' ? counterValue(s, k) : s.sample(k);
}

function dropName(labels: Labels): Labels {
  const { __name__: _name, ...rest } = labels;
  return rest;
}

function newSeries(labels: Labels, n: number): EvalSeries {
  return { labels, v: new Float64Array(n), has: new Uint8Array(n) };
}

function instantSelector(ctx: EvalContext, sel: Extract<Expr, { type: 'selector' }>): EvalValue {
  const n = ctx.times.length;
  const lastK = Math.floor(ctx.nowMs / SCRAPE_MS);
  return {
    kind: 'vector',
    series: selectSeries(ctx.catalog, sel.name, sel.matchers).map((s) => {
      const out = newSeries(s.labels, n);
      for (let i = 0; i < n; i++) {
        const t = ctx.times[i]! - sel.offsetMs;
        const k = Math.min(Math.floor(t / SCRAPE_MS), lastK);
        if (t - k * SCRAPE_MS > LOOKBACK_MS) continue;
        out.v[i] = rawValue(s, k);
        out.has[i] = 1;
      }
      return out;
    }),
  };
}

type RangeFn = 'rate' | 'increase' | 'irate' | 'delta' | 'idelta' | 'sum_over_time' | 'avg_over_time' | 'min_over_time' | 'max_over_time' | 'count_over_time' | 'last_over_time' | 'present_over_time' | 'changes' | 'resets';
const RANGE_FNS = new Set<string>(['rate', 'increase', 'irate', 'delta', 'idelta', 'sum_over_time', 'avg_over_time', 'min_over_time', 'max_over_time', 'count_over_time', 'last_over_time', 'present_over_time', 'changes', 'resets']);

/** Evaluates a function over a range vector: per step, the samples in (t - range, t]. */
function rangeFunction(ctx: EvalContext, fn: RangeFn, sel: Extract<Expr, { type: 'selector' }>): EvalValue {
  const n = ctx.times.length;
  const rangeMs = sel.rangeMs!;
  const lastK = Math.floor(ctx.nowMs / SCRAPE_MS);
  const windows = ctx.times.map((t) => {
    const te = t - sel.offsetMs;
    return [Math.floor((te - rangeMs) / SCRAPE_MS) + 1, Math.min(Math.floor(te / SCRAPE_MS), lastK)] as const;
  });
  const kMin = windows.length ? windows[0]![0] : 0;
  const kMax = windows.length ? windows[windows.length - 1]![1] : -1;
  const perWindow = rangeMs / SCRAPE_MS;
  // Contiguous sample arrays (and prefix sums) when the windows overlap; per-window loops otherwise.
  const contiguous = kMax - kMin + 1 <= n * perWindow + 2;
  const out: EvalSeries[] = [];
  for (const s of selectSeries(ctx.catalog, sel.name, sel.matchers)) {
    const series = newSeries(dropName(s.labels), n);
    let value: (k: number) => number = (k) => rawValue(s, k);
    let inc: (k: number) => number = (k) => (s.type === 'counter' ? counterIncrement(s, k) : Math.max(0, s.sample(k) - s.sample(k - 1)));
    let incPrefix: Float64Array | undefined;
    if (contiguous && kMax >= kMin) {
      const vals = new Float64Array(kMax - kMin + 1);
      const incs = new Float64Array(kMax - kMin + 1);
      incPrefix = new Float64Array(kMax - kMin + 2);
      for (let k = kMin; k <= kMax; k++) {
        const i = k - kMin;
        if (s.type === 'counter') {
          incs[i] = counterIncrement(s, k);
          vals[i] = fn.endsWith('_over_time') || fn === 'delta' || fn === 'idelta' || fn === 'changes' || fn === 'resets' ? counterValue(s, k) : 0;
        } else {
          vals[i] = s.sample(k);
          incs[i] = i > 0 ? Math.max(0, vals[i]! - vals[i - 1]!) : 0;
        }
        incPrefix[i + 1] = incPrefix[i]! + incs[i]!;
      }
      value = (k) => vals[k - kMin]!;
      inc = (k) => incs[k - kMin]!;
    }
    for (let i = 0; i < n; i++) {
      const [k0, k1] = windows[i]!;
      const count = k1 - k0 + 1;
      if (count < 1) continue;
      let v: number;
      switch (fn) {
        case 'rate':
        case 'increase': {
          if (count < 2) continue;
          const sum = incPrefix ? incPrefix[k1 - kMin + 1]! - incPrefix[k0 - kMin + 1]! : sumRange(inc, k0 + 1, k1);
          const perSec = sum / (((k1 - k0) * SCRAPE_MS) / 1000);
          v = fn === 'rate' ? perSec : (perSec * rangeMs) / 1000;
          break;
        }
        case 'irate':
          if (count < 2) continue;
          v = inc(k1) / (SCRAPE_MS / 1000);
          break;
        case 'delta':
          if (count < 2) continue;
          v = ((value(k1) - value(k0)) * rangeMs) / ((k1 - k0) * SCRAPE_MS);
          break;
        case 'idelta':
          if (count < 2) continue;
          v = value(k1) - value(k1 - 1);
          break;
        case 'count_over_time':
          v = count;
          break;
        case 'present_over_time':
          v = 1;
          break;
        case 'last_over_time':
          v = value(k1);
          break;
        case 'changes':
        case 'resets': {
          let c = 0;
          for (let k = k0 + 1; k <= k1; k++) c += fn === 'changes' ? (value(k) !== value(k - 1) ? 1 : 0) : value(k) < value(k - 1) ? 1 : 0;
          v = c;
          break;
        }
        default: {
          let sum = 0;
          let min = Infinity;
          let max = -Infinity;
          for (let k = k0; k <= k1; k++) {
            const x = value(k);
            sum += x;
            if (x < min) min = x;
            if (x > max) max = x;
          }
          v = fn === 'sum_over_time' ? sum : fn === 'avg_over_time' ? sum / count : fn === 'min_over_time' ? min : max;
        }
      }
      series.v[i] = v;
      series.has[i] = 1;
    }
    if (fn === 'last_over_time') series.labels = s.labels;
    out.push(series);
  }
  return { kind: 'vector', series: out };
}

function sumRange(f: (k: number) => number, from: number, to: number): number {
  let s = 0;
  for (let k = from; k <= to; k++) s += f(k);
  return s;
}

function signature(labels: Labels, names: string[], include: boolean): string {
  const keys = Object.keys(labels)
    .filter((k) => k !== '__name__' && names.includes(k) === include)
    .sort();
  return keys.map((k) => `${k}=${labels[k]}`).join('\u0000');
}

function scalarOf(v: EvalValue, what: string): Float64Array {
  if (v.kind !== 'scalar') throw new PromQLUnsupported(`${what} expects a scalar`);
  return v.v;
}

function vectorOf(v: EvalValue, what: string): EvalSeries[] {
  if (v.kind !== 'vector') throw new PromQLUnsupported(`${what} expects an instant vector`);
  return v.series;
}

function arith(op: BinaryOp, a: number, b: number): number {
  const result = applyBinaryOp(op, a, b);
  if (result === undefined) throw new PromQLUnsupported(op);
  return result;
}


function binary(ctx: EvalContext, e: Extract<Expr, { type: 'binary' }>): EvalValue {
  const n = ctx.times.length;
  const lhs = evaluate(ctx, e.lhs);
  const rhs = evaluate(ctx, e.rhs);
  const isCmp = COMPARISON_OPS.has(e.op);
  if (lhs.kind === 'scalar' && rhs.kind === 'scalar') {
    if (isCmp && !e.returnBool) throw new PromQLUnsupported('comparisons between scalars must use BOOL modifier');
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = arith(e.op, lhs.v[i]!, rhs.v[i]!);
    return { kind: 'scalar', v };
  }
  if (e.op === 'and' || e.op === 'or' || e.op === 'unless') return setOp(e, vectorOf(lhs, e.op), vectorOf(rhs, e.op), n);
  if (lhs.kind === 'scalar' || rhs.kind === 'scalar') {
    const vecOnLeft = lhs.kind === 'vector';
    const vec = vectorOf(vecOnLeft ? lhs : rhs, e.op);
    const sc = scalarOf(vecOnLeft ? rhs : lhs, e.op);
    return {
      kind: 'vector',
      series: vec.map((s) => {
        const out = newSeries(isCmp && !e.returnBool ? s.labels : dropName(s.labels), n);
        for (let i = 0; i < n; i++) {
          if (!s.has[i]) continue;
          const a = vecOnLeft ? s.v[i]! : sc[i]!;
          const b = vecOnLeft ? sc[i]! : s.v[i]!;
          const r = arith(e.op, a, b);
          if (isCmp && !e.returnBool) {
            if (r === 1) {
              out.v[i] = s.v[i]!;
              out.has[i] = 1;
            }
          } else {
            out.v[i] = r;
            out.has[i] = 1;
          }
        }
        return out;
      }),
    };
  }
  return vectorBinary(e, vectorOf(lhs, e.op), vectorOf(rhs, e.op), n);
}

function matchSig(e: Extract<Expr, { type: 'binary' }>, labels: Labels): string {
  return e.matching?.on ? signature(labels, e.matching.labels, true) : signature(labels, e.matching?.labels ?? [], false);
}

function vectorBinary(e: Extract<Expr, { type: 'binary' }>, lhs: EvalSeries[], rhs: EvalSeries[], n: number): EvalValue {
  const isCmp = COMPARISON_OPS.has(e.op);
  const group = e.matching?.group;
  const [many, one] = group === 'right' ? [rhs, lhs] : [lhs, rhs];
  const oneBySig = new Map<string, EvalSeries[]>();
  for (const s of one) {
    const sig = matchSig(e, s.labels);
    oneBySig.set(sig, [...(oneBySig.get(sig) ?? []), s]);
  }
  const out: EvalSeries[] = [];
  for (const m of many) {
    const partners = oneBySig.get(matchSig(e, m.labels));
    if (!partners) continue;
    let labels: Labels = isCmp && !e.returnBool ? { ...m.labels } : dropName(m.labels);
    if (!group) {
      if (e.matching?.on) labels = Object.fromEntries(Object.entries(labels).filter(([k]) => e.matching!.labels.includes(k) || (isCmp && !e.returnBool && k === '__name__')));
      else for (const k of e.matching?.labels ?? []) delete labels[k];
    } else {
      for (const k of e.matching?.include ?? []) {
        const from = partners[0]!.labels[k];
        if (from !== undefined) labels[k] = from;
      }
    }
    const res = newSeries(labels, n);
    for (let i = 0; i < n; i++) {
      if (!m.has[i]) continue;
      const p = partners.find((s) => s.has[i]);
      if (!p) continue;
      const a = group === 'right' ? p.v[i]! : m.v[i]!;
      const b = group === 'right' ? m.v[i]! : p.v[i]!;
      const r = arith(e.op, a, b);
      if (isCmp && !e.returnBool) {
        if (r !== 1) continue;
        res.v[i] = m.v[i]!;
      } else res.v[i] = r;
      res.has[i] = 1;
    }
    out.push(res);
  }
  return { kind: 'vector', series: out };
}

function setOp(e: Extract<Expr, { type: 'binary' }>, lhs: EvalSeries[], rhs: EvalSeries[], n: number): EvalValue {
  const present = (side: EvalSeries[], sig: string, i: number): boolean => side.some((s) => s.has[i] && matchSig(e, s.labels) === sig);
  const out: EvalSeries[] = [];
  for (const s of lhs) {
    const sig = matchSig(e, s.labels);
    const res = newSeries(s.labels, n);
    for (let i = 0; i < n; i++) {
      if (!s.has[i]) continue;
      const other = present(rhs, sig, i);
      if ((e.op === 'and' && other) || e.op === 'or' || (e.op === 'unless' && !other)) {
        res.v[i] = s.v[i]!;
        res.has[i] = 1;
      }
    }
    out.push(res);
  }
  if (e.op === 'or') {
    // A right-hand series with the same labels as a left-hand one fills its gaps: in a range
    // query they are one series (`sum(x) or vector(0)`: 0 where the sum has no samples).
    const byLabels = new Map(out.map((s) => [labelsKey(s.labels), s]));
    for (const s of rhs) {
      const sig = matchSig(e, s.labels);
      const res = byLabels.get(labelsKey(s.labels)) ?? newSeries(s.labels, n);
      for (let i = 0; i < n; i++) {
        if (s.has[i] && !present(lhs, sig, i)) {
          res.v[i] = s.v[i]!;
          res.has[i] = 1;
        }
      }
      if (!byLabels.has(labelsKey(s.labels))) {
        byLabels.set(labelsKey(s.labels), res);
        out.push(res);
      }
    }
  }
  return { kind: 'vector', series: out };
}

function aggregate(ctx: EvalContext, e: Extract<Expr, { type: 'aggregate' }>): EvalValue {
  const n = ctx.times.length;
  const input = vectorOf(evaluate(ctx, e.expr), e.op);
  const groupLabels = (labels: Labels): Labels => {
    const out: Labels = {};
    for (const [k, v] of Object.entries(labels)) {
      if (k === '__name__') continue;
      if (e.without ? !e.grouping.includes(k) : e.grouping.includes(k)) out[k] = v;
    }
    return out;
  };
  const groups = new Map<string, { labels: Labels; members: EvalSeries[] }>();
  for (const s of input) {
    const labels = groupLabels(s.labels);
    const key = signature(labels, [], false);
    const g = groups.get(key);
    if (g) g.members.push(s);
    else groups.set(key, { labels, members: [s] });
  }
  if (e.op === 'topk' || e.op === 'bottomk') {
    const k = scalarOf(evaluate(ctx, e.param!), e.op);
    const out = input.map((s) => newSeries(s.labels, n));
    const index = new Map(input.map((s, i) => [s, i]));
    for (const g of groups.values()) {
      for (let i = 0; i < n; i++) {
        const ranked = g.members.filter((s) => s.has[i]).sort((a, b) => (e.op === 'topk' ? b.v[i]! - a.v[i]! : a.v[i]! - b.v[i]!));
        for (const s of ranked.slice(0, Math.max(0, Math.floor(k[i]!)))) {
          const o = out[index.get(s)!]!;
          o.v[i] = s.v[i]!;
          o.has[i] = 1;
        }
      }
    }
    return { kind: 'vector', series: out };
  }
  if (e.op === 'count_values') throw new PromQLUnsupported('count_values');
  const phi = e.op === 'quantile' ? scalarOf(evaluate(ctx, e.param!), e.op) : undefined;
  const out: EvalSeries[] = [];
  for (const g of groups.values()) {
    const res = newSeries(g.labels, n);
    for (let i = 0; i < n; i++) {
      const values: number[] = [];
      for (const s of g.members) if (s.has[i]) values.push(s.v[i]!);
      if (!values.length) continue;
      res.v[i] = reduce(e.op, values, phi?.[i]);
      res.has[i] = 1;
    }
    out.push(res);
  }
  return { kind: 'vector', series: out };
}

function reduce(op: string, values: number[], phi?: number): number {
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / values.length;
  switch (op) {
    case 'sum':
      return sum;
    case 'avg':
      return mean;
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'count':
      return values.length;
    case 'group':
      return 1;
    case 'stddev':
    case 'stdvar': {
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      return op === 'stddev' ? Math.sqrt(variance) : variance;
    }
    case 'quantile':
      return quantile(phi!, values);
  }
  throw new PromQLUnsupported(op);
}

function quantile(q: number, values: number[]): number {
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** Prometheus's bucketQuantile: linear interpolation inside the bucket holding the rank. */
export function bucketQuantile(q: number, buckets: Array<{ le: number; count: number }>): number {
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const b = [...buckets].sort((x, y) => x.le - y.le);
  if (b.length < 2 || b[b.length - 1]!.le !== Infinity) return NaN;
  for (let i = 1; i < b.length; i++) if (b[i]!.count < b[i - 1]!.count) b[i]!.count = b[i - 1]!.count;
  const total = b[b.length - 1]!.count;
  if (total === 0) return NaN;
  let rank = q * total;
  const idx = b.findIndex((x) => x.count >= rank);
  if (idx === b.length - 1) return b[b.length - 2]!.le;
  if (idx === 0 && b[0]!.le <= 0) return b[0]!.le;
  let start = 0;
  let count = b[idx]!.count;
  if (idx > 0) {
    start = b[idx - 1]!.le;
    count -= b[idx - 1]!.count;
    rank -= b[idx - 1]!.count;
  }
  return start + (b[idx]!.le - start) * (rank / count);
}

function histogramQuantile(ctx: EvalContext, phiExpr: Expr, vecExpr: Expr): EvalValue {
  const n = ctx.times.length;
  const phi = scalarOf(evaluate(ctx, phiExpr), 'histogram_quantile');
  const input = vectorOf(evaluate(ctx, vecExpr), 'histogram_quantile');
  const groups = new Map<string, { labels: Labels; buckets: Array<{ le: number; s: EvalSeries }> }>();
  for (const s of input) {
    const leText = s.labels.le;
    if (leText === undefined) continue;
    const labels = dropName(s.labels);
    delete labels.le;
    const key = signature(labels, [], false);
    const le = leText === '+Inf' ? Infinity : parseFloat(leText);
    const g = groups.get(key);
    if (g) g.buckets.push({ le, s });
    else groups.set(key, { labels, buckets: [{ le, s }] });
  }
  const out: EvalSeries[] = [];
  for (const g of groups.values()) {
    const res = newSeries(g.labels, n);
    for (let i = 0; i < n; i++) {
      const buckets = g.buckets.filter((b) => b.s.has[i]).map((b) => ({ le: b.le, count: b.s.v[i]! }));
      if (!buckets.length) continue;
      res.v[i] = bucketQuantile(phi[i]!, buckets);
      res.has[i] = 1;
    }
    out.push(res);
  }
  return { kind: 'vector', series: out };
}

const MATH: Record<string, (x: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: Math.sign,
};

function call(ctx: EvalContext, e: Extract<Expr, { type: 'call' }>): EvalValue {
  const n = ctx.times.length;
  const mapVector = (arg: Expr, f: (x: number, i: number) => number): EvalValue => ({
    kind: 'vector',
    series: vectorOf(evaluate(ctx, arg), e.func).map((s) => {
      const out = newSeries(dropName(s.labels), n);
      for (let i = 0; i < n; i++) {
        if (!s.has[i]) continue;
        out.v[i] = f(s.v[i]!, i);
        out.has[i] = 1;
      }
      return out;
    }),
  });
  if (RANGE_FNS.has(e.func)) {
    const arg = e.args[0];
    if (!arg || arg.type !== 'selector' || arg.rangeMs === undefined) throw new PromQLUnsupported(`${e.func} needs a range vector`);
    return rangeFunction(ctx, e.func as RangeFn, arg);
  }
  if (MATH[e.func]) return mapVector(e.args[0]!, MATH[e.func]!);
  switch (e.func) {
    case 'round': {
      const to = e.args[1] ? scalarOf(evaluate(ctx, e.args[1]), 'round') : undefined;
      return mapVector(e.args[0]!, (x, i) => {
        const unit = to ? to[i]! : 1;
        return Math.floor(x / unit + 0.5) * unit;
      });
    }
    case 'clamp_min':
    case 'clamp_max':
    case 'clamp': {
      const a = scalarOf(evaluate(ctx, e.args[1]!), e.func);
      const b = e.args[2] ? scalarOf(evaluate(ctx, e.args[2]), e.func) : undefined;
      return mapVector(e.args[0]!, (x, i) => (e.func === 'clamp_min' ? Math.max(x, a[i]!) : e.func === 'clamp_max' ? Math.min(x, a[i]!) : Math.min(Math.max(x, a[i]!), b![i]!)));
    }
    case 'histogram_quantile':
      return histogramQuantile(ctx, e.args[0]!, e.args[1]!);
    case 'scalar': {
      const vec = vectorOf(evaluate(ctx, e.args[0]!), 'scalar');
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const present = vec.filter((s) => s.has[i]);
        v[i] = present.length === 1 ? present[0]!.v[i]! : NaN;
      }
      return { kind: 'scalar', v };
    }
    case 'vector': {
      const sc = scalarOf(evaluate(ctx, e.args[0]!), 'vector');
      const out = newSeries({}, n);
      out.v.set(sc);
      out.has.fill(1);
      return { kind: 'vector', series: [out] };
    }
    case 'time':
      return { kind: 'scalar', v: Float64Array.from(ctx.times, (t) => t / 1000) };
    case 'sort':
    case 'sort_desc':
      return evaluate(ctx, e.args[0]!);
    case 'absent': {
      const vec = vectorOf(evaluate(ctx, e.args[0]!), 'absent');
      const arg = e.args[0]!;
      const labels: Labels = {};
      if (arg.type === 'selector') for (const m of arg.matchers) if (m.op === '=' && m.name !== '__name__') labels[m.name] = m.value;
      const out = newSeries(labels, n);
      for (let i = 0; i < n; i++) {
        if (vec.some((s) => s.has[i])) continue;
        out.v[i] = 1;
        out.has[i] = 1;
      }
      return { kind: 'vector', series: [out] };
    }
    case 'label_replace': {
      const [arg, dst, repl, src, regex] = e.args;
      const str = (x: Expr | undefined): string => {
        if (x?.type !== 'string') throw new PromQLUnsupported('label_replace expects strings');
        return x.value;
      };
      const re = re2ToRegExp(str(regex), true);
      const vec = vectorOf(evaluate(ctx, arg!), 'label_replace');
      return {
        kind: 'vector',
        series: vec.map((s) => {
          const m = re.exec(s.labels[str(src)] ?? '');
          if (!m) return s;
          const value = str(repl).replace(/\$(\d+)|\$\{(\d+)\}/g, (_all, a: string | undefined, b: string | undefined) => m[Number(a ?? b)] ?? '');
          const labels = { ...s.labels };
          if (value === '') delete labels[str(dst)];
          else labels[str(dst)] = value;
          return { ...s, labels };
        }),
      };
    }
  }
  throw new PromQLUnsupported(`function ${e.func}`);
}

export function evaluate(ctx: EvalContext, e: Expr): EvalValue {
  switch (e.type) {
    case 'number':
      return { kind: 'scalar', v: new Float64Array(ctx.times.length).fill(e.value) };
    case 'string':
      return { kind: 'string', value: e.value };
    case 'selector':
      if (e.rangeMs !== undefined) return { kind: 'matrix', selector: e };
      if (e.name && RECORDING_RULES[e.name]) return recordedSeries(ctx, e, e.name);
      return instantSelector(ctx, e);
    case 'unary': {
      const v = evaluate(ctx, e.expr);
      if (v.kind === 'scalar') return { kind: 'scalar', v: v.v.map((x) => -x) };
      return {
        kind: 'vector',
        series: vectorOf(v, 'unary minus').map((s) => ({ labels: dropName(s.labels), v: s.v.map((x) => -x), has: s.has })),
      };
    }
    case 'binary':
      return binary(ctx, e);
    case 'aggregate':
      return aggregate(ctx, e);
    case 'call':
      return call(ctx, e);
  }
}

function recordedSeries(ctx: EvalContext, sel: Extract<Expr, { type: 'selector' }>, name: string): EvalValue {
  if (sel.offsetMs) throw new PromQLUnsupported('offset on a recording rule');
  const series = vectorOf(evaluate(ctx, parsePromQL(RECORDING_RULES[name]!)), name)
    .map((s) => ({ ...s, labels: { __name__: name, ...s.labels } }))
    .filter((s) => matchesAll(s.labels, sel.matchers));
  return { kind: 'vector', series };
}

/** Raw samples of a range selector at one instant (an instant query for `metric[5m]`). */
export function rawSamples(ctx: EvalContext, sel: Extract<Expr, { type: 'selector' }>, atMs: number): Array<{ labels: Labels; samples: Array<[number, number]> }> {
  const te = atMs - sel.offsetMs;
  const k0 = Math.floor((te - sel.rangeMs!) / SCRAPE_MS) + 1;
  const k1 = Math.min(Math.floor(te / SCRAPE_MS), Math.floor(ctx.nowMs / SCRAPE_MS));
  return selectSeries(ctx.catalog, sel.name, sel.matchers).map((s) => {
    const samples: Array<[number, number]> = [];
    for (let k = k0; k <= k1; k++) samples.push([k * SCRAPE_MS, rawValue(s, k)]);
    return { labels: s.labels, samples };
  });
}
