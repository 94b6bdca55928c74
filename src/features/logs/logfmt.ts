// logfmt (`ts=... level=info msg="job started" job_id=42`), read as Loki's `| logfmt` reads it:
// bare keys are flags with an empty value, quoted values use Go escapes.

export function parseLogfmt(text: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  const re = /\s*([^\s=]+)(?:=("(?:[^"\\]|\\.)*"|[^\s"]*))?/y;
  let pos = 0;
  let count = 0;
  let tokens = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || re.lastIndex === pos) break;
    pos = re.lastIndex;
    const raw = m[2] ?? '';
    fields[m[1]] = raw.startsWith('"') ? unquote(raw) : raw;
    tokens++;
    if (m[2] !== undefined) count++;
  }
  // Plain prose also splits into "keys": only lines with real key=value pairs are logfmt.
  return count > 0 && count * 2 >= tokens && pos >= text.trimEnd().length ? fields : null;
}

function unquote(raw: string): string {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
