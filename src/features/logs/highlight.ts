// Search terms highlighted by splitting the text into plain and matched pieces, rendered as text
// nodes and <mark>: the line itself is never parsed as HTML.

export interface TextPiece {
  text: string;
  match: boolean;
}

/** Match ranges of every term, merged where they overlap. Literal terms match case-sensitively, as `|=` does. */
export function matchRanges(text: string, terms: Array<string | RegExp>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (typeof term === 'string') {
      for (let i = text.indexOf(term); i !== -1 && term; i = text.indexOf(term, i + term.length)) ranges.push([i, i + term.length]);
    } else {
      const re = new RegExp(term.source, term.flags.includes('g') ? term.flags : `${term.flags}g`);
      for (const m of text.matchAll(re)) if (m[0]) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

export function splitHighlights(text: string, terms: Array<string | RegExp>): TextPiece[] {
  if (!terms.length) return [{ text, match: false }];
  const pieces: TextPiece[] = [];
  let pos = 0;
  for (const [from, to] of matchRanges(text, terms)) {
    if (from > pos) pieces.push({ text: text.slice(pos, from), match: false });
    pieces.push({ text: text.slice(from, to), match: true });
    pos = to;
  }
  if (pos < text.length || !pieces.length) pieces.push({ text: text.slice(pos), match: false });
  return pieces;
}
