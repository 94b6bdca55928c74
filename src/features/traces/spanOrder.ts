import type { Span } from '../../datasources/types';

export interface SpanRow {
  span: Span;
  depth: number;
  /** Its parent id names a span that is not in the trace. */
  orphan: boolean;
}

/**
 * Spans in tree order (parents before children, siblings by start time), with their depth.
 * Spans whose parent is missing start their own subtree at depth 0, so nothing is lost.
 */
export function orderSpansDepthFirst(spans: Span[]): SpanRow[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = new Map<string, Span[]>();
  const roots: Span[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId && span.parentSpanId !== span.spanId ? byId.get(span.parentSpanId) : undefined;
    if (parent) {
      const list = children.get(parent.spanId);
      if (list) list.push(span);
      else children.set(parent.spanId, [span]);
    } else {
      roots.push(span);
    }
  }
  const byStart = (a: Span, b: Span) => a.startUs - b.startUs;
  roots.sort(byStart);
  for (const list of children.values()) list.sort(byStart);

  const rows: SpanRow[] = [];
  const visited = new Set<string>();
  // Iterative, so a 100,000-span chain cannot overflow the stack.
  const stack: { span: Span; depth: number }[] = roots.map((span) => ({ span, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { span, depth } = stack.pop()!;
    if (visited.has(span.spanId)) continue;
    visited.add(span.spanId);
    rows.push({ span, depth, orphan: depth === 0 && Boolean(span.parentSpanId) });
    const kids = children.get(span.spanId);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: depth + 1 });
  }
  // Spans caught in a parent cycle were never reached from a root: list them rather than drop them.
  for (const span of spans) if (!visited.has(span.spanId)) rows.push({ span, depth: 0, orphan: true });
  return rows;
}

export function formatDurationUs(us: number): string {
  if (us < 1000) return `${Math.round(us * 10) / 10} µs`;
  if (us < 1_000_000) return `${Math.round(us / 100) / 10} ms`;
  return `${Math.round(us / 10_000) / 100} s`;
}
