// Dashboard variables: what a query variable asks the backend, and which values are current
// given the URL (`var-NAME`, repeated for several values, `$__all` for all).

import type { Variable } from './schema';
import { parseDuration } from '../../../lib/timeRange';
import { formatPromDuration, roundInterval } from '../../../lib/step';
import { ALL_VALUE, type ScopedVars, type VariableValue } from './interpolate';

export type VariableQuery =
  | { kind: 'label_values'; metric?: string; label: string }
  | { kind: 'query_result'; expr: string }
  | { kind: 'metrics'; regex: string };

export class VariableQueryError extends Error {}

/** Parses Grafana's Prometheus variable functions: `label_values(metric, label)`, `label_values(label)`, `query_result(expr)`, `metrics(regex)`. */
export function parseVariableQuery(query: string): VariableQuery {
  const text = query.trim();
  const fn = /^(\w+)\s*\(([\s\S]*)\)$/.exec(text);
  if (!fn) throw new VariableQueryError(`"${text}" is not label_values(...), query_result(...) or metrics(...)`);
  const [, name, args] = fn;
  if (name === 'query_result') return { kind: 'query_result', expr: args.trim() };
  if (name === 'metrics') return { kind: 'metrics', regex: args.trim() };
  if (name === 'label_values') {
    // The label is the last argument; everything before the last top-level comma is the selector.
    const comma = lastTopLevelComma(args);
    if (comma < 0) return { kind: 'label_values', label: args.trim() };
    return { kind: 'label_values', metric: args.slice(0, comma).trim(), label: args.slice(comma + 1).trim() };
  }
  throw new VariableQueryError(`unknown variable function "${name}" (expected label_values, query_result or metrics)`);
}

function lastTopLevelComma(text: string): number {
  let depth = 0;
  let quote: string | null = null;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) last = i;
  }
  return last;
}

/** Keeps values the regex matches; its first capture group, when it has one, becomes the value. */
export function applyVariableRegex(values: string[], regex?: string): string[] {
  if (!regex) return values;
  const slashed = /^\/(.*)\/([gimsuy]*)$/.exec(regex);
  const re = slashed ? new RegExp(slashed[1], slashed[2].replace('g', '')) : new RegExp(regex);
  const out: string[] = [];
  for (const value of values) {
    const m = re.exec(value);
    if (m) out.push(m[1] ?? value);
  }
  return [...new Set(out)];
}

/** `query_result` rows as Grafana shows them: `metric{a="b"} 1 1700000000000`. */
export function queryResultText(labels: Record<string, string>, value: number, timestampMs: number): string {
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.entries(rest).map(([k, v]) => `${k}="${v}"`);
  return `${name}{${pairs.join(', ')}} ${value} ${timestampMs}`;
}

/** The option of an interval variable that follows the time range. */
export const AUTO_INTERVAL = 'auto';

/** The options a variable offers, before "All". */
export function staticOptions(variable: Variable): string[] | null {
  if (variable.kind === 'query') return null;
  return variable.kind === 'interval' && variable.auto ? [AUTO_INTERVAL, ...variable.values] : variable.values;
}

/**
 * Interval variables on "auto" get their value from the range, as Grafana's: the range split into
 * `autoCount` steps, rounded to a readable interval, at least `autoMin`.
 */
export function withAutoIntervals(variables: Variable[], values: ScopedVars, rangeMs: number): ScopedVars {
  let out = values;
  for (const variable of variables) {
    const value = values[variable.name];
    if (variable.kind !== 'interval' || !variable.auto || value?.values[0] !== AUTO_INTERVAL) continue;
    const minMs = parseDuration(variable.autoMin) ?? 0;
    const ms = Math.max(minMs, roundInterval(rangeMs / variable.autoCount));
    out = { ...out, [variable.name]: { ...value, substitute: formatPromDuration(ms) } };
  }
  return out;
}

/**
 * The current value of a variable: what the URL says if it is still an option (or anything for a
 * custom value), else the file's default, else the first option, as Grafana does.
 */
export function currentValue(variable: Variable, options: string[], fromUrl: string | string[] | undefined): VariableValue {
  const multi = variable.kind !== 'interval' && variable.multi;
  const includeAll = variable.kind !== 'interval' && variable.includeAll;
  const requested = fromUrl === undefined ? undefined : Array.isArray(fromUrl) ? fromUrl : [fromUrl];
  const chosen = requested ?? (variable.default === undefined ? undefined : Array.isArray(variable.default) ? variable.default : [variable.default]);
  if (chosen?.includes(ALL_VALUE) && includeAll) return { values: options, asRegex: true };
  if (chosen && chosen.length > 0) {
    // A value the backend no longer lists is kept: the link said it, and "No data" explains it.
    const picked = multi ? chosen : chosen.slice(0, 1);
    return { values: picked, asRegex: multi || includeAll };
  }
  if (includeAll && multi) return { values: options, asRegex: true };
  return { values: options.slice(0, 1), asRegex: multi || includeAll };
}

/** Variable values for `interpolate`, keyed by name. */
export function scopedVars(values: Record<string, VariableValue>): ScopedVars {
  return { ...values };
}

/** The `var-NAME` search params of a URL search object. */
export function variablesFromSearch(search: Record<string, unknown>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(search)) {
    if (!key.startsWith('var-')) continue;
    if (typeof value === 'string') out[key.slice(4)] = value;
    else if (Array.isArray(value)) out[key.slice(4)] = value.map(String);
    else if (typeof value === 'number') out[key.slice(4)] = String(value);
  }
  return out;
}
