// Reads what an app's health endpoint answers: liveness `{status}`, readiness `{status, checks}`
// with booleans or objects, deep checks with `dependencies` and other nested sections (see
// src/server/health/__fixtures__/health/). Bodies come from apps we do not control, so anything is
// possible: plain text, HTML error pages, JSON cut off mid-way. Each becomes words for the
// page, never an exception. No Node imports (the browser's demo reuses this).

import type { CheckState, DependencyCheck, FactSection } from './types.ts';

export type ParsedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'empty' }
  | { kind: 'malformed'; error: string };

const okWords = new Set(['ok', 'healthy', 'up', 'pass', 'passing', 'ready', 'alive', 'true', 'green', 'available', 'serving']);
const degradedWords = new Set(['degraded', 'warn', 'warning', 'partial', 'yellow']);
const failingWords = new Set(['unhealthy', 'down', 'fail', 'failed', 'failing', 'error', 'critical', 'not_ready', 'notready', 'unavailable', 'false', 'red', 'dead', 'not_serving']);

/** Which of our states a health word (`healthy`, `not_ready`, `false`...) stands for. */
export function stateOfWord(word: string): CheckState {
  const key = word.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (okWords.has(key)) return 'ok';
  if (degradedWords.has(key)) return 'degraded';
  if (failingWords.has(key)) return 'failing';
  return 'unknown';
}

/** JSON when it looks like JSON (by content type or first character); a cut-off body is `malformed`, not a crash. */
export function parseHealthBody(body: string, contentType = ''): ParsedBody {
  const text = body.trim();
  if (text === '') return { kind: 'empty' };
  const looksJson = contentType.includes('json') || text.startsWith('{') || text.startsWith('[');
  if (!looksJson) return { kind: 'text', text };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch (error) {
    const reason = (error as Error).message;
    const cutOff = endsOpen(text);
    return { kind: 'malformed', error: cutOff ? `body is truncated JSON (${text.length} bytes): ${reason}` : `body is not valid JSON: ${reason}` };
  }
}

/**
 * Whether JSON text stops inside a string or with brackets still open: the sign of a body cut
 * off (a connection closed early, a size cap) rather than one written wrong.
 */
export function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}

export interface HealthBodyReport {
  /** The body's own status word, or the first line of a plain-text body. */
  reported?: string;
  checks: DependencyCheck[];
  facts: FactSection[];
  /** Set when the body could not be read. */
  problem?: string;
}

const checkMapKeys = ['checks', 'dependencies', 'components'];
const skippedTopLevel = new Set(['status', 'timestamp', ...checkMapKeys]);

export function readHealthBody(parsed: ParsedBody): HealthBodyReport {
  switch (parsed.kind) {
    case 'empty':
      return { checks: [], facts: [] };
    case 'text':
      // An HTML page (a proxy's 502, a login page) says nothing a status word could: leave it out.
      if (parsed.text.startsWith('<')) return { checks: [], facts: [] };
      return { reported: parsed.text.split('\n', 1)[0]!.slice(0, 200), checks: [], facts: [] };
    case 'malformed':
      return { checks: [], facts: [], problem: parsed.error };
    case 'json':
      return readJson(parsed.value);
  }
}

function readJson(value: unknown): HealthBodyReport {
  if (!isRecord(value)) return { checks: [], facts: [], problem: `body is JSON but not an object (${Array.isArray(value) ? 'an array' : typeof value})` };
  const mapKey = checkMapKeys.find((key) => isRecord(value[key]));
  const checks = mapKey ? Object.entries(value[mapKey] as Record<string, unknown>).map(([name, raw]) => readCheck(name, raw)) : [];
  return { reported: scalarText(value.status), checks, facts: readFacts(value) };
}

function readCheck(name: string, raw: unknown): DependencyCheck {
  if (!isRecord(raw)) {
    const reported = scalarText(raw) ?? 'null';
    return { name, state: stateOfWord(reported), reported, details: [] };
  }
  const statusField = ['status', 'state', 'healthy', 'ok'].find((key) => raw[key] !== undefined && !isRecord(raw[key]));
  const reported = statusField ? scalarText(raw[statusField])! : 'no status';
  const latencyField = ['latency_ms', 'latencyMs', 'duration_ms', 'response_time_ms'].find((key) => typeof raw[key] === 'number');
  const errorField = ['error', 'message', 'reason'].find((key) => typeof raw[key] === 'string' && raw[key] !== '');
  const used = new Set([statusField, latencyField, errorField]);
  const details = flatten(Object.fromEntries(Object.entries(raw).filter(([key]) => !used.has(key))));
  return {
    name,
    state: statusField ? stateOfWord(reported) : 'unknown',
    reported,
    latencyMs: latencyField ? (raw[latencyField] as number) : undefined,
    error: errorField ? (raw[errorField] as string) : undefined,
    details,
  };
}

function readFacts(value: Record<string, unknown>): FactSection[] {
  const sections: FactSection[] = [];
  const summary = Object.entries(value).filter(([key, v]) => !skippedTopLevel.has(key) && !isRecord(v));
  if (summary.length) sections.push({ name: 'summary', entries: flatten(Object.fromEntries(summary)) });
  for (const [key, v] of Object.entries(value)) {
    if (!skippedTopLevel.has(key) && isRecord(v)) sections.push({ name: key, entries: flatten(v) });
  }
  return sections;
}

/** Nested objects become `parent.child` names; lists join with ", ". */
function flatten(record: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(record).flatMap(([key, v]): [string, string][] => {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isRecord(v)) return flatten(v, name);
    if (Array.isArray(v)) return [[name, v.map((item) => (isRecord(item) || Array.isArray(item) ? JSON.stringify(item) : String(item))).join(', ')]];
    return [[name, String(v)]];
  });
}

function scalarText(value: unknown): string | undefined {
  if (value === undefined || isRecord(value) || Array.isArray(value)) return undefined;
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
