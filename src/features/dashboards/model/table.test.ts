import { samplesToTable, sortRows } from './table';

describe('samplesToTable', () => {
  it('makes one column per label, name first, Value last', () => {
    const t = samplesToTable([
      { labels: { __name__: 'up', job: 'b', instance: 'x' }, timestamp: 1, value: 1 },
      { labels: { __name__: 'up', job: 'a' }, timestamp: 1, value: 0 },
    ]);
    expect(t.columns).toEqual(['__name__', 'instance', 'job', 'Value']);
    expect(t.rows[1]).toEqual({ __name__: 'up', instance: '', job: 'a', Value: 0 });
  });

  it('sorts numbers numerically and text naturally', () => {
    const rows = [{ v: 10, n: 'a10' }, { v: 9, n: 'a9' }, { v: 100, n: 'a100' }];
    expect(sortRows(rows, 'v', 'ascending').map((r) => r.v)).toEqual([9, 10, 100]);
    expect(sortRows(rows, 'n', 'descending').map((r) => r.n)).toEqual(['a100', 'a10', 'a9']);
  });
});
