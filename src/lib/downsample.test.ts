import { minMaxRows } from './downsample';

const series = (timestamps: number[], values: number[]) => ({ labels: {}, timestamps, values });

describe('minMaxRows', () => {
  it('keeps each bucket’s minimum and maximum in time order', () => {
    // Buckets [0, 4) and [4, 8]: min 1 then max 9 in the first, min 0 then max 8 in the second.
    const rows = minMaxRows([series([0, 1, 2, 3, 4, 5, 6, 7, 8], [1, 9, 2, 3, 5, 0, 4, 8, 6])], ['s0'], 2);
    expect(rows.map((r) => r.s0)).toEqual([1, 9, 0, 8]);
    expect(rows).toHaveLength(4);
    expect(rows[0].t).toBe(1);
    expect(rows[1].t).toBe(3);
  });

  it('puts the later extreme second when the maximum comes first', () => {
    const rows = minMaxRows([series([0, 1, 2, 3], [9, 5, 1, 4])], ['s0'], 1);
    expect(rows.map((r) => r.s0)).toEqual([9, 1]);
  });

  it('never draws more than two rows per bucket, whatever the input', () => {
    const n = 11_000;
    const ts = Array.from({ length: n }, (_, i) => i * 1000);
    const input = Array.from({ length: 50 }, (_, k) => series(ts, ts.map((t) => Math.sin(t / 1e5 + k))));
    const keys = input.map((_, i) => `s${i}`);
    const rows = minMaxRows(input, keys, 300);
    expect(rows).toHaveLength(600);
    const peak = Math.max(...rows.map((r) => r.s0 as number));
    expect(peak).toBeCloseTo(Math.max(...input[0].values), 6);
  });

  it('leaves a gap where a series has no finite sample in a bucket', () => {
    const rows = minMaxRows([series([0, 1, 2, 3], [1, NaN, NaN, 2]), series([0, 3], [5, 6])], ['s0', 's1'], 4);
    expect(rows.map((r) => r.s0)).toEqual([1, 1, null, null, null, null, 2, 2]);
    expect(rows.map((r) => r.s1)).toEqual([5, 5, null, null, null, null, 6, 6]);
  });

  it('is empty for empty input', () => {
    expect(minMaxRows([series([], [])], ['s0'], 10)).toEqual([]);
  });
});
