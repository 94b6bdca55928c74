import { HistoryRing, uptimePercent } from './historyRing.ts';

describe('HistoryRing', () => {
  it('keeps insertion order until full', () => {
    const ring = new HistoryRing<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
  });

  it('drops the oldest once full, oldest first in the output', () => {
    const ring = new HistoryRing<number>(3);
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.size).toBe(3);
  });

  it('holds 60 by default', () => {
    const ring = new HistoryRing<number>();
    for (let i = 0; i < 100; i++) ring.push(i);
    expect(ring.toArray()).toHaveLength(60);
    expect(ring.toArray()[0]).toBe(40);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new HistoryRing(0)).toThrow(RangeError);
    expect(() => new HistoryRing(2.5)).toThrow(RangeError);
  });
});

describe('uptimePercent', () => {
  it('counts ok and degraded as up, to one decimal', () => {
    expect(uptimePercent([{ state: 'ok' }, { state: 'degraded' }, { state: 'failing' }])).toBe(66.7);
    expect(uptimePercent([{ state: 'ok' }])).toBe(100);
    expect(uptimePercent([{ state: 'failing' }, { state: 'unknown' }])).toBe(0);
  });

  it('is null with no history', () => {
    expect(uptimePercent([])).toBeNull();
  });
});
