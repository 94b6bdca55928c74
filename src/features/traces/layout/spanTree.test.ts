import { generateLargeTrace } from '../../../demo/largeTrace';
import { buildSpanTree, childrenOf, topLevelNodes } from './spanTree';
import { fixtureTrace, span } from './testTraces';

const names = (tree: ReturnType<typeof buildSpanTree>) => tree.spans.map((s, i) => `${'  '.repeat(tree.depth[i])}${s.name}`);

describe('buildSpanTree', () => {
  it('lays out trace A as the reference docs draw it', () => {
    const tree = buildSpanTree(fixtureTrace('trace-a-reference.json').spans);
    expect(names(tree)).toEqual([
      'POST /v1/goals/create',
      '  middleware.auth',
      '  create_goal',
      '    llm.generate_smart_goal',
      '      http.post api.openai.com',
      '    vector_search.embed_goal',
      '    postgres.insert_goal',
    ]);
    expect(tree.durationUs).toBe(250_000);
    expect(Array.from(tree.subtreeEnd)).toEqual([7, 2, 7, 5, 5, 6, 7]);
    expect(Array.from(tree.childCount)).toEqual([2, 0, 3, 1, 0, 0, 0]);
    expect(tree.maxDepth).toBe(3);
    expect(tree.rootCount).toBe(1);
    expect(tree.startUs[2]).toBe(10_000);
    expect(tree.endUs[0]).toBe(250_000);
  });

  it('keeps an orphan as a marked top-level span and flags a child starting before its parent', () => {
    const tree = buildSpanTree(fixtureTrace('trace-d-orphan-skew.json').spans);
    expect(names(tree)).toEqual(['reminders.dispatch_batch', '  http.post notification-service', '    POST /v1/notify', 'smtp.send']);
    expect(Array.from(tree.orphan)).toEqual([0, 0, 0, 1]);
    expect(Array.from(tree.skewed)).toEqual([0, 0, 1, 0]);
    expect(tree.startUs[2] - tree.startUs[1]).toBe(-3_000);
    expect(topLevelNodes(tree)).toEqual([0, 3]);
  });

  it('handles a trace with no root at all (its parent was never exported)', () => {
    const tree = buildSpanTree(fixtureTrace('trace-f-rootless.json').spans);
    expect(tree.rootCount).toBeGreaterThanOrEqual(1);
    expect(tree.orphan[0]).toBe(1);
    expect(tree.spans).toHaveLength(fixtureTrace('trace-f-rootless.json').spans.length);
  });

  it('orders several roots and siblings by start, zero-duration spans included', () => {
    const tree = buildSpanTree([
      span('b', undefined, 50, 10),
      span('a', undefined, 0, 20),
      span('a2', 'a', 15, 0),
      span('a1', 'a', 5, 0),
    ]);
    expect(names(tree)).toEqual(['a', '  a1', '  a2', 'b']);
    expect(childrenOf(tree, 0)).toEqual([1, 2]);
    expect(tree.rootCount).toBe(2);
    expect(tree.durationUs).toBe(60_000);
    expect(tree.endUs[1] - tree.startUs[1]).toBe(0);
  });

  it('lists spans caught in a parent cycle instead of dropping them', () => {
    const tree = buildSpanTree([span('a', 'b', 0, 1), span('b', 'a', 1, 1), span('r', undefined, 0, 5)]);
    expect(tree.spans.map((s) => s.name).sort()).toEqual(['a', 'b', 'r']);
    expect(tree.orphan.reduce((s, v) => s + v, 0)).toBe(1);
  });

  it('keeps the first of two spans with the same id as the parent', () => {
    const tree = buildSpanTree([span('p', undefined, 0, 10), span('p', undefined, 1, 1), span('c', 'p', 2, 1)]);
    expect(tree.spans).toHaveLength(3);
    expect(tree.parent[tree.spans.findIndex((s) => s.name === 'c')]).toBe(0);
  });

  it('does not recurse: a 100,000-span chain gets depth 99,999', () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : undefined, i / 1000, 1));
    const tree = buildSpanTree(spans);
    expect(tree.depth[99_999]).toBe(99_999);
    expect(tree.subtreeEnd[0]).toBe(100_000);
  });

  it('builds the 100,000-span benchmark trace with every span placed once', () => {
    const trace = generateLargeTrace(100_000, 1);
    const tree = buildSpanTree(trace.spans);
    expect(tree.spans).toHaveLength(100_000);
    expect(tree.rootCount).toBe(1);
    for (const node of [0, 1, 50_000, 99_999]) expect(tree.nodeOfSpanId(tree.spans[node].spanId)).toBe(node);
    expect(tree.nodeOfSpanId('0000000000000000')).toBeUndefined();
    for (let i = 1; i < 100_000; i++) expect(tree.parent[i]).toBeLessThan(i);
  });
});
