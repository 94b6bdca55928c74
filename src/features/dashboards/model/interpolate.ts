// Template substitution as Grafana does it for Prometheus and Loki queries:
// `$name`, `${name}`, `[[name]]`, and the built-ins `$__interval`, `$__rate_interval`, `$__range`.
// See https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/

import { formatPromDuration } from '../../../lib/step';

/** The value Grafana puts in the URL for "All". */
export const ALL_VALUE = '$__all';

/** A variable's current value(s), as the query sees it. */
export interface VariableValue {
  values: string[];
  /** Multi-value or "All": substituted as a regex alternation. */
  asRegex: boolean;
  /** What is substituted when it differs from the value shown (an interval variable on "auto"). */
  substitute?: string;
}

export type ScopedVars = Record<string, VariableValue>;

// Regex metacharacters, escaped so a value matches itself inside `=~"..."` (Grafana's
// prometheusSpecialRegexEscape). Backslashes are doubled once more for the PromQL string.
function escapeRegexValue(value: string): string {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]'+?.()|]/g, '\\\\$&');
}

/** One value as text for the query: single values verbatim, several as `(a|b)` with metacharacters escaped. */
export function formatVariable({ values, asRegex, substitute }: VariableValue): string {
  if (substitute !== undefined) return substitute;
  if (!asRegex) return values[0] ?? '';
  const escaped = values.map(escapeRegexValue);
  return escaped.length === 1 ? escaped[0] : `(${escaped.join('|')})`;
}

const VARIABLE = /\$(\w+)|\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]/g;

/** Substitutes every known variable; unknown names are left as written so the backend's error names them. */
export function interpolate(text: string, vars: ScopedVars): string {
  return text.replace(VARIABLE, (match, a?: string, b?: string, c?: string) => {
    const name = a ?? b ?? c ?? '';
    const value = vars[name];
    return value ? formatVariable(value) : match;
  });
}

/** Names a text refers to (`$job`, `${job}`, `[[job]]`), in order of first use. */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(VARIABLE)) names.add(m[1] ?? m[2] ?? m[3]);
  return [...names];
}

export interface BuiltinInput {
  rangeMs: number;
  /** The query step (Grafana's $__interval). */
  intervalMs: number;
  /** The scrape interval the rate window must cover: the panel's min interval, else 15s. */
  scrapeIntervalMs: number;
}

const single = (value: string): VariableValue => ({ values: [value], asRegex: false });

/**
 * `$__interval` (the step), `$__rate_interval` (max(interval + scrape, 4 x scrape), so a rate window
 * always holds at least two samples), `$__range` (the whole range, for `increase(x[$__range])`).
 * See https://grafana.com/blog/2020/09/28/new-in-grafana-7.2-__rate_interval-for-prometheus-rate-queries-that-just-work/
 */
export function builtinVariables({ rangeMs, intervalMs, scrapeIntervalMs }: BuiltinInput): ScopedVars {
  const rateInterval = Math.max(intervalMs + scrapeIntervalMs, 4 * scrapeIntervalMs);
  const rangeS = Math.max(1, Math.round(rangeMs / 1000));
  return {
    __interval: single(formatPromDuration(intervalMs)),
    __interval_ms: single(String(intervalMs)),
    __rate_interval: single(formatPromDuration(rateInterval)),
    __range: single(`${rangeS}s`),
    __range_s: single(String(rangeS)),
    __range_ms: single(String(rangeS * 1000)),
  };
}
