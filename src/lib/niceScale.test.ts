import { describe, expect, it } from 'vitest';
import { niceDomain, niceStep, niceTicks } from './niceScale';

describe('niceScale', () => {
  it('rounds steps up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 12, 0.013].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 0.02]);
    expect(niceStep(0)).toBe(1);
  });

  it('widens a domain to round bounds around the data', () => {
    expect(niceDomain(50, 395)).toEqual([0, 400]);
    expect(niceDomain(-3.2, 7.9)).toEqual([-5, 10]);
    expect(niceDomain(0.011, 0.049)).toEqual([0.01, 0.05]);
  });

  it('gives a flat series some room, and no data a unit domain', () => {
    const [lo, hi] = niceDomain(5, 5);
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
    expect(niceDomain(0, 0)).toEqual([-1, 1]);
    expect(niceDomain(Infinity, -Infinity)).toEqual([0, 1]);
  });

  it('gives round ticks across the nice domain', () => {
    expect(niceTicks(70, 260)).toEqual([50, 100, 150, 200, 250, 300]);
    expect(niceTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(1, 25)).toEqual([0, 10, 20, 30]);
  });
});
