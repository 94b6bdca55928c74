import { addNs, compareNs, msToNs, nsDurationUs, nsToMs, nsToUs } from './nanoseconds';

// T0 of the captured fixtures: 2026-11-22T13:21:01.706972768Z.
const T0 = '1795353661706972768';

describe('nanoseconds', () => {
  it('converts ms to ns strings exactly', () => {
    expect(msToNs(1795353661706)).toBe('1795353661706000000');
    expect(msToNs(0)).toBe('0');
    expect(msToNs(1795353661706.5)).toBe('1795353661706500000');
  });

  it('floors ns to ms without going through a double', () => {
    expect(nsToMs(T0)).toBe(1795353661706);
    expect(nsToMs('999999')).toBe(0);
    expect(nsToMs('-1')).toBe(-1);
  });

  it('keeps the sub-microsecond part of ns as far as a double can', () => {
    // 1795353661706972.768 is not representable; the nearest double is within 0.25 µs.
    expect(nsToUs(T0)).toBeCloseTo(1795353661706972.768, 0);
    expect(Math.floor(nsToUs(T0))).toBe(1795353661706972);
    expect(nsToUs('1500')).toBe(1.5);
  });

  it('computes durations exactly from the difference', () => {
    expect(nsDurationUs('1795353241706972768', '1795353241956972768')).toBe(250_000);
    expect(nsDurationUs('1795353241706972768', '1795353241706973268')).toBe(0.5);
  });

  it('adds ns deltas', () => {
    expect(addNs(T0, -1)).toBe('1795353661706972767');
    expect(addNs(T0, 1_000_000n)).toBe('1795353661707972768');
  });

  it('orders ns strings numerically, not lexically', () => {
    expect(compareNs('999', '1000')).toBe(-1);
    expect(compareNs('1795353661706972769', T0)).toBe(1);
    expect(compareNs(T0, T0)).toBe(0);
    // A double cannot tell these apart; the string comparison can.
    expect(Number('1795353661706972768') === Number('1795353661706972769')).toBe(true);
    expect(compareNs('1795353661706972768', '1795353661706972769')).toBe(-1);
  });
});
