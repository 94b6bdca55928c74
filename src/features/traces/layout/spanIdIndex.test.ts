import { SpanIdIndex } from './spanIdIndex';

describe('SpanIdIndex', () => {
  it('finds 16-hex ids, any case, and keeps the first index of a repeated id', () => {
    const index = new SpanIdIndex(4);
    index.add('6b4e8e2a6256fbfd', 0);
    index.add('6B4E8E2A6256FBFD', 1);
    index.add('ffffffffffffffff', 2);
    index.add('0000000000000000', 3);
    expect(index.get('6b4e8e2a6256fbfd')).toBe(0);
    expect(index.get('ffffffffffffffff')).toBe(2);
    expect(index.get('0000000000000000')).toBe(3);
    expect(index.get('0000000000000001')).toBeUndefined();
  });

  it('falls back to a Map for ids of another spelling', () => {
    const index = new SpanIdIndex(2);
    index.add('a4Tu+KM9mH0=', 0);
    index.add('xyz', 1);
    expect(index.get('a4Tu+KM9mH0=')).toBe(0);
    expect(index.get('xyz')).toBe(1);
    expect(index.get('6b4e8e2a6256fbfz')).toBeUndefined();
  });

  it('keeps 100,000 ids that differ only in their low bits apart', () => {
    const index = new SpanIdIndex(100_000);
    const ids = Array.from({ length: 100_000 }, (_, i) => `deadbeef${i.toString(16).padStart(8, '0')}`);
    ids.forEach((id, i) => index.add(id, i));
    for (let i = 0; i < ids.length; i += 997) expect(index.get(ids[i])).toBe(i);
    expect(index.get('deadbeef000186a0')).toBeUndefined();
  });
});
