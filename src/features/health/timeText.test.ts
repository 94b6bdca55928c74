import { agoText, latencyText, shortDuration } from './timeText';

describe('shortDuration', () => {
  it.each([
    [0, '0s'],
    [42_000, '42s'],
    [303_000, '5m 3s'],
    [4_800_000, '1h 20m'],
    [3_600_000, '1h'],
    [187_200_000, '2d 4h'],
    [-5, '0s'],
  ])('%d ms → %s', (ms, text) => expect(shortDuration(ms)).toBe(text));
});

describe('agoText', () => {
  it('reads RFC 3339 with nanoseconds and says never for the zero time', () => {
    expect(agoText('2026-11-22T13:21:57.123456789Z', Date.parse('2026-11-22T13:22:00Z'))).toBe('2s ago');
    expect(agoText('0001-01-01T00:00:00Z', Date.now())).toBe('never');
    expect(agoText(undefined, 0)).toBe('never');
  });
});

describe('latencyText', () => {
  it('keeps useful precision', () => {
    expect(latencyText(0.412)).toBe('0.4 ms');
    expect(latencyText(12.4)).toBe('12 ms');
    expect(latencyText(1180)).toBe('1.2 s');
    expect(latencyText(undefined)).toBe('–');
  });
});
