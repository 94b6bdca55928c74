// Where the cursor is in a stream selector, for autocomplete: typing a label name, or a value of
// a given label. Read from the text before the cursor, which is all a half-typed query has.

export type CompletionContext =
  | { kind: 'labelName'; from: number; prefix: string }
  | { kind: 'labelValue'; label: string; from: number; prefix: string; quoted: boolean };

/** Inside `{...}` when the last `{` before the cursor is not yet closed (quotes respected). */
function openSelectorStart(text: string): number {
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '{') start = i;
    else if (c === '}') start = -1;
  }
  return quote && start !== -1 ? start : quote ? -1 : start;
}

export function completionContextAt(textBefore: string): CompletionContext | undefined {
  const start = openSelectorStart(textBefore);
  if (start === -1) return undefined;
  const inside = textBefore.slice(start + 1);
  const value = /([A-Za-z_][\w]*)\s*(=~|!~|!=|=)\s*(")?((?:[^"\\]|\\.)*)$/.exec(inside);
  if (value) {
    const quoted = value[3] !== undefined;
    return { kind: 'labelValue', label: value[1], prefix: value[4], quoted, from: textBefore.length - value[4].length };
  }
  const name = /(?:^|,)\s*([A-Za-z_]\w*)?$/.exec(inside);
  if (name) {
    const prefix = name[1] ?? '';
    return { kind: 'labelName', prefix, from: textBefore.length - prefix.length };
  }
  return undefined;
}
