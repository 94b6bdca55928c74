// Grafana's log deduplication modes, applied to consecutive lines as they are shown:
// `exact` ignores only ISO timestamps inside the text, `numbers` ignores every number.

export type DedupMode = 'none' | 'exact' | 'numbers';

export interface DedupRow<T> {
  line: T;
  /** How many identical lines follow it and were folded into it. */
  duplicates: number;
}

const ISO_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

export function dedupKey(text: string, mode: DedupMode): string {
  if (mode === 'exact') return text.replace(ISO_TIME, '');
  if (mode === 'numbers') return text.replace(NUMBER, '0');
  return text;
}

export function dedupLines<T>(lines: T[], mode: DedupMode, textOf: (line: T) => string): DedupRow<T>[] {
  if (mode === 'none') return lines.map((line) => ({ line, duplicates: 0 }));
  const rows: DedupRow<T>[] = [];
  let lastKey: string | undefined;
  for (const line of lines) {
    const key = dedupKey(textOf(line), mode);
    if (key === lastKey) rows[rows.length - 1].duplicates++;
    else rows.push({ line, duplicates: 0 });
    lastKey = key;
  }
  return rows;
}
