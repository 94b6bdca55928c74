// Where the cursor is in a TraceQL query, for autocomplete: naming an attribute inside a
// spanset filter `{ ... }`, or giving the value after `attr =`. Pure, so it is unit-tested
// without an editor.

export type TraceQLCompletionContext =
  | { kind: 'attribute'; from: number; prefix: string }
  | { kind: 'value'; from: number; attribute: string; quoted: boolean; prefix: string };

function insideFilter(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

const OPERAND = String.raw`([A-Za-z_.:][\w.:\-/]*)\s*(?:=~|!~|!=|>=|<=|=|>|<)\s*`;
const QUOTED_VALUE = new RegExp(`${OPERAND}"((?:[^"\\\\]|\\\\.)*)$`);
const BARE_VALUE = new RegExp(`${OPERAND}([^\\s"{}()&|!]*)$`);
const ATTRIBUTE = /(?:^|[\s{(&|!])((?:resource|span|event|link|instrumentation)?\.?[\w.\-:/]*)$/;

export function traceqlCompletionContext(textBefore: string): TraceQLCompletionContext | null {
  if (!insideFilter(textBefore)) return null;
  const quoted = QUOTED_VALUE.exec(textBefore);
  const value = quoted ?? BARE_VALUE.exec(textBefore);
  if (value) {
    return { kind: 'value', attribute: value[1], quoted: Boolean(quoted), prefix: value[2], from: textBefore.length - value[2].length };
  }
  const attribute = ATTRIBUTE.exec(textBefore);
  if (attribute) return { kind: 'attribute', prefix: attribute[1], from: textBefore.length - attribute[1].length };
  return null;
}

/** TraceQL's intrinsics and the values the fixed ones take. */
export const INTRINSIC_VALUES: Record<string, string[]> = {
  status: ['error', 'ok', 'unset'],
  kind: ['server', 'client', 'producer', 'consumer', 'internal', 'unspecified'],
};

/** Tempo's scoped tag names (`scopes[{name, tags}]`) as a query writes them. */
export function scopedAttributeNames(scopes: { name: string; tags: string[] }[]): string[] {
  const names = new Set<string>();
  for (const scope of scopes) {
    for (const tag of scope.tags) {
      if (scope.name === 'intrinsic') names.add(tag);
      else if (scope.name === 'unscoped') names.add(`.${tag}`);
      else names.add(`${scope.name}.${tag}`);
    }
  }
  return [...names].sort();
}

/** `invalid TraceQL query: parse error at line 1, col 40: ...` to an offset in the query. */
export function traceqlErrorOffset(query: string, message: string): number | undefined {
  const m = /line (\d+), col (\d+)/.exec(message);
  if (!m) return undefined;
  const lines = query.split('\n');
  const line = Math.min(Number(m[1]), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < line; i++) offset += lines[i].length + 1;
  return Math.min(offset + Math.max(Number(m[2]) - 1, 0), query.length);
}
