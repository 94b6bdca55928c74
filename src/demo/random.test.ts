import { base64ToHex, decodeDemoTraceId, demoTraceId, hexToBase64, stripLeadingZeros } from './ids.ts';
import { hash32, incident, mulberry32, smoothNoise, unit } from './random.ts';

describe('seeded randomness', () => {
  it('is a pure function of its keys', () => {
    expect(hash32(1, 'a', 2.5)).toBe(hash32(1, 'a', 2.5));
    expect(hash32(1, 'a', 2.5)).not.toBe(hash32(1, 'a', 2.6));
    expect(hash32(1_795_353_661_706)).not.toBe(hash32(1_795_353_661_707));
    const u = unit(42, 'x');
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThan(1);
  });

  it('gives the same mulberry32 sequence for the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('has smooth noise in [-1, 1] that does not jump between neighbouring seconds', () => {
    for (let t = 0; t < 3600; t += 7) {
      const v = smoothNoise(3, t, 600);
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(Math.abs(smoothNoise(3, t + 1, 600) - v)).toBeLessThan(0.02);
    }
  });

  it('has incidents in some 3-hour blocks and not in others', () => {
    const levels = Array.from({ length: 24 * 60 }, (_, m) => incident(20261122, 1_795_300_000 + m * 60));
    expect(levels.some((x) => x === 1)).toBe(true);
    expect(levels.filter((x) => x === 0).length).toBeGreaterThan(levels.length / 2);
  });
});

describe('demo ids', () => {
  it('round-trips a trace id to its bucket and kind', () => {
    const id = demoTraceId(99, 89_767_920, 1);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(decodeDemoTraceId(99, id)).toEqual({ bucket: 89_767_920, kind: 1 });
  });

  it('can force a leading 00 byte, which search strips', () => {
    const id = demoTraceId(99, 5, 1, true);
    expect(id.startsWith('00')).toBe(true);
    expect(stripLeadingZeros(id).length).toBeLessThan(31);
  });

  it('converts hex and base64 like the fixtures (trace A)', () => {
    expect(hexToBase64('0074956cf36b07561fc0cc1c6fe2ffad')).toBe('AHSVbPNrB1YfwMwcb+L/rQ==');
    expect(base64ToHex('a06OKmJW+/0=')).toBe('6b4e8e2a6256fbfd');
    expect(stripLeadingZeros('0074956cf36b07561fc0cc1c6fe2ffad')).toBe('74956cf36b07561fc0cc1c6fe2ffad');
  });
});
