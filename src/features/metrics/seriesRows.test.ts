import { formatSeriesName, seriesToRows } from './seriesRows';

describe('formatSeriesName', () => {
  it('prints like Prometheus with sorted labels', () => {
    expect(formatSeriesName({ __name__: 'up', job: 'prometheus', instance: 'localhost:9090' })).toBe(
      'up{instance="localhost:9090", job="prometheus"}',
    );
    expect(formatSeriesName({ handler: '/metrics' })).toBe('{handler="/metrics"}');
    expect(formatSeriesName({})).toBe('{}');
  });
});

describe('seriesToRows', () => {
  it('joins series on shared timestamps, leaving gaps as null', () => {
    const { rows, keys } = seriesToRows([
      { labels: { a: '1' }, timestamps: [1000, 2000, 3000], values: [1, 2, 3] },
      { labels: { a: '2' }, timestamps: [2000, 4000], values: [20, NaN] },
    ]);
    expect(keys).toEqual(['s0', 's1']);
    expect(rows).toEqual([
      { t: 1000, s0: 1, s1: null },
      { t: 2000, s0: 2, s1: 20 },
      { t: 3000, s0: 3, s1: null },
      { t: 4000, s0: null, s1: null },
    ]);
  });
});
