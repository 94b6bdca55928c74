// "Filter loaded lines": a case-insensitive substring search over lines already in the browser,
// run on every keystroke. Two things keep it fast at 100,000 lines: each line is lowercased once,
// and a term that extends the previous one searches only the previous matches.

import type { LogLine } from '../../datasources/types';

export interface LineFilter {
  filter(term: string): LogLine[];
}

export function createLineFilter(lines: LogLine[]): LineFilter {
  let lower: string[] | undefined;
  let lastTerm = '';
  let lastIndexes: number[] | undefined;
  return {
    filter(term: string): LogLine[] {
      const needle = term.trim().toLowerCase();
      if (!needle) {
        lastTerm = '';
        lastIndexes = undefined;
        return lines;
      }
      lower ??= lines.map((l) => l.line.toLowerCase());
      const text = lower;
      const candidates = lastIndexes && lastTerm && needle.includes(lastTerm) ? lastIndexes : undefined;
      const indexes: number[] = [];
      if (candidates) {
        for (const i of candidates) if (text[i].includes(needle)) indexes.push(i);
      } else {
        for (let i = 0; i < text.length; i++) if (text[i].includes(needle)) indexes.push(i);
      }
      lastTerm = needle;
      lastIndexes = indexes;
      return indexes.map((i) => lines[i]);
    },
  };
}
