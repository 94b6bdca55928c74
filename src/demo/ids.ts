// Trace and span ids for the demo stack, and the hex/base64 conversions the wire formats need.
//
// A demo trace id is a pure function of (seed, time bucket, trace kind), and it can be turned back
// into that triple: its low 64 bits are the bucket and kind run through a small keyed Feistel
// network, so `/api/traces/<id>` finds any demo trace without an index or a time range.

import { hash32 } from './random.ts';

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function feistel(seed: number, left: number, right: number, decrypt: boolean): [number, number] {
  let l = left >>> 0;
  let r = right >>> 0;
  const rounds = [0, 1, 2, 3];
  if (decrypt) {
    for (const round of rounds.reverse()) [l, r] = [(r ^ hash32(seed, 'feistel', round, l)) >>> 0, l];
  } else {
    for (const round of rounds) [l, r] = [r, (l ^ hash32(seed, 'feistel', round, r)) >>> 0];
  }
  return [l, r];
}

/**
 * The trace id of the demo trace of `kind` in time bucket `bucket`.
 * With `leadingZeroByte` the first byte is 00, like trace A of the fixtures, so search results show
 * Tempo's leading-zero stripping.
 */
export function demoTraceId(seed: number, bucket: number, kind: number, leadingZeroByte = false): string {
  const [l, r] = feistel(seed, bucket, kind, false);
  let hi = hash32(seed, 'trace-hi', bucket, kind);
  if (leadingZeroByte) hi &= 0x00ffffff;
  return hex8(hi) + hex8(hash32(seed, 'trace-mid', bucket, kind)) + hex8(l) + hex8(r);
}

/** The (bucket, kind) a demo trace id was made from, or undefined when it cannot be one. */
export function decodeDemoTraceId(seed: number, traceIdHex: string): { bucket: number; kind: number } | undefined {
  const hex = traceIdHex.toLowerCase().padStart(32, '0');
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  const [bucket, kind] = feistel(seed, parseInt(hex.slice(16, 24), 16), parseInt(hex.slice(24, 32), 16), true);
  if (kind > 0xff) return undefined;
  return { bucket, kind };
}

/** A 16-hex span id keyed on its parts. */
export function demoSpanId(...parts: Array<number | string>): string {
  return hex8(hash32('span-a', ...parts)) + hex8(hash32('span-b', ...parts));
}

/** Lowercase hex (any even length) to standard base64, as Tempo's JSON carries ids. */
export function hexToBase64(hex: string): string {
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

export function base64ToHex(b64: string): string {
  const binary = atob(b64);
  let hex = '';
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

/** Tempo's search and Jaeger print a trace id with its leading zeros dropped. */
export function stripLeadingZeros(hex: string): string {
  return hex.replace(/^0+(?=.)/, '');
}
