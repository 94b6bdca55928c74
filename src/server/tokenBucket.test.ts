import { createTokenBucket } from './tokenBucket.ts';

describe('createTokenBucket', () => {
  it('allows a burst, refuses beyond it and refills over time', () => {
    let time = 0;
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2, now: () => time });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    time = 400; // 0.8 tokens: not yet
    expect(bucket.take()).toBe(false);
    time = 500; // 0.2 more: one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    time = 60_000; // refills up to capacity, no further
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});
