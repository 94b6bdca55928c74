import { volumeRows } from './volumeRows';

describe('volumeRows', () => {
  it('merges level series into stacked rows, with unlabelled streams as unknown', () => {
    const { rows, levels, total } = volumeRows([
      { labels: { level: 'info' }, timestamps: [1000, 2000], values: [3, 4] },
      { labels: {}, timestamps: [2000], values: [1] },
      { labels: { level: 'error' }, timestamps: [1000], values: [2] },
    ]);
    expect(levels).toEqual(['error', 'info', 'unknown']);
    expect(rows).toEqual([
      { t: 1000, info: 3, error: 2 },
      { t: 2000, info: 4, unknown: 1 },
    ]);
    expect(total).toBe(10);
  });
});
