// Which nodes are rows, given the collapsed set. A pure function of the tree and the set, so
// there is no second copy of the row list to keep in sync (collapse is O(visible rows + 1)).

import type { SpanTree } from './spanTree';

/** `collapsed[node] === 1` hides the node's descendants (the node itself stays a row). */
export function visibleRows(tree: SpanTree, collapsed: Uint8Array): Int32Array {
  const n = tree.spans.length;
  const rows = new Int32Array(n);
  let count = 0;
  for (let node = 0; node < n; ) {
    rows[count++] = node;
    node = collapsed[node] ? tree.subtreeEnd[node] : node + 1;
  }
  return rows.subarray(0, count);
}

/** Collapse every span at `depth` that has children: rows down to that depth stay visible. */
export function collapseToDepth(tree: SpanTree, depth: number): Uint8Array {
  const collapsed = new Uint8Array(tree.spans.length);
  for (let node = 0; node < collapsed.length; node++) {
    if (tree.depth[node] === depth && tree.childCount[node] > 0) collapsed[node] = 1;
  }
  return collapsed;
}

export function toggleCollapsed(collapsed: Uint8Array, node: number): Uint8Array {
  const next = collapsed.slice();
  next[node] = next[node] ? 0 : 1;
  return next;
}

/** Expands the node's ancestors so it becomes a row (used by find and by a span id in the URL). */
export function revealNode(tree: SpanTree, collapsed: Uint8Array, node: number): Uint8Array {
  let next = collapsed;
  for (let p = tree.parent[node]; p >= 0; p = tree.parent[p]) {
    if (next[p]) {
      if (next === collapsed) next = collapsed.slice();
      next[p] = 0;
    }
  }
  return next;
}

/** Row position of a node, or -1 when it is hidden. Binary search: rows are in preorder. */
export function rowOfNode(rows: Int32Array, node: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] === node) return mid;
    if (rows[mid] < node) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
