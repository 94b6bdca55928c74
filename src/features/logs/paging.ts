// "Load older" pages back in time ("load newer" forward when reading oldest first). Loki's `end` is exclusive, and a page can stop in the middle
// of several lines sharing one nanosecond, so the next page ends one nanosecond after the oldest
// line seen and the overlap is dropped by line id (stream + time + text: the same on every page).

import type { LogLine } from '../../datasources/types';
import { addNs, compareNs } from '../../lib/nanoseconds';

/** The `end` (ns) of the page before `lines` (which are newest first); undefined when empty. */
export function olderPageEnd(lines: LogLine[]): string | undefined {
  if (!lines.length) return undefined;
  let oldest = lines[0].timestampNs;
  for (const l of lines) if (compareNs(l.timestampNs, oldest) < 0) oldest = l.timestampNs;
  return addNs(oldest, 1);
}

/**
 * The `start` (ns) of the page after `lines` when reading oldest first: Loki's `start` is
 * inclusive, so the newest nanosecond seen is asked again and its lines dropped by id.
 */
export function newerPageStart(lines: LogLine[]): string | undefined {
  if (!lines.length) return undefined;
  let newest = lines[0].timestampNs;
  for (const l of lines) if (compareNs(l.timestampNs, newest) > 0) newest = l.timestampNs;
  return newest;
}

/** Pages (each in the query's order) joined into one list without duplicates, in that order. */
export function mergePages(pages: LogLine[][]): LogLine[] {
  if (pages.length === 1) return pages[0];
  const seen = new Set<string>();
  const out: LogLine[] = [];
  for (const page of pages) {
    for (const line of page) {
      if (seen.has(line.id)) continue;
      seen.add(line.id);
      out.push(line);
    }
  }
  return out;
}

/** A page that brought nothing new means the start of the range (or of the data) was reached. */
export function pageAddedLines(previous: LogLine[], page: LogLine[]): number {
  const seen = new Set(previous.map((l) => l.id));
  return page.filter((l) => !seen.has(l.id)).length;
}
