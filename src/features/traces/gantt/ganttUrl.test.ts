import { buildSpanTree } from '../layout/spanTree';
import { fixtureTrace } from '../layout/testTraces';
import { collapseToDepth, toggleCollapsed, visibleRows } from '../layout/visibleRows';
import { baseCollapsed, collapsedFromSearch, toggleSearch, viewFromSearch, zoomSearch } from './ganttUrl';

const traceA = () => buildSpanTree(fixtureTrace('trace-a-reference.json').spans);
const names = (tree: ReturnType<typeof traceA>, collapsed: Uint8Array) => Array.from(visibleRows(tree, collapsed)).map((n) => tree.spans[n].name);

describe('collapsed spans in the URL', () => {
  it('writes collapsed spans as span ids and reads them back', () => {
    const tree = traceA();
    const createGoal = tree.spans.findIndex((s) => s.name === 'create_goal');
    const collapsed = toggleCollapsed(new Uint8Array(tree.spans.length), createGoal);
    const toggle = toggleSearch(tree, collapsed, baseCollapsed(tree, undefined));
    expect(toggle).toBe(tree.spans[createGoal].spanId);
    expect(names(tree, collapsedFromSearch(tree, { toggle }))).toEqual(['POST /v1/goals/create', 'middleware.auth', 'create_goal']);
  });

  it('writes a depth choice as the depth and only what differs from it as ids', () => {
    const tree = traceA();
    const base = collapseToDepth(tree, 1);
    expect(toggleSearch(tree, base, base)).toBeUndefined();
    const createGoal = tree.spans.findIndex((s) => s.name === 'create_goal');
    const expanded = toggleCollapsed(base, createGoal);
    const toggle = toggleSearch(tree, expanded, base);
    expect(toggle).toBe(tree.spans[createGoal].spanId);
    expect(collapsedFromSearch(tree, { depth: 1, toggle })).toEqual(expanded);
    expect(collapsedFromSearch(tree, { depth: 1 })).toEqual(base);
  });

  it('ignores ids that are not in the trace or have nothing to collapse, and upper case', () => {
    const tree = traceA();
    const leaf = tree.spans.findIndex((_, node) => tree.childCount[node] === 0);
    const root = tree.spans[0].spanId;
    const collapsed = collapsedFromSearch(tree, { toggle: `ffffffffffffffff,,${tree.spans[leaf].spanId},${root.toUpperCase()}` });
    expect(Array.from(collapsed).reduce((a, b) => a + b, 0)).toBe(1);
    expect(collapsed[0]).toBe(1);
  });
});

describe('zoom window in the URL', () => {
  it('is ms from the trace start, µs precise, absent for the whole trace', () => {
    expect(zoomSearch({ startUs: 0, endUs: 250_000 }, 250_000)).toBeUndefined();
    expect(zoomSearch({ startUs: 20_500.4, endUs: 200_000 }, 250_000)).toBe('20.5,200');
    expect(viewFromSearch('20.5,200', 250_000)).toEqual({ startUs: 20_500, endUs: 200_000 });
  });

  it('reads a missing, reversed or garbled window as the whole trace, and clamps one past the end', () => {
    for (const zoom of [undefined, '', '200,20.5', 'abc', '1,2,3', '-5,10']) expect(viewFromSearch(zoom, 250_000)).toEqual({ startUs: 0, endUs: 250_000 });
    expect(viewFromSearch('240,400', 250_000)).toEqual({ startUs: 90_000, endUs: 250_000 });
  });
});
