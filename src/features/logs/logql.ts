// What the logs view needs to know about a LogQL query, read from Grafana's own LogQL grammar
// (@grafana/lezer-logql) rather than from regexes, so quoting and nesting are handled as Loki does.

import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';

export interface LineFilter {
  op: '|=' | '!=' | '|~' | '!~';
  value: string;
}

export interface LogQLShape {
  /** A metric query (`rate(...)`, `sum by ...`): its result is a chart, not lines. */
  isMetric: boolean;
  /** The stream selector of the (first) log expression, as typed: `{service_name="homebot"}`. */
  selector?: string;
  lineFilters: LineFilter[];
  /** Parser stages present (`json`, `logfmt`, ...), so a field filter does not add a second one. */
  parsers: string[];
  /** The grammar found an error (Loki's own message is still what the user sees). */
  hasSyntaxError: boolean;
}

/** The value of a LogQL string literal: "double quoted" with Go escapes, or `raw`. */
export function unquoteLogQL(raw: string): string {
  if (raw.startsWith('`')) return raw.slice(1, -1);
  try {
    // Go allows escapes JSON does not (`\a`, `\x41`...): keep those backslashes literal.
    return JSON.parse(raw.replace(/\\(.)/gs, (m, c: string) => ('"\\/bfnrtu'.includes(c) ? m : `\\\\${c}`))) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** A LogQL "double quoted" string: only backslash and quote need escaping. */
export function quoteLogQL(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function analyzeLogQL(query: string): LogQLShape {
  const tree = parser.parse(query);
  const shape: LogQLShape = { isMetric: false, lineFilters: [], parsers: [], hasSyntaxError: false };
  tree.iterate({
    enter: (node) => {
      switch (node.name) {
        case 'MetricExpr':
          shape.isMetric = true;
          break;
        case 'Selector':
          shape.selector ??= query.slice(node.from, node.to);
          return false;
        case 'LineFilter':
          pushLineFilter(shape.lineFilters, node.node, query);
          return false;
        case 'LabelParser':
        case 'JsonExpressionParser':
        case 'LogfmtParser':
        case 'LogfmtExpressionParser':
          shape.parsers.push(query.slice(node.from, node.to).trim().split(/\s/)[0]);
          return false;
      }
      return undefined;
    },
  });
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) shape.hasSyntaxError = true;
    },
  });
  return shape;
}

function pushLineFilter(out: LineFilter[], node: SyntaxNode, query: string): void {
  const op = node.getChild('Filter');
  const str = node.getChild('String');
  if (!op || !str) return;
  const text = query.slice(op.from, op.to) as LineFilter['op'];
  out.push({ op: text, value: unquoteLogQL(query.slice(str.from, str.to)) });
}

/** Terms to highlight in lines: the positive line filters (`|= "x"` literally, `|~ "re"` as regex). */
export function searchTerms(query: string): Array<string | RegExp> {
  const terms: Array<string | RegExp> = [];
  for (const f of analyzeLogQL(query).lineFilters) {
    if (!f.value) continue;
    if (f.op === '|=') terms.push(f.value);
    if (f.op === '|~') {
      try {
        terms.push(new RegExp(f.value, 'g'));
      } catch {
        // Go's RE2 syntax that JavaScript cannot read: no highlight rather than a wrong one.
      }
    }
  }
  return terms;
}
