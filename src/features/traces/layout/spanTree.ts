// The span tree of a trace, laid out once in preorder (parents before children, siblings by
// start time). Every per-span array is indexed by that preorder position ("node"), so the Gantt
// rows, critical path, self time and find all share one numbering and typed arrays stay cheap
// at 100,000 spans.

import type { Span } from '../../../datasources/types';
import { SpanIdIndex } from './spanIdIndex';

export interface SpanTree {
  /** Spans in preorder. */
  spans: Span[];
  /** Parent node, or -1 for a top-level span (a root, an orphan, or a span caught in a parent cycle). */
  parent: Int32Array;
  depth: Int32Array;
  /** One past the last node of the subtree: node i's descendants are i+1 .. subtreeEnd[i]-1. */
  subtreeEnd: Int32Array;
  childCount: Int32Array;
  /** 1 when the span names a parent that is not in the trace (or sits in a parent cycle). */
  orphan: Uint8Array;
  /** 1 when the span starts before its parent or ends after it (clock skew between hosts). */
  skewed: Uint8Array;
  /** Start and end relative to the trace's first start, in µs. */
  startUs: Float64Array;
  endUs: Float64Array;
  /** Epoch µs of the earliest span start. */
  traceStartUs: number;
  /** From the earliest start to the latest end. */
  durationUs: number;
  maxDepth: number;
  /** Number of top-level spans. */
  rootCount: number;
  /** The node of a span id (the first span, if a buggy tracer reused an id), or undefined. */
  nodeOfSpanId: (spanId: string) => number | undefined;
}

export function buildSpanTree(input: Span[]): SpanTree {
  const n = input.length;
  const byId = new SpanIdIndex(n);
  // One pass reads what the tree needs from each Span: at 100,000 spans, scattered over the heap,
  // every further pass over the objects cost a round of cache misses.
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const parentIds = new Array<string | undefined>(n);
  let traceStartUs = Infinity;
  let traceEndUs = -Infinity;
  for (let i = 0; i < n; i++) {
    const span = input[i];
    byId.add(span.spanId, i);
    parentIds[i] = span.parentSpanId;
    start[i] = span.startUs;
    end[i] = span.startUs + Math.max(0, span.durationUs);
    if (start[i] < traceStartUs) traceStartUs = start[i];
    if (end[i] > traceEndUs) traceEndUs = end[i];
  }
  if (n === 0) traceStartUs = traceEndUs = 0;

  // Parent by input index; children in CSR form (counts, then offsets, then fill).
  const parentIn = new Int32Array(n).fill(-1);
  const kidCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const pid = parentIds[i];
    const p = pid === undefined ? undefined : byId.get(pid);
    if (p !== undefined && p !== i) {
      parentIn[i] = p;
      kidCount[p]++;
    }
  }
  const offset = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i] + kidCount[i];
  const fill = offset.slice(0, n);
  const kids = new Int32Array(offset[n]);
  const tops: number[] = [];
  for (let i = 0; i < n; i++) {
    if (parentIn[i] >= 0) kids[fill[parentIn[i]]++] = i;
    else tops.push(i);
  }
  const byStart = (a: number, b: number) => start[a] - start[b] || a - b;
  tops.sort(byStart);
  for (let i = 0; i < n; i++) {
    if (offset[i + 1] - offset[i] > 1) kids.subarray(offset[i], offset[i + 1]).sort(byStart);
  }

  const tree: SpanTree = {
    spans: new Array<Span>(n),
    parent: new Int32Array(n).fill(-1),
    depth: new Int32Array(n),
    subtreeEnd: new Int32Array(n),
    childCount: new Int32Array(n),
    orphan: new Uint8Array(n),
    skewed: new Uint8Array(n),
    startUs: new Float64Array(n),
    endUs: new Float64Array(n),
    traceStartUs,
    durationUs: traceEndUs - traceStartUs,
    maxDepth: 0,
    rootCount: 0,
    nodeOfSpanId: (spanId) => {
      const i = byId.get(spanId);
      return i === undefined ? undefined : nodeOf[i];
    },
  };

  // Iterative DFS (a 100,000-span chain must not overflow the call stack).
  const nodeOf = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let next = 0;
  const visit = (top: number, orphan: boolean) => {
    let sp = 0;
    stack[sp++] = top;
    while (sp > 0) {
      const i = stack[--sp];
      if (nodeOf[i] >= 0) continue;
      const node = next++;
      nodeOf[i] = node;
      tree.spans[node] = input[i];
      tree.startUs[node] = start[i] - traceStartUs;
      tree.endUs[node] = end[i] - traceStartUs;
      const p = i === top ? -1 : nodeOf[parentIn[i]];
      tree.parent[node] = p;
      if (p >= 0) {
        const d = tree.depth[p] + 1;
        tree.depth[node] = d;
        if (d > tree.maxDepth) tree.maxDepth = d;
        tree.childCount[p]++;
        if (tree.startUs[node] < tree.startUs[p] || tree.endUs[node] > tree.endUs[p]) tree.skewed[node] = 1;
      } else {
        tree.rootCount++;
        if (orphan || parentIds[i]) tree.orphan[node] = 1;
      }
      for (let k = offset[i + 1] - 1; k >= offset[i]; k--) if (nodeOf[kids[k]] < 0) stack[sp++] = kids[k];
    }
  };
  for (const top of tops) visit(top, false);
  // Spans in a parent cycle are reachable from no root: list them rather than drop them.
  for (let i = 0; i < n; i++) if (nodeOf[i] < 0) visit(i, true);

  for (let node = 0; node < n; node++) tree.subtreeEnd[node] = node + 1;
  for (let node = n - 1; node > 0; node--) {
    const p = tree.parent[node];
    if (p >= 0 && tree.subtreeEnd[node] > tree.subtreeEnd[p]) tree.subtreeEnd[p] = tree.subtreeEnd[node];
  }
  return tree;
}

/** Children of a node in start order: they follow it in preorder, each after the previous one's subtree. */
export function childrenOf(tree: SpanTree, node: number): number[] {
  const out: number[] = [];
  for (let c = node + 1; c < tree.subtreeEnd[node]; c = tree.subtreeEnd[c]) out.push(c);
  return out;
}

/** Top-level nodes (roots, orphans) in start order. */
export function topLevelNodes(tree: SpanTree): number[] {
  const out: number[] = [];
  for (let c = 0; c < tree.spans.length; c = tree.subtreeEnd[c]) out.push(c);
  return out;
}
