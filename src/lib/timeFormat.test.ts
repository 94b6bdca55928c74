import { timeFormatters } from './timeFormat';

describe('timeFormatters', () => {
  const t = Date.UTC(2026, 10, 22, 14, 5, 9);

  it('formats in UTC when asked, with the date on long ranges', () => {
    expect(timeFormatters('utc', 3_600_000, 'en-GB').axis(t)).toBe('14:05');
    expect(timeFormatters('utc', 3 * 86_400_000, 'en-GB').axis(t)).toBe('22/11, 14:05');
    expect(timeFormatters('utc', 3_600_000, 'en-GB').full(t)).toBe('22/11/2026, 14:05:09 UTC');
  });

  it('uses the browser zone otherwise', () => {
    expect(timeFormatters('browser', 3_600_000).timeZone).toBeUndefined();
  });
});
