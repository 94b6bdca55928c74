// A query_range body is almost all `[<unix seconds>,"<value>"]` pairs. JSON.parse turns each pair
// into an array, a number and a string, only for them to become two numbers: for 50 series of
// 11,000 points that was 550,000 arrays and strings, and parse plus conversion plus the garbage
// collection after took about 400 ms of a 500 ms budget. This reads each `values` array straight
// into number arrays and JSON.parses only the rest (status, labels), which is small.
// Anything it does not expect inside a `values` array makes it give up (null), and the caller
// parses the body the ordinary way: the result is the same, only slower.

import type { TimeSeries } from '../types';
import { parseSampleValue } from './parse';
import { BACKSLASH, CLOSE_BRACKET, COLON, COMMA, DOT, MINUS, NINE, OPEN_BRACKET, QUOTE, ZERO } from '../../lib/jsonChars';

export interface MatrixBody {
  /** The body's JSON with each series' `values` array replaced by its index in `columns`. */
  envelope: unknown;
  columns: { timestamps: number[]; values: number[] }[];
}

/** Powers of ten that doubles hold exactly: m / 10^k is then correctly rounded (Clinger's fast path). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Up to 15 digits an integer mantissa stays below 2^53, so it is exact. */
const MAX_FAST_DIGITS = 15;

/** Null when the body is not what Prometheus sends for a matrix; then use JSON.parse. */
export function readMatrixBody(text: string): MatrixBody | null {
  const columns: MatrixBody['columns'] = [];
  const pieces: string[] = [];
  let copiedTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== QUOTE) {
      i++;
      continue;
    }
    const end = stringEnd(text, i + 1);
    if (end < 0) return null;
    const isValuesKey = end - i === 7 && text.startsWith('values', i + 1);
    i = end + 1;
    if (!isValuesKey) continue;
    let j = skipSpace(text, i);
    if (text.charCodeAt(j) !== COLON) continue; // a label value that reads "values"
    j = skipSpace(text, j + 1);
    if (text.charCodeAt(j) !== OPEN_BRACKET) continue;
    const column = { timestamps: [] as number[], values: [] as number[] };
    const after = readPairs(text, j + 1, column);
    if (after < 0) return null;
    pieces.push(text.slice(copiedTo, j), String(columns.length));
    columns.push(column);
    copiedTo = i = after;
  }
  pieces.push(text.slice(copiedTo));
  try {
    return { envelope: JSON.parse(pieces.join('')), columns };
  } catch {
    return null;
  }
}

/** The matrix series of a body read by readMatrixBody, as parsePromMatrix would give them. */
export function matrixSeries(result: { metric?: TimeSeries['labels']; values?: unknown }[], columns: MatrixBody['columns']): TimeSeries[] {
  return result.map(({ metric = {}, values }) => {
    const column = typeof values === 'number' ? columns[values] : undefined;
    return { labels: metric, timestamps: column?.timestamps ?? [], values: column?.values ?? [] };
  });
}

/** Index of the closing quote of a string whose content starts at `from`, or -1. */
function stringEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return -1;
    // A quote preceded by an odd number of backslashes is escaped.
    let backslashes = 0;
    for (let k = quote - 1; k >= from && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
    i++;
  }
}

/**
 * Reads `[t,"v"], ...]` from just after the opening bracket into the column; returns the index
 * after the closing bracket, or -1 if anything is unexpected.
 */
function readPairs(text: string, from: number, column: { timestamps: number[]; values: number[] }): number {
  let i = skipSpace(text, from);
  if (text.charCodeAt(i) === CLOSE_BRACKET) return i + 1;
  for (;;) {
    // Prometheus writes pairs compactly; those are read in one pass, anything else below.
    const compact = readCompactPair(text, i, column);
    if (compact > 0) {
      i = compact;
      const next = text.charCodeAt(i);
      if (next === COMMA) {
        i++;
        continue;
      }
      if (next === CLOSE_BRACKET) return i + 1;
      i = skipSpace(text, i);
      if (text.charCodeAt(i) === CLOSE_BRACKET) return i + 1;
      if (text.charCodeAt(i) !== COMMA) return -1;
      i = skipSpace(text, i + 1);
      continue;
    }
    if (text.charCodeAt(i) !== OPEN_BRACKET) return -1;
    i = skipSpace(text, i + 1);
    // The timestamp: a JSON number of seconds, to whole milliseconds.
    const tStart = i;
    while (i < text.length && isNumberChar(text.charCodeAt(i))) i++;
    if (i === tStart) return -1;
    const ms = secondsTextToMs(text, tStart, i);
    if (Number.isNaN(ms)) return -1;
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== COMMA) return -1;
    i = skipSpace(text, i + 1);
    if (text.charCodeAt(i) !== QUOTE) return -1;
    const vEnd = text.indexOf('"', i + 1);
    if (vEnd < 0) return -1;
    const value = valueText(text, i + 1, vEnd);
    if (value === undefined) return -1;
    column.timestamps.push(ms);
    column.values.push(value);
    i = skipSpace(text, vEnd + 1);
    if (text.charCodeAt(i) !== CLOSE_BRACKET) return -1;
    i = skipSpace(text, i + 1);
    const next = text.charCodeAt(i);
    if (next === CLOSE_BRACKET) return i + 1;
    if (next !== COMMA) return -1;
    i = skipSpace(text, i + 1);
  }
}

/**
 * `[1700000000.123,"42.5"]` exactly (whole seconds with up to 3 decimals, a plain decimal value of
 * at most 15 digits): pushes it and returns the index after `]`, or 0 to leave it to readPairs.
 */
function readCompactPair(text: string, at: number, column: { timestamps: number[]; values: number[] }): number {
  if (text.charCodeAt(at) !== OPEN_BRACKET) return 0;
  let i = at + 1;
  let c = text.charCodeAt(i);
  let whole = 0;
  const wholeStart = i;
  while (c >= ZERO && c <= NINE) {
    whole = whole * 10 + (c - ZERO);
    c = text.charCodeAt(++i);
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > MAX_FAST_DIGITS - 3) return 0;
  let ms = whole * 1000;
  if (c === DOT) {
    let fraction = 0;
    const fractionStart = ++i;
    c = text.charCodeAt(i);
    while (c >= ZERO && c <= NINE) {
      fraction = fraction * 10 + (c - ZERO);
      c = text.charCodeAt(++i);
    }
    const digits = i - fractionStart;
    if (digits === 0 || digits > 3) return 0;
    ms += fraction * POW10[3 - digits];
  }
  if (c !== COMMA || text.charCodeAt(i + 1) !== QUOTE) return 0;
  i += 2;
  c = text.charCodeAt(i);
  const negative = c === MINUS;
  if (negative) c = text.charCodeAt(++i);
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (;;) {
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === DOT && fractionDigits < 0) {
      fractionDigits = 0;
    } else break;
    c = text.charCodeAt(++i);
  }
  if (c !== QUOTE || digits === 0 || digits > MAX_FAST_DIGITS || fractionDigits === 0 || text.charCodeAt(i + 1) !== CLOSE_BRACKET) return 0;
  const magnitude = fractionDigits > 0 ? mantissa / POW10[fractionDigits] : mantissa;
  column.timestamps.push(ms);
  column.values.push(negative ? -magnitude : magnitude);
  return i + 2;
}

function isNumberChar(c: number): boolean {
  return (c >= ZERO && c <= NINE) || c === DOT || c === MINUS || c === 43 /* + */ || c === 101 /* e */ || c === 69 /* E */;
}

/** Seconds as Prometheus prints them (`1700000000.123`) to epoch ms, exactly; NaN if not a number. */
function secondsTextToMs(text: string, start: number, end: number): number {
  let whole = 0;
  let i = start;
  while (i < end && isDigit(text.charCodeAt(i))) whole = whole * 10 + (text.charCodeAt(i++) - ZERO);
  if (i > start && i - start <= MAX_FAST_DIGITS - 3) {
    if (i === end) return whole * 1000;
    if (text.charCodeAt(i) === DOT && end - i - 1 <= 3 && end - i > 1) {
      let fraction = 0;
      let digits = 0;
      for (let k = i + 1; k < end; k++, digits++) {
        const c = text.charCodeAt(k);
        if (!isDigit(c)) return slowMs(text, start, end);
        fraction = fraction * 10 + (c - ZERO);
      }
      return whole * 1000 + fraction * POW10[3 - digits];
    }
  }
  return slowMs(text, start, end);
}

function slowMs(text: string, start: number, end: number): number {
  const seconds = Number(text.slice(start, end));
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : NaN;
}

/** A sample value between quotes: plain decimals fast, anything else (NaN, ±Inf, 1e-7) as Prometheus's. */
function valueText(text: string, start: number, end: number): number | undefined {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === DOT && fractionDigits < 0) {
      fractionDigits = 0;
    } else {
      break;
    }
  }
  if (i === end && digits > 0 && digits <= MAX_FAST_DIGITS && fractionDigits !== 0) {
    const value = fractionDigits > 0 ? mantissa / POW10[fractionDigits] : mantissa;
    return negative ? -value : value;
  }
  const raw = text.slice(start, end);
  if (raw.includes('\\')) return undefined;
  const value = parseSampleValue(raw);
  return Number.isNaN(value) && raw !== 'NaN' ? undefined : value;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
