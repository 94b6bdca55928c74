import { addToHistory } from './queryHistory';

describe('addToHistory', () => {
  it('puts the newest first, keeps each expression once and caps the list', () => {
    let h = addToHistory([], 'up', 1);
    h = addToHistory(h, 'rate(x[5m])', 2);
    h = addToHistory(h, ' up ', 3);
    expect(h).toEqual([
      { expr: 'up', lastRunMs: 3 },
      { expr: 'rate(x[5m])', lastRunMs: 2 },
    ]);
    expect(addToHistory(h, 'a', 4, 2).map((e) => e.expr)).toEqual(['a', 'up']);
    expect(addToHistory(h, '  ', 5)).toBe(h);
  });
});
