// Self time: the part of a span's duration not covered by any of its children. Children that
// overlap (parallel calls) count once, and children sticking out of the parent (clock skew) are
// clipped to it, so self time is never negative.

import type { SpanTree } from './spanTree';

export function selfTime(tree: SpanTree): Float64Array {
  const n = tree.spans.length;
  const out = new Float64Array(n);
  const { startUs, endUs, subtreeEnd } = tree;
  for (let node = 0; node < n; node++) {
    const s = startUs[node];
    const e = endUs[node];
    let covered = 0;
    let runStart = 0;
    let runEnd = -Infinity;
    // Children come in start order, so one sweep merges their intervals.
    for (let c = node + 1; c < subtreeEnd[node]; c = subtreeEnd[c]) {
      const cs = Math.max(s, startUs[c]);
      const ce = Math.min(e, endUs[c]);
      if (ce <= cs) continue;
      if (cs > runEnd) {
        if (runEnd > runStart) covered += runEnd - runStart;
        runStart = cs;
        runEnd = ce;
      } else if (ce > runEnd) {
        runEnd = ce;
      }
    }
    if (runEnd > runStart) covered += runEnd - runStart;
    out[node] = Math.max(0, e - s - covered);
  }
  return out;
}
