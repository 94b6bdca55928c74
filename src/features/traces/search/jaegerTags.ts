// Jaeger UI's tag box takes logfmt (`error=true http.status_code=500 db.statement="select 1"`);
// Jaeger's API wants a JSON object of exact matches.

export function parseLogfmtTags(text: string): { tags: Record<string, string>; error?: string } {
  const tags: Record<string, string> = {};
  const pattern = /\s*([^\s=]+)=("((?:[^"\\]|\\.)*)"|(\S*))/y;
  let rest = text.trim();
  let at = 0;
  while (at < rest.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(rest);
    if (!m) return { tags, error: `Tags are key=value pairs separated by spaces; cannot read "${rest.slice(at).trim()}".` };
    tags[m[1]] = m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : m[4];
    at = pattern.lastIndex;
    while (rest[at] === ' ') at++;
  }
  return { tags };
}

/** Jaeger's duration parameters use Go's syntax (`100ms`, `1.5s`, `2m`). */
export function isGoDuration(text: string): boolean {
  return /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text.trim());
}
