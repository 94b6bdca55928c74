import { describe, expect, it } from 'vitest';
import { timeTicks, zoneOffsetMs } from './timeTicks';

const at = (iso: string) => Date.parse(iso);

describe('timeTicks', () => {
  it('puts an hour of data on round 5-minute marks when about 12 fit', () => {
    const ticks = timeTicks(at('2026-11-22T10:03:10Z'), at('2026-11-22T11:03:10Z'), 12);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['10:05', '10:10', '10:15', '10:20', '10:25', '10:30', '10:35', '10:40', '10:45', '10:50', '10:55', '11:00']);
  });

  it('never gives more ticks than asked, and picks coarser steps for longer ranges', () => {
    for (const [hours, max] of [[1, 3], [6, 8], [24, 10], [24 * 7, 7], [24 * 400, 5]]) {
      const ticks = timeTicks(0, hours * 3_600_000, max);
      expect(ticks.length).toBeLessThanOrEqual(max + 1);
      expect(ticks.length).toBeGreaterThan(0);
    }
    expect(timeTicks(at('2026-11-20T00:00:00Z'), at('2026-11-22T00:00:00Z'), 8).map((t) => new Date(t).toISOString().slice(8, 13))).toEqual([
      '20T00', '20T06', '20T12', '20T18', '21T00', '21T06', '21T12', '21T18', '22T00',
    ]);
  });

  it('counts round steps in the viewer zone', () => {
    // 6-hour marks in a zone 5:30 ahead of UTC fall on its midnight, 00:00 there = 18:30 UTC.
    const ticks = timeTicks(at('2026-11-20T12:00:00Z'), at('2026-11-21T12:00:00Z'), 5, 5.5 * 3_600_000);
    expect(new Date(ticks[0]).toISOString().slice(11, 16)).toBe('12:30');
    expect(ticks.map((t) => (t + 5.5 * 3_600_000) % (6 * 3_600_000))).toEqual(ticks.map(() => 0));
  });

  it('gives nothing for an empty or reversed range', () => {
    expect(timeTicks(5, 5, 10)).toEqual([]);
    expect(timeTicks(10, 5, 10)).toEqual([]);
    expect(timeTicks(0, 10, 0)).toEqual([]);
  });

  it('knows UTC has no offset', () => {
    expect(zoneOffsetMs('UTC', Date.now())).toBe(0);
  });
});
