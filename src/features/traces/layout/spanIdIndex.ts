// Span id -> input index for a whole trace. Span ids are 16 hex chars (64 bits); reading them
// as two 32-bit halves into an open-addressing table avoids hashing 200,000 strings in a Map,
// which was the costliest step of laying out a 100,000-span trace. Ids of any other spelling
// (a tracer or converter that got them wrong) go to a Map, so nothing is lost.

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

export class SpanIdIndex {
  private readonly mask: number;
  private readonly hi: Int32Array;
  private readonly lo: Int32Array;
  private readonly value: Int32Array;
  private readonly other = new Map<string, number>();
  // Not a plain array: Chrome keeps small integers unboxed only up to 2^30, so storing id halves
  // there allocated a heap number per read (about half the layout's index time at 100,000 spans).
  private readonly half = new Int32Array(2);

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    this.mask = size - 1;
    this.hi = new Int32Array(size);
    this.lo = new Int32Array(size);
    this.value = new Int32Array(size).fill(-1);
  }

  /** Reads a 16-hex id into this.half; false for any other spelling. */
  private read(id: string): boolean {
    if (id.length !== 16) return false;
    for (let h = 0; h < 2; h++) {
      let v = 0;
      for (let i = h * 8; i < h * 8 + 8; i++) {
        const d = hexDigit(id.charCodeAt(i));
        if (d < 0) return false;
        v = (v << 4) | d;
      }
      this.half[h] = v;
    }
    return true;
  }

  private slot(hi: number, lo: number): number {
    let h = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 13) & this.mask;
    while (this.value[h] >= 0 && !(this.hi[h] === hi && this.lo[h] === lo)) h = (h + 1) & this.mask;
    return h;
  }

  /** Keeps the first index given for an id. */
  add(id: string, index: number): void {
    if (!this.read(id)) {
      if (!this.other.has(id)) this.other.set(id, index);
      return;
    }
    const h = this.slot(this.half[0], this.half[1]);
    if (this.value[h] >= 0) return;
    this.hi[h] = this.half[0];
    this.lo[h] = this.half[1];
    this.value[h] = index;
  }

  get(id: string): number | undefined {
    if (!this.read(id)) return this.other.get(id);
    const v = this.value[this.slot(this.half[0], this.half[1])];
    return v >= 0 ? v : undefined;
  }
}
