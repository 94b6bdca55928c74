import { describe, expect, it } from 'vitest';
import { linePath } from './linePath';

const x = (t: number) => t / 10;
const y = (v: number) => 100 - v;

describe('linePath', () => {
  it('draws one series of the shared rows in pixels', () => {
    const rows = [
      { t: 0, s0: 10, s1: 1 },
      { t: 10, s0: 20.04, s1: 2 },
      { t: 20, s0: 30, s1: 3 },
    ];
    expect(linePath(rows, 's0', x, y)).toBe('M0,90L1,80L2,70');
    expect(linePath(rows, 's1', x, y)).toBe('M0,99L1,98L2,97');
  });

  it('breaks the line at gaps and at values the scale cannot place', () => {
    const rows = [
      { t: 0, s0: 1 },
      { t: 10, s0: null },
      { t: 20, s0: 3 },
      { t: 30, s0: 4 },
      { t: 40, s0: NaN },
      { t: 50, s0: 6 },
    ];
    expect(linePath(rows, 's0', x, y)).toBe('M0,99M2,97L3,96M5,94');
    expect(linePath(rows, 's0', () => undefined, y)).toBe('');
    expect(linePath([], 's0', x, y)).toBe('');
  });
});
