// Cuts the elements of chosen arrays out of a JSON text that arrives in pieces (a streamed
// response), so each element can be parsed while the rest is still downloading. What is left,
// the "skeleton", keeps every cut element's place as its ordinal number (`"spans":[0,1,2]`), so
// JSON.parse of the skeleton still sees the whole structure: the text is valid JSON exactly when
// the skeleton and every cut element are, and duplicate keys resolve as JSON.parse resolves them.
//
// The scanner only tracks what it needs: strings (with escapes, possibly split across pieces),
// nesting, and object keys outside cut elements. It does not validate; the JSON.parse calls do.
// Scanning every character of a 35 MB body costs about a third of parsing it, so where it can the
// cutter skips the scan: from an element's start it guesses the last element end in the next
// 64 KB of the piece (`},` and the element's first key again, `},{"traceId":`) and parses the run
// up to it as one array. A wrong guess cannot parse (it leaves a string, object or array open, or
// closes one too many), so it only costs that attempt, and that stretch is scanned instead.

import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from '../lib/jsonChars';

/** A container on the path from the root: its kind and the key it sits under (null in an array or at the root). */
export interface PathStep {
  kind: '{' | '[';
  key: string | null;
}

interface Frame extends PathStep {
  /** Objects: the last key read. */
  lastKey: string | null;
  /** Objects: the next string is a key. */
  expectKey: boolean;
  /** Arrays: object elements are cut out. */
  cut: boolean;
}

/**
 * Chars a run covers at most. A wrong guess (a run reaching past its array's end, which every
 * array's last window makes) costs a failed parse and a scan of this many chars.
 */
const RUN_WINDOW = 65_536;

export class JsonArrayCutter {
  private readonly frames: Frame[] = [];
  private readonly skeleton: string[] = [];
  /** Inside a cut element: its nesting depth (0 outside). */
  private depth = 0;
  private readonly elementParts: string[] = [];
  private inString = false;
  /** Backslashes ending the previous piece, inside a string (they may escape a quote that starts this one). */
  private carriedBackslashes = 0;
  /** Pieces of a key string that started in an earlier piece. */
  private readonly keyParts: string[] = [];
  private count = 0;

  /**
   * @param isCutArray decides, when an array opens, whether its object elements are cut out;
   *   it gets the path from the root to that array (inclusive).
   * @param onElement gets each cut element, parsed, in document order, numbered from 0.
   */
  constructor(
    private readonly isCutArray: (path: readonly PathStep[]) => boolean,
    private readonly onElement: (element: object, ordinal: number) => void,
  ) {}

  /** Scans the next piece of the text. Throws a SyntaxError for an element that is not valid JSON. */
  write(piece: string): void {
    const n = piece.length;
    let runRetryAt = 0; // after a failed attempt, the window it covered is scanned
    let i = 0;
    let elementFrom = 0; // where the current element's text starts in this piece
    let skeletonFrom = 0; // where the unflushed skeleton starts in this piece
    let stringFrom = 0; // where the current string starts in this piece
    while (i < n) {
      if (this.inString) {
        const q = piece.indexOf('"', i);
        if (q < 0) {
          this.carryBackslashes(piece, i);
          i = n;
          break;
        }
        let k = q - 1;
        while (k >= 0 && piece.charCodeAt(k) === BACKSLASH) k--;
        const backslashes = q - 1 - k + (k < 0 ? this.carriedBackslashes : 0);
        this.carriedBackslashes = 0;
        i = q + 1;
        if (backslashes % 2 === 1) continue; // an escaped quote
        this.inString = false;
        if (this.depth === 0) this.endString(piece, stringFrom, i);
        continue;
      }
      const c = piece.charCodeAt(i++);
      if (c === QUOTE) {
        this.inString = true;
        this.carriedBackslashes = 0;
        stringFrom = i - 1;
      } else if (this.depth > 0) {
        if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --this.depth === 0) {
          this.emit(piece.slice(elementFrom, i));
          skeletonFrom = i;
        }
      } else if (c === OPEN_BRACE && this.top()?.cut) {
        this.skeleton.push(piece.slice(skeletonFrom, i - 1));
        if (i - 1 >= runRetryAt) {
          const runEnd = this.parseRun(piece, i - 1);
          if (runEnd >= 0) {
            skeletonFrom = i = runEnd;
            continue;
          }
          runRetryAt = i - 1 + RUN_WINDOW;
        }
        elementFrom = i - 1;
        this.depth = 1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.open(c === OPEN_BRACE ? '{' : '[');
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.frames.pop();
      } else if (c === COMMA) {
        const top = this.top();
        if (top?.kind === '{') top.expectKey = true;
      }
    }
    if (this.depth > 0) {
      this.elementParts.push(piece.slice(elementFrom));
    } else {
      this.skeleton.push(piece.slice(skeletonFrom));
      if (this.inString && this.readingKey()) this.keyParts.push(piece.slice(stringFrom));
    }
  }

  /** The skeleton: the text with each cut element replaced by its ordinal. */
  end(): string {
    if (this.depth > 0) this.skeleton.push(this.elementParts.join('')); // unterminated: JSON.parse will say so
    return this.skeleton.join('');
  }

  private top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private readingKey(): boolean {
    const top = this.top();
    return top?.kind === '{' && top.expectKey;
  }

  private open(kind: '{' | '['): void {
    const parent = this.top();
    const frame: Frame = { kind, key: parent?.kind === '{' ? parent.lastKey : null, lastKey: null, expectKey: kind === '{', cut: false };
    this.frames.push(frame);
    if (kind === '[') frame.cut = this.isCutArray(this.frames);
  }

  /** A string outside cut elements ended at `end`: if it was a key, note it. */
  private endString(piece: string, from: number, end: number): void {
    if (!this.readingKey()) return;
    const top = this.top()!;
    const literal = this.keyParts.length > 0 ? this.keyParts.join('') + piece.slice(0, end) : piece.slice(from, end);
    this.keyParts.length = 0;
    top.expectKey = false;
    try {
      top.lastKey = JSON.parse(literal) as string;
    } catch {
      top.lastKey = null; // an invalid string: the skeleton's JSON.parse reports it
    }
  }

  private emit(tail: string): void {
    const text = this.elementParts.length > 0 ? this.elementParts.join('') + tail : tail;
    this.elementParts.length = 0;
    this.add(JSON.parse(text) as object);
  }

  private add(element: object): void {
    const ordinal = this.count++;
    this.skeleton.push(String(ordinal));
    this.onElement(element, ordinal);
  }

  /**
   * From an element's start, parses the run of whole elements that ends at the last element end
   * found in the window. Gives the index after the run, or -1 when there is no such run.
   */
  private parseRun(piece: string, start: number): number {
    const firstKey = FIRST_KEY.exec(piece.slice(start, start + 64))?.[0];
    if (!firstKey) return -1;
    const windowEnd = Math.min(piece.length, start + RUN_WINDOW);
    const end = piece.lastIndexOf('},' + firstKey, windowEnd - firstKey.length - 2);
    if (end <= start) return -1;
    let run: unknown[];
    try {
      run = JSON.parse('[' + piece.slice(start, end + 1) + ']') as unknown[];
    } catch {
      return -1;
    }
    // Elements that are not objects stay in the skeleton: leave this run to the scan.
    if (!run.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e))) return -1;
    for (let k = 0; k < run.length; k++) {
      if (k > 0) this.skeleton.push(',');
      this.add(run[k] as object);
    }
    return end + 1;
  }

  private carryBackslashes(piece: string, from: number): void {
    let k = piece.length - 1;
    while (k >= from && piece.charCodeAt(k) === BACKSLASH) k--;
    const run = piece.length - 1 - k;
    // A piece made only of backslashes continues the run before it.
    this.carriedBackslashes = k < from && from === 0 ? this.carriedBackslashes + run : run;
  }
}

/** An element's opening brace and first key, as compact JSON writes them: `{"traceId":`. */
const FIRST_KEY = /^\{"[^"\\]*":/;
