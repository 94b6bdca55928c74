import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks } from './niceScale';

describe('niceScale', () => {
  it('rounds steps up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.3, 2.2, 3, 7, 12, 0.013].map(niceStep)).toEqual([1, 1, 2, 2.5, 5, 10, 20, 0.02]);
    expect(niceStep(0)).toBe(1);
  });

  it('widens the data to round bounds: the first and last ticks', () => {
    const bounds = (min: number, max: number) => [niceTicks(min, max)[0], niceTicks(min, max).at(-1)];
    expect(bounds(50, 395)).toEqual([0, 400]);
    expect(bounds(-3.2, 7.9)).toEqual([-5, 10]);
    expect(bounds(0.011, 0.049)).toEqual([0.01, 0.05]);
  });

  it('gives a flat series some room, and no data a unit range', () => {
    const flat = niceTicks(5, 5);
    expect(flat[0]).toBeLessThan(5);
    expect(flat.at(-1)).toBeGreaterThan(5);
    expect([niceTicks(0, 0)[0], niceTicks(0, 0).at(-1)]).toEqual([-1, 1]);
    expect(niceTicks(Infinity, -Infinity)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('gives round ticks across the nice domain', () => {
    expect(niceTicks(70, 260)).toEqual([50, 100, 150, 200, 250, 300]);
    expect(niceTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(1, 25)).toEqual([0, 10, 20, 30]);
  });
});
