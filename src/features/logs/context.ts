// "Show context": the lines just before and after one line in the same stream. After `| json`
// a line's labels mix the stream's labels with extracted fields, so the stream is found again
// among Loki's /series answer: the largest label set contained in the line's labels.

import type { Labels, LogLine } from '../../datasources/types';
import { quoteLogQL } from './logql';

export function streamLabelsOf(lineLabels: Labels, streams: Labels[]): Labels | undefined {
  let best: Labels | undefined;
  for (const s of streams) {
    const keys = Object.keys(s);
    if (keys.every((k) => lineLabels[k] === s[k]) && (!best || keys.length > Object.keys(best).length)) best = s;
  }
  return best;
}

export function selectorForLabels(labels: Labels): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${quoteLogQL(labels[k])}`)
    .join(', ')}}`;
}

/**
 * One list, oldest first: `before` comes newest first from a backward query, `after` oldest first
 * from a forward one starting at the line itself, so the line is dropped from both by id.
 */
export function contextLines(line: LogLine, before: LogLine[], after: LogLine[]): LogLine[] {
  const older = before.filter((l) => l.id !== line.id).reverse();
  const newer = after.filter((l) => l.id !== line.id);
  return [...older, line, ...newer];
}
