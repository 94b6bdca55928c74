// Value counts for the label browser. Loki 2.9 keeps `/index/volume` off by default, so the
// portable answer is `/series`: how many streams carry each value of a label.

import type { Labels } from '../../datasources/types';

export function streamCountsByValue(series: Labels[], label: string): Array<{ value: string; streams: number }> {
  const counts = new Map<string, number>();
  for (const s of series) {
    const v = s[label];
    if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([value, streams]) => ({ value, streams }));
}
