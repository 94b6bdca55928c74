import type { Labels } from '../datasources/types.ts';

/** One string per label set, whatever the key order: series with equal keys are the same series. */
export function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(',');
}
