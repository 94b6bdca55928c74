// LogQL built from clicks: a field filter from an expanded line, a selector from the label
// browser, the volume query behind the histogram. Pure, so each rule is unit-tested.

import { analyzeLogQL, quoteLogQL } from './logql';

export type FieldParser = 'json' | 'logfmt';

/**
 * Appends `| json | field="value"` (or `!=` to filter out), adding the parser stage only when the
 * query has none yet, the way Grafana's "filter for value" does.
 */
export function addFieldFilter(query: string, field: string, value: string, include: boolean, parser: FieldParser = 'json'): string {
  const shape = analyzeLogQL(query);
  const needsParser = !shape.parsers.includes(parser);
  const stage = `${field}${include ? '=' : '!='}${quoteLogQL(value)}`;
  return `${query.trim()}${needsParser ? ` | ${parser}` : ''} | ${stage}`;
}

/** A filter on a stream label goes into the selector: cheaper for Loki than a label filter. */
export function addLabelMatcher(query: string, name: string, value: string, include: boolean): string {
  const shape = analyzeLogQL(query);
  const matcher = `${name}${include ? '=' : '!='}${quoteLogQL(value)}`;
  if (!shape.selector) return `{${matcher}}`;
  const inner = shape.selector.slice(1, -1).trim();
  const selector = inner ? `{${inner}, ${matcher}}` : `{${matcher}}`;
  return query.replace(shape.selector, selector);
}

/** RE2 metacharacters, escaped so a clicked value matches only itself inside `=~"a|b"`. */
function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The label browser's selection as a stream selector: one value gives `=`, several give `=~"a|b"`.
 * Labels keep the order they were picked in, as a user reads them back.
 */
export function selectorFromSelection(selection: Array<[string, string[]]>): string {
  const matchers = selection
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => (values.length === 1 ? `${name}=${quoteLogQL(values[0])}` : `${name}=~${quoteLogQL(values.map(escapeRegex).join('|'))}`));
  return `{${matchers.join(', ')}}`;
}

/** Step for the volume histogram: whole seconds, about `buckets` bars over the range. */
export function volumeStepSeconds(rangeMs: number, buckets = 60): number {
  const raw = Math.max(1, Math.ceil(rangeMs / 1000 / buckets));
  const nice = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
  return nice.find((s) => s >= raw) ?? raw;
}

/**
 * Lines per level per step, as Grafana's logs volume: the whole log query (filters included)
 * counted by the stream's `level` label. Streams without one land in the "" group.
 */
export function volumeQuery(logQuery: string, stepSeconds: number): string {
  return `sum by (level) (count_over_time(${logQuery.trim()} [${stepSeconds}s]))`;
}
