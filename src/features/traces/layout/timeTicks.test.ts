import { formatDurationUs, formatShare } from './format';
import { niceStep, timeTicks } from './timeTicks';

describe('time ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(250_000, 5)).toBe(50_000);
    expect(niceStep(1_240_000, 8)).toBe(200_000);
    expect(niceStep(7, 10)).toBe(1);
  });

  it('places ticks inside the window', () => {
    expect(timeTicks(0, 250_000, 5)).toEqual([0, 50_000, 100_000, 150_000, 200_000, 250_000]);
    expect(timeTicks(12_000, 31_000, 4)).toEqual([15_000, 20_000, 25_000, 30_000]);
  });
});

describe('format', () => {
  it.each([
    [0.4, '0.4 µs'],
    [250_000, '250 ms'],
    [1_240_000, '1.24 s'],
    [1500, '1.5 ms'],
  ])('%d µs -> %s', (us, text) => expect(formatDurationUs(us)).toBe(text));
  it('rounds shares to whole percent', () => expect(formatShare(0.72)).toBe('72%'));
});
