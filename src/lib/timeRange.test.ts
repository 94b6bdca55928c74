import { describeRange, parseDuration, parseTime, resolveRange, TimeRangeError } from './timeRange';

const NOW = Date.UTC(2026, 10, 22, 14, 30, 15, 500); // 2026-11-22T14:30:15.500Z

describe('parseDuration', () => {
  it.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['2d', 172_800_000],
    ['1.5s', 1500],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'abc', '5', '5x', 'm5', '5m junk'])('rejects %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('parseTime', () => {
  it('reads relative expressions', () => {
    expect(parseTime('now', NOW)).toBe(NOW);
    expect(parseTime('now-6h', NOW)).toBe(NOW - 6 * 3_600_000);
    expect(parseTime('now+5m', NOW)).toBe(NOW + 300_000);
    expect(parseTime('now-1h-30m', NOW)).toBe(NOW - 5_400_000);
  });

  it('rounds to the start of the unit, or to its end for the end of a range', () => {
    expect(parseTime('now/m', NOW)).toBe(Date.UTC(2026, 10, 22, 14, 30, 0, 0));
    expect(parseTime('now/m', NOW, true)).toBe(Date.UTC(2026, 10, 22, 14, 30, 59, 999));
    const startOfDay = new Date(new Date(NOW).getFullYear(), new Date(NOW).getMonth(), new Date(NOW).getDate()).getTime();
    expect(parseTime('now/d', NOW)).toBe(startOfDay);
    expect(parseTime('now-1d/d', NOW)).toBe(startOfDay - 86_400_000);
  });

  it('reads epoch milliseconds, epoch seconds and ISO', () => {
    expect(parseTime('1795353661706', NOW)).toBe(1795353661706);
    expect(parseTime('1795353661', NOW)).toBe(1795353661000);
    expect(parseTime('2026-11-22T13:21:01.706Z', NOW)).toBe(Date.UTC(2026, 10, 22, 13, 21, 1, 706));
  });

  it.each(['yesterday', 'now-', 'now-6x', 'now/q', '2026-13-45'])('rejects %j', (text) => {
    expect(parseTime(text, NOW)).toBeNull();
  });
});

describe('resolveRange', () => {
  it('resolves both ends', () => {
    expect(resolveRange({ from: 'now-1h', to: 'now' }, NOW)).toEqual({ fromMs: NOW - 3_600_000, toMs: NOW });
  });

  it('names the bad end', () => {
    expect(() => resolveRange({ from: 'banana', to: 'now' }, NOW)).toThrow(new TimeRangeError('Invalid start time "banana"'));
    expect(() => resolveRange({ from: 'now', to: 'now-1h' }, NOW)).toThrow(/not before/);
  });
});

describe('describeRange', () => {
  it('names quick ranges and shows absolute ends as UTC', () => {
    expect(describeRange({ from: 'now-6h', to: 'now' })).toBe('Last 6 hours');
    expect(describeRange({ from: '1795353661706', to: '1795357261706' })).toBe('2026-11-22 13:21:01 to 2026-11-22 14:21:01');
  });
});
