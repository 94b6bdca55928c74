import { alignRange, formatPromDuration, roundInterval, stepForRange } from './step';

describe('stepForRange', () => {
  it('gives one point per pixel rounded to a readable interval', () => {
    // 1 h over 1000 px: 3.6 s raw -> 5 s
    expect(stepForRange(3_600_000, 1000)).toBe(5000);
    // 6 h over 800 px: 27 s raw -> 30 s
    expect(stepForRange(6 * 3_600_000, 800)).toBe(30_000);
  });

  it('never goes below the minimum interval', () => {
    expect(stepForRange(60_000, 2000, 15_000)).toBe(15_000);
  });

  it('keeps under Prometheus point limit for long ranges', () => {
    const range = 30 * 86_400_000;
    const step = stepForRange(range, 100_000);
    expect(range / step).toBeLessThanOrEqual(11_000);
  });
});

describe('roundInterval', () => {
  it.each([
    [900, 1000],
    [1001, 2000],
    [14_000, 15_000],
    [50_000, 60_000],
    [100_000_000, 604_800_000],
  ])('%d -> %d', (raw, nice) => expect(roundInterval(raw)).toBe(nice));
});

describe('alignRange', () => {
  it('snaps both ends outward to whole steps', () => {
    expect(alignRange(1_000_123, 1_059_999, 15_000)).toEqual({ fromMs: 990_000, toMs: 1_065_000 });
  });
});

describe('formatPromDuration', () => {
  it.each([
    [15_000, '15s'],
    [60_000, '1m'],
    [5_400_000, '1h30m'],
    [500, '500ms'],
  ])('%d -> %s', (ms, text) => expect(formatPromDuration(ms)).toBe(text));
});
