// The critical path: the chain of work that decided the trace's end-to-end duration, found the
// way Jaeger UI does (components/TracePage/CriticalPath): walk back from the end of a span,
// hand the time to the child that finished last, descend into it, and continue from that
// child's start. Children are first clipped to their parent, so clock skew cannot make a
// section stick out. Several top-level spans (several roots, orphans) hang under a virtual root
// spanning the whole trace, so the path can cross from one to the other.

import type { SpanTree } from './spanTree';

export interface CriticalSection {
  node: number;
  /** Relative to the trace start, µs. */
  startUs: number;
  endUs: number;
}

export interface CriticalPath {
  /** Sections in time order; a span may hold several (before and after a child's section). */
  sections: CriticalSection[];
  /** Critical time per node, µs. */
  timeUs: Float64Array;
  onPath: Uint8Array;
}

export function criticalPath(tree: SpanTree): CriticalPath {
  const n = tree.spans.length;
  const root = n; // the virtual root
  const cs = new Float64Array(n + 1);
  const ce = new Float64Array(n + 1);
  cs[root] = 0;
  ce[root] = tree.durationUs;
  for (let node = 0; node < n; node++) {
    const p = tree.parent[node] >= 0 ? tree.parent[node] : root;
    cs[node] = Math.min(Math.max(tree.startUs[node], cs[p]), ce[p]);
    ce[node] = Math.max(Math.min(tree.endUs[node], ce[p]), cs[node]);
  }

  // Children of each node (virtual root included), latest clipped end first.
  const offset = new Int32Array(n + 2);
  for (let node = 0; node < n; node++) offset[(tree.parent[node] >= 0 ? tree.parent[node] : root) + 1]++;
  for (let i = 0; i <= n; i++) offset[i + 1] += offset[i];
  const fill = offset.slice(0, n + 1);
  const kids = new Int32Array(n);
  for (let node = 0; node < n; node++) kids[fill[tree.parent[node] >= 0 ? tree.parent[node] : root]++] = node;
  const byEndDesc = (a: number, b: number) => ce[b] - ce[a] || cs[b] - cs[a];
  for (let i = 0; i <= n; i++) if (offset[i + 1] - offset[i] > 1) kids.subarray(offset[i], offset[i + 1]).sort(byEndDesc);
  // Where each node's scan of its children resumes: the bound only ever moves back in time.
  const cursor = offset.slice(0, n + 1);

  const sections: CriticalSection[] = [];
  const timeUs = new Float64Array(n);
  const onPath = new Uint8Array(n);
  const add = (node: number, start: number, end: number) => {
    if (node === root || end <= start) return;
    sections.push({ node, startUs: start, endUs: end });
    timeUs[node] += end - start;
    onPath[node] = 1;
  };

  const stack: number[] = [];
  let current = root;
  let bound = ce[root];
  for (;;) {
    let child = -1;
    for (let k = cursor[current]; k < offset[current + 1]; k++) {
      const c = kids[k];
      // Zero-length (or clipped-away) children decide nothing.
      if (ce[c] <= bound && ce[c] > cs[c]) {
        child = c;
        cursor[current] = k + 1;
        break;
      }
    }
    if (child >= 0) {
      add(current, ce[child], bound);
      stack.push(current);
      current = child;
      bound = ce[child];
      continue;
    }
    add(current, cs[current], bound);
    const parent = stack.pop();
    if (parent === undefined) break;
    bound = cs[current];
    current = parent;
  }
  sections.reverse();
  return { sections, timeUs, onPath };
}
