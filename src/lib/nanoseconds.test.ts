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

  it('gives the same doubles as exact BigInt arithmetic, without BigInt on the usual path', () => {
    const refUs = (ns: string) => Number(BigInt(ns) / 1000n) + Number(BigInt(ns) % 1000n) / 1000;
    const refDuration = (a: string, b: string) => Number(BigInt(b) - BigInt(a)) / 1000;
    let seed = 42;
    const digits = (n: number) => Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 10)).join('');
    const samples = ['0', '7', '999', '1000', '1001', '000123', T0, '9007199254740991999', '9007199254740992000', '99999999999999999999999'];
    for (let i = 0; i < 200; i++) samples.push(`1${digits(18)}`, digits(1 + (i % 24)));
    for (const ns of samples) expect(nsToUs(ns)).toBe(refUs(ns));
    for (let i = 0; i + 1 < samples.length; i++) expect(nsDurationUs(samples[i], samples[i + 1])).toBe(refDuration(samples[i], samples[i + 1]));
    // Signs, and differences of more than 2^53 ns, take the BigInt path: same answers.
    expect(nsToUs('-1500')).toBe(refUs('-1500'));
    expect(nsDurationUs('-5000', '1000')).toBe(6);
    expect(nsDurationUs('0', '100000000000000000000')).toBe(refDuration('0', '100000000000000000000'));
    expect(nsDurationUs(T0, '1795353661706972767')).toBe(-0.001);
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
