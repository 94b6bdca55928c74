import type { LogLine } from '../../datasources/types';
import { lokiStreamsToLines } from '../../datasources/loki';
import { mergePages, newerPageStart, olderPageEnd, pageAddedLines } from './paging';

const stream = { service_name: 'homebot' };
const page = (values: Array<[string, string]>): LogLine[] => lokiStreamsToLines([{ stream, values }], 'backward');

describe('paging back in time', () => {
  // Three lines share one nanosecond; the first page of 2 stops between them.
  const all: Array<[string, string]> = [
    ['1795353661706972770', 'd'],
    ['1795353661706972768', 'c'],
    ['1795353661706972768', 'b'],
    ['1795353661706972768', 'a'],
    ['1795353661706972001', 'z'],
  ];
  const first = page(all.slice(0, 2));

  it('asks for the next page up to and including the oldest nanosecond seen', () => {
    expect(olderPageEnd(first)).toBe('1795353661706972769');
    expect(olderPageEnd([])).toBeUndefined();
  });

  it('joins pages without duplicating the overlap', () => {
    // Loki's `end` is exclusive: the second page starts again at ...768.
    const second = page(all.slice(1, 4));
    expect(pageAddedLines(first, second)).toBe(2);
    const merged = mergePages([first, second, page(all.slice(4))]);
    expect(merged.map((l) => l.line)).toEqual(['d', 'c', 'b', 'a', 'z']);
    expect(new Set(merged.map((l) => l.id)).size).toBe(5);
  });

  it('knows when a page brought nothing new', () => {
    expect(pageAddedLines(first, first)).toBe(0);
  });
});

describe('paging forward in time', () => {
  it('starts the next page at the newest nanosecond seen and drops the repeats', () => {
    const fwd = (values: Array<[string, string]>) => lokiStreamsToLines([{ stream, values }], 'forward');
    const first = fwd([['1', 'a'], ['2', 'b']]);
    expect(newerPageStart(first)).toBe('2');
    const second = fwd([['2', 'b'], ['2', 'c'], ['3', 'd']]);
    expect(mergePages([first, second]).map((l) => l.line)).toEqual(['a', 'b', 'c', 'd']);
  });
});
