import { dedupLines } from './dedup';

const text = (s: string) => s;

describe('dedupLines', () => {
  const lines = ['ts=2026-11-22T13:21:01Z job 4 ok', 'ts=2026-11-22T13:21:02Z job 4 ok', 'ts=2026-11-22T13:21:03Z job 5 ok', 'other', 'ts=2026-11-22T13:21:04Z job 4 ok'];
  it('folds consecutive lines that differ only by timestamp', () => {
    expect(dedupLines(lines, 'exact', text).map((r) => [r.line, r.duplicates])).toEqual([
      [lines[0], 1],
      [lines[2], 0],
      ['other', 0],
      [lines[4], 0],
    ]);
  });
  it('ignores every number in numbers mode, and nothing in none mode', () => {
    expect(dedupLines(lines, 'numbers', text).map((r) => r.duplicates)).toEqual([2, 0, 0]);
    expect(dedupLines(lines, 'none', text)).toHaveLength(5);
  });
});
