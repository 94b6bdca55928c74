// Seeded, stateless randomness for the demo stack. Everything is keyed on the seed and on
// absolute time buckets, so the same question always gets the same answer, whatever range
// or step it is asked with.

export const DEMO_SEED = 20261122;

/** murmur3-style mixing step over 32-bit words. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO_32 = 4294967296;

/** Hash of numbers (any safe integer or float) and strings to an unsigned 32-bit integer. */
export function hash32(...parts: Array<number | string>): number {
  let h = 0x9747b28c;
  for (const part of parts) {
    if (typeof part === 'number') {
      if (Number.isInteger(part)) {
        h = mix(h, part % TWO_32 | 0);
        h = mix(h, Math.floor(part / TWO_32) | 0);
      } else {
        const f = new Float64Array([part]);
        const u = new Uint32Array(f.buffer);
        h = mix(mix(h, u[0]!), u[1]!);
      }
    } else {
      for (let i = 0; i < part.length; i++) h = mix(h, part.charCodeAt(i));
      h = mix(h, part.length);
    }
  }
  return finalize(h);
}

/** A uniform number in [0, 1) keyed on the parts. */
export function unit(...parts: Array<number | string>): number {
  return hash32(...parts) / TWO_32;
}

/** Fast path for hot loops: a uniform number in [0, 1) from a pre-hashed key and an index. */
export function unit2(key: number, index: number): number {
  return finalize(mix(mix(key | 0, index % TWO_32 | 0), Math.floor(index / TWO_32) | 0)) / TWO_32;
}

/** mulberry32: a small sequential PRNG for building one object (a trace, a large trace). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_32;
  };
}

export function pick<T>(items: readonly T[], u: number): T {
  return items[Math.min(items.length - 1, Math.floor(u * items.length))]!;
}

/** Weighted choice: weights need not sum to 1. */
export function pickWeighted<T>(items: readonly (readonly [T, number])[], u: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = u * total;
  for (const [item, w] of items) {
    if (x < w) return item;
    x -= w;
  }
  return items[items.length - 1]![0];
}

/** Between lo and hi, uniformly. */
export function between(u: number, lo: number, hi: number): number {
  return lo + u * (hi - lo);
}

/**
 * Smooth value noise in [-1, 1]: random knots every `periodSec`, cosine-interpolated, so a curve
 * wanders without jumping and any point can be computed alone.
 */
export function smoothNoise(key: number, tSec: number, periodSec: number): number {
  const x = tSec / periodSec;
  const i = Math.floor(x);
  const f = x - i;
  const a = unit2(key, i) * 2 - 1;
  const b = unit2(key, i + 1) * 2 - 1;
  const w = (1 - Math.cos(f * Math.PI)) / 2;
  return a + (b - a) * w;
}

/** Daily traffic shape in [0, 1], peaking mid-afternoon UTC. */
export function diurnal(tSec: number): number {
  const day = ((tSec % 86400) + 86400) % 86400;
  return 0.5 + 0.5 * Math.sin(((day - 8 * 3600) / 86400) * 2 * Math.PI);
}

/**
 * Incident intensity in [0, 1]: in about half of the 3-hour blocks there is a 10 to 25 minute
 * incident (slow lookups, errors, a growing queue) with smooth edges.
 */
export function incident(seed: number, tSec: number): number {
  const block = Math.floor(tSec / 10800);
  if (unit(seed, 'incident', block) < 0.5) return 0;
  const start = block * 10800 + 600 + unit(seed, 'incident-start', block) * 8400;
  const length = 600 + unit(seed, 'incident-length', block) * 900;
  const ramp = 120;
  const x = tSec - start;
  if (x < 0 || x > length) return 0;
  return Math.min(1, x / ramp, (length - x) / ramp);
}
