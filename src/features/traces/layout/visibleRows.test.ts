import { generateLargeTrace } from '../../../demo/largeTrace';
import { findSpans } from './findSpans';
import { buildSpanTree } from './spanTree';
import { fixtureTrace, span } from './testTraces';
import { collapseToDepth, revealNode, rowOfNode, toggleCollapsed, visibleRows } from './visibleRows';

const traceA = () => buildSpanTree(fixtureTrace('trace-a-reference.json').spans);

describe('visible rows', () => {
  it('hides a collapsed subtree and keeps the collapsed span itself', () => {
    const tree = traceA();
    const collapsed = toggleCollapsed(new Uint8Array(7), 2); // create_goal
    expect(Array.from(visibleRows(tree, collapsed)).map((n) => tree.spans[n].name)).toEqual([
      'POST /v1/goals/create',
      'middleware.auth',
      'create_goal',
    ]);
    expect(Array.from(visibleRows(tree, toggleCollapsed(collapsed, 2)))).toHaveLength(7);
  });

  it('collapses everything to a depth', () => {
    const tree = traceA();
    expect(Array.from(visibleRows(tree, collapseToDepth(tree, 0)))).toEqual([0]);
    expect(Array.from(visibleRows(tree, collapseToDepth(tree, 1))).map((n) => tree.depth[n])).toEqual([0, 1, 1]);
  });

  it('reveals a hidden span by expanding its ancestors only', () => {
    const tree = traceA();
    const collapsed = collapseToDepth(tree, 0);
    const http = tree.spans.findIndex((s) => s.name === 'http.post api.openai.com');
    const rows = visibleRows(tree, revealNode(tree, collapsed, http));
    expect(rowOfNode(rows, http)).toBe(4);
    expect(Array.from(rows).map((n) => tree.spans[n].name)).toEqual([
      'POST /v1/goals/create',
      'middleware.auth',
      'create_goal',
      'llm.generate_smart_goal',
      'http.post api.openai.com',
      'vector_search.embed_goal',
      'postgres.insert_goal',
    ]);
    expect(rowOfNode(visibleRows(tree, collapsed), http)).toBe(-1);
  });

  it('collapses the root of a 100,000-span trace to one row', () => {
    const tree = buildSpanTree(generateLargeTrace(100_000, 3).spans);
    expect(visibleRows(tree, new Uint8Array(100_000))).toHaveLength(100_000);
    expect(visibleRows(tree, toggleCollapsed(new Uint8Array(100_000), 0))).toHaveLength(1);
  });
});

describe('findSpans', () => {
  it('matches names, services and attribute values, in row order', () => {
    const tree = traceA();
    expect(Array.from(findSpans(tree, 'GOAL')).map((n) => tree.spans[n].name)).toEqual([
      'POST /v1/goals/create',
      'create_goal',
      'llm.generate_smart_goal',
      'vector_search.embed_goal',
      'postgres.insert_goal',
    ]);
    expect(findSpans(tree, '  ')).toHaveLength(0);
  });

  it('matches key=value on span and resource attributes', () => {
    const tree = buildSpanTree([
      span('a', undefined, 0, 1, { attributes: { 'http.status_code': 500 } }),
      span('b', 'a', 0, 1, { attributes: { 'http.status_code': 200 }, resource: { 'k8s.pod.name': 'api-7f9' } }),
    ]);
    expect(Array.from(findSpans(tree, 'http.status_code=500'))).toEqual([0]);
    expect(Array.from(findSpans(tree, 'k8s.pod.name="api-7f9"'))).toEqual([1]);
    expect(Array.from(findSpans(tree, '200'))).toEqual([1]);
  });
});
