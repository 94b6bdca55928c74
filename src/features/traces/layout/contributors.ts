// The summary's "biggest contributors": critical-path time per (service, operation), as a share
// of the trace's duration. A client span with nothing under it (a call to an external API or a
// database) measures the same wait as the operation that made it, so its time goes to that
// operation: a trace spending 175 ms in `http.post api.openai.com` inside a 180 ms
// `llm.generate_smart_goal` names the LLM step (180 ms, 72%), not the HTTP call.

import type { CriticalPath } from './criticalPath';
import type { SpanTree } from './spanTree';

export interface Contributor {
  serviceName: string;
  name: string;
  timeUs: number;
  /** timeUs / trace duration, 0..1. */
  share: number;
  /** Spans of this operation on the critical path. */
  spanCount: number;
  /** The node contributing most, to jump to. */
  node: number;
}

export function attributedNode(tree: SpanTree, node: number): number {
  const span = tree.spans[node];
  const p = tree.parent[node];
  if (p >= 0 && span.kind === 'client' && tree.childCount[node] === 0 && tree.spans[p].serviceName === span.serviceName) return p;
  return node;
}

export function biggestContributors(tree: SpanTree, path: CriticalPath, limit = 5): Contributor[] {
  const byNode = new Map<number, number>();
  for (let node = 0; node < tree.spans.length; node++) {
    if (!path.onPath[node]) continue;
    const target = attributedNode(tree, node);
    byNode.set(target, (byNode.get(target) ?? 0) + path.timeUs[node]);
  }
  const byOperation = new Map<string, Contributor & { best: number }>();
  for (const [node, timeUs] of byNode) {
    const span = tree.spans[node];
    const key = `${span.serviceName}\u0000${span.name}`;
    const entry = byOperation.get(key);
    if (entry) {
      entry.timeUs += timeUs;
      entry.spanCount++;
      if (timeUs > entry.best) {
        entry.best = timeUs;
        entry.node = node;
      }
    } else {
      byOperation.set(key, { serviceName: span.serviceName, name: span.name, timeUs, share: 0, spanCount: 1, node, best: timeUs });
    }
  }
  const total = tree.durationUs;
  return [...byOperation.values()]
    .sort((a, b) => b.timeUs - a.timeUs || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ best: _best, ...c }) => ({ ...c, share: total > 0 ? c.timeUs / total : 0 }));
}
