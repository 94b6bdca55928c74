// Loki's error texts, explained: where a parse error points, and what a limit means for the user.

export interface ParsePosition {
  line: number;
  column: number;
  /** 0-based offset into the query. */
  offset: number;
}

/** `parse error at line 1, col 24: ...` → where in the query, when it is inside it. */
export function parseErrorPosition(message: string, query: string): ParsePosition | undefined {
  const m = /parse error at line (\d+), col (\d+)/.exec(message);
  if (!m) return undefined;
  const line = Number(m[1]);
  const column = Number(m[2]);
  const lines = query.split('\n');
  if (line < 1 || line > lines.length) return undefined;
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
  return { line, column, offset: Math.min(query.length, offset + column - 1) };
}

/** A sentence in plain words for the limits Loki enforces; undefined for other errors. */
export function explainLokiLimit(message: string): string | undefined {
  let m = /max entries limit per query exceeded, limit > max_entries_limit(?:_per_query)? \((\d+) > (\d+)\)/.exec(message);
  if (m) return `This Loki returns at most ${m[2]} lines per query (asked for ${m[1]}). Lower the line limit to ${m[2]} or fewer, and page back with "Load older".`;
  m = /the query time range exceeds the limit \(query length: ([^,]+), limit: ([^)]+)\)/.exec(message);
  if (m) return `The time range (${m[1]}) is longer than this Loki allows (${m[2]}). Pick a shorter range.`;
  if (/maximum of series \(\d+\) reached|max_query_series/.test(message)) return 'The query returns more series than Loki allows: group by fewer labels or narrow the selector.';
  if (/too many outstanding requests|rate limit|429/.test(message)) return 'Loki is rate-limiting queries: wait a moment and run it again.';
  if (/queries require at least one regexp or equality matcher/.test(message)) return 'Loki needs at least one label matcher that is not empty-compatible, for example {service_name="homebot"}.';
  return undefined;
}
