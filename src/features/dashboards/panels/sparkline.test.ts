import { fractionOf, gaugeArcPath, sparklinePoints } from './sparkline';

describe('panel geometry', () => {
  it('scales a sparkline into its box, skipping gaps', () => {
    expect(sparklinePoints([0, 5, 10], 100, 10)).toBe('0.0,10.0 50.0,5.0 100.0,0.0');
    expect(sparklinePoints([1, NaN, 3], 10, 10)).toBe('0.0,10.0 10.0,0.0');
    expect(sparklinePoints([1], 10, 10)).toBe('');
  });

  it('clamps fractions', () => {
    expect(fractionOf(5, 0, 10)).toBe(0.5);
    expect(fractionOf(20, 0, 10)).toBe(1);
    expect(fractionOf(1, 1, 1)).toBe(0);
  });

  it('draws a full dial as a large arc', () => {
    expect(gaugeArcPath(1, 50, 50, 40)).toMatch(/A 40 40 0 1 1/);
    expect(gaugeArcPath(0.25, 50, 50, 40)).toMatch(/A 40 40 0 0 1/);
  });
});
