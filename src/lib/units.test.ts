import { formatValue } from './units';

describe('formatValue', () => {
  it.each([
    [0.0123, 's', undefined, '12.3 ms'],
    [0.5, 's', undefined, '500 ms'],
    [95, 's', undefined, '1.58 min'],
    [250, 'ms', undefined, '250 ms'],
    [1500, 'ms', 1, '1.5 s'],
    [0.5, 'percentunit', undefined, '50%'],
    [0.98765, 'percentunit', 1, '98.8%'],
    [42, 'percent', undefined, '42%'],
    [1536, 'bytes', undefined, '1.5 KiB'],
    [398458880, 'bytes', 0, '380 MiB'],
    [1500, 'decbytes', undefined, '1.5 kB'],
    [12.345, 'reqps', undefined, '12.3 req/s'],
    [2500, 'reqps', undefined, '2.5 K req/s'],
    [3.456, 'currencyUSD', 2, '$3.46'],
    [-3, 'currencyEUR', 0, '-€3'],
    [1234567, 'short', undefined, '1.23 M'],
    [0, 'short', undefined, '0'],
    [7, 'none', 2, '7.00'],
  ])('%s in %s (decimals %s) is %s', (value, unit, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });

  it('says so for missing values and infinities', () => {
    expect(formatValue(null)).toBe('No value');
    expect(formatValue(NaN, 's')).toBe('No value');
    expect(formatValue(Infinity)).toBe('+Inf');
  });
});
