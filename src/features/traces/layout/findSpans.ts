// Find within a trace: plain text matches a span's name, service, id or any attribute key or
// value (case-insensitive); `key=value` matches that attribute (span or resource) containing
// value. Results are nodes in preorder, i.e. in row order.

import type { AttributeValue, Span } from '../../../datasources/types';
import type { SpanTree } from './spanTree';

function valueText(value: AttributeValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function attributeMatches(attrs: Record<string, AttributeValue>, key: string | null, needle: string): boolean {
  for (const k in attrs) {
    if (key !== null) {
      if (k.toLowerCase() === key && valueText(attrs[k]).toLowerCase().includes(needle)) return true;
    } else if (k.toLowerCase().includes(needle) || valueText(attrs[k]).toLowerCase().includes(needle)) {
      return true;
    }
  }
  return false;
}

export function spanMatches(span: Span, query: string): boolean {
  const eq = query.indexOf('=');
  if (eq > 0) {
    const key = query.slice(0, eq).trim().toLowerCase();
    const needle = query.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (key === 'name') return span.name.toLowerCase().includes(needle);
    if (key === 'service' || key === 'service.name') return span.serviceName.toLowerCase().includes(needle);
    if (key === 'status') return span.status.code === needle;
    return attributeMatches(span.attributes, key, needle) || attributeMatches(span.resource, key, needle);
  }
  const needle = query.toLowerCase();
  return (
    span.name.toLowerCase().includes(needle) ||
    span.serviceName.toLowerCase().includes(needle) ||
    span.spanId === needle ||
    attributeMatches(span.attributes, null, needle)
  );
}

export function findSpans(tree: SpanTree, query: string): Int32Array {
  const q = query.trim();
  if (!q) return new Int32Array(0);
  const hits: number[] = [];
  for (let node = 0; node < tree.spans.length; node++) if (spanMatches(tree.spans[node], q)) hits.push(node);
  return Int32Array.from(hits);
}
