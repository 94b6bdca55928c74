import type { Span } from '../../datasources/types';
import { formatDurationUs, orderSpansDepthFirst } from './spanOrder';

function span(spanId: string, parentSpanId: string | undefined, startUs: number, name = spanId): Span {
  return {
    spanId, parentSpanId, traceId: 't', name, serviceName: 'svc', kind: 'internal', startUs, durationUs: 10,
    status: { code: 'unset' }, attributes: {}, resource: {}, events: [], links: [],
  };
}

describe('orderSpansDepthFirst', () => {
  it('puts parents before children and siblings in start order', () => {
    const rows = orderSpansDepthFirst([span('c2', 'root', 30), span('root', undefined, 0), span('c1', 'root', 10), span('g1', 'c1', 12)]);
    expect(rows.map((r) => `${r.span.spanId}@${r.depth}`)).toEqual(['root@0', 'c1@1', 'g1@2', 'c2@1']);
  });

  it('keeps orphans as extra roots, marked', () => {
    const rows = orderSpansDepthFirst([span('root', undefined, 0), span('smtp', 'deadbeefcafe0001', 5)]);
    expect(rows.map((r) => [r.span.spanId, r.depth, r.orphan])).toEqual([
      ['root', 0, false],
      ['smtp', 0, true],
    ]);
  });

  it('does not lose spans caught in a parent cycle', () => {
    const rows = orderSpansDepthFirst([span('a', 'b', 0), span('b', 'a', 1)]);
    expect(rows).toHaveLength(2);
  });

  it('handles a deep chain without recursion', () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : undefined, i));
    const rows = orderSpansDepthFirst(spans);
    expect(rows[49_999].depth).toBe(49_999);
  });
});

describe('formatDurationUs', () => {
  it.each([
    [0.4, '0.4 µs'],
    [250_000, '250 ms'],
    [1_240_000, '1.24 s'],
    [1500, '1.5 ms'],
  ])('%d µs -> %s', (us, text) => expect(formatDurationUs(us)).toBe(text));
});
