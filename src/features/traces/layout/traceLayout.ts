// Everything the trace view derives from a trace, computed once when the data arrives (never
// per row or per scroll): tree, self time, critical path, contributors, services.

import type { Trace } from '../../../datasources/types';
import { colorForName } from '../../../lib/colors';
import { biggestContributors, type Contributor } from './contributors';
import { criticalPath, type CriticalPath } from './criticalPath';
import { selfTime } from './selfTime';
import { buildSpanTree, type SpanTree } from './spanTree';

export interface ServiceSummary {
  name: string;
  color: string;
  spanCount: number;
}

export interface TraceLayout {
  tree: SpanTree;
  selfUs: Float64Array;
  path: CriticalPath;
  /** Critical sections of each node: sectionsOf(node) = path.sections[sectionStart[node] .. sectionStart[node + 1]). */
  sectionStart: Int32Array;
  sectionOrder: Int32Array;
  contributors: Contributor[];
  services: ServiceSummary[];
  serviceColor: Map<string, string>;
  errorCount: number;
}

export function computeTraceLayout(trace: Trace): TraceLayout {
  const tree = buildSpanTree(trace.spans);
  const path = criticalPath(tree);
  const n = tree.spans.length;

  const sectionStart = new Int32Array(n + 1);
  for (const s of path.sections) sectionStart[s.node + 1]++;
  for (let i = 0; i < n; i++) sectionStart[i + 1] += sectionStart[i];
  const fill = sectionStart.slice(0, n);
  const sectionOrder = new Int32Array(path.sections.length);
  path.sections.forEach((s, k) => (sectionOrder[fill[s.node]++] = k));

  const counts = new Map<string, number>();
  let errorCount = 0;
  // Spans come in runs of one service (a batch's spans): count a run, then add it to the map.
  let runService = '';
  let runLength = 0;
  for (const span of tree.spans) {
    if (span.serviceName !== runService) {
      if (runLength > 0) counts.set(runService, (counts.get(runService) ?? 0) + runLength);
      runService = span.serviceName;
      runLength = 0;
    }
    runLength++;
    if (span.status.code === 'error') errorCount++;
  }
  if (runLength > 0) counts.set(runService, (counts.get(runService) ?? 0) + runLength);
  const services = [...counts]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, spanCount]) => ({ name, spanCount, color: colorForName(name) }));

  return {
    tree,
    selfUs: selfTime(tree),
    path,
    sectionStart,
    sectionOrder,
    contributors: biggestContributors(tree, path),
    services,
    serviceColor: new Map(services.map((s) => [s.name, s.color])),
    errorCount,
  };
}
