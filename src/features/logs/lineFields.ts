// Fields of a log line: stream labels, plus what Loki's `| json` or `| logfmt` would extract,
// named as Loki names them, so a field clicked here filters correctly when sent back to Loki.

import type { LogLine } from '../../datasources/types';
import { stripAnsi } from './ansi';
import { parseLogfmt } from './logfmt';

export type LogLevel = 'critical' | 'error' | 'warning' | 'info' | 'debug' | 'trace' | 'unknown';

export interface LineField {
  /** The label name Loki gives it (`http_status` for `{"http": {"status": ...}}`). */
  key: string;
  value: string;
  source: 'label' | 'json' | 'logfmt';
  /** Nesting depth in the JSON object, for indentation. */
  depth: number;
}

export interface ParsedLine {
  /** The line as shown: ANSI codes removed. */
  text: string;
  parser: 'json' | 'logfmt' | null;
  /** Parsed fields (not labels), in line order. */
  fields: LineField[];
  level: LogLevel;
  traceId?: string;
}

const LEVEL_ALIASES: Record<string, LogLevel> = {
  critical: 'critical', crit: 'critical', fatal: 'critical', panic: 'critical', emerg: 'critical', alert: 'critical',
  error: 'error', err: 'error', eror: 'error',
  warning: 'warning', warn: 'warning',
  info: 'info', information: 'info', notice: 'info',
  debug: 'debug', dbug: 'debug',
  trace: 'trace',
};

/** Parses a structlog-style JSON line; anything else (logfmt, plain text, broken JSON) gives null. */
export function parseJsonLine(text: string): Record<string, unknown> | null {
  if (!text.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Loki's label naming for extracted keys: non-word characters become `_`, nesting joins with `_`. */
export function sanitizeLabelName(key: string): string {
  const name = key.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Nested objects are flattened as `| json` does (`a_b`); arrays are kept as their JSON text. */
export function flattenJson(value: Record<string, unknown>, prefix = '', depth = 0, out: LineField[] = []): LineField[] {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix + sanitizeLabelName(k);
    if (v && typeof v === 'object' && !Array.isArray(v)) flattenJson(v as Record<string, unknown>, `${key}_`, depth + 1, out);
    else out.push({ key, value: v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v), source: 'json', depth });
  }
  return out;
}

function normalizeLevel(raw: unknown): LogLevel | null {
  if (typeof raw !== 'string') return null;
  return LEVEL_ALIASES[raw.toLowerCase()] ?? null;
}

const fieldValue = (fields: LineField[], key: string) => fields.find((f) => f.key === key)?.value;

/** Level from the stream labels first (as Loki and Grafana do), then the line's own field. */
export function detectLevel(labels: Record<string, string>, fields: LineField[]): LogLevel {
  return (
    normalizeLevel(labels.level) ??
    normalizeLevel(labels.detected_level) ??
    normalizeLevel(labels.level_extracted) ??
    normalizeLevel(fieldValue(fields, 'level')) ??
    normalizeLevel(fieldValue(fields, 'severity')) ??
    normalizeLevel(fieldValue(fields, 'lvl')) ??
    'unknown'
  );
}

const TRACE_ID = /^[0-9a-f]{16,32}$/i;

/** The trace this line belongs to: a `trace_id` label (after `| json`) or field, padded to 32 hex. */
export function traceIdOf(labels: Record<string, string>, fields: LineField[]): string | undefined {
  const candidate = labels.trace_id ?? labels.traceID ?? fieldValue(fields, 'trace_id') ?? fieldValue(fields, 'traceId') ?? fieldValue(fields, 'traceID');
  return candidate && TRACE_ID.test(candidate) ? candidate.toLowerCase().padStart(32, '0') : undefined;
}

/** Plain-text lines often start with their level (`ERROR [scanner] ...`, `[WARN] ...`). */
export function levelFromText(text: string): LogLevel {
  const m = /^\W{0,2}(critical|crit|fatal|panic|error|err|warning|warn|info|notice|debug|dbug|trace)\b/i.exec(text.trimStart().slice(0, 24));
  return (m && normalizeLevel(m[1])) ?? 'unknown';
}

export function parseLine(line: Pick<LogLine, 'line' | 'labels'>): ParsedLine {
  const text = stripAnsi(line.line);
  const json = parseJsonLine(text);
  const logfmt = json ? null : parseLogfmt(text);
  const fields = json
    ? flattenJson(json)
    : logfmt
      ? Object.entries(logfmt).map(([k, v]): LineField => ({ key: sanitizeLabelName(k), value: v, source: 'logfmt', depth: 0 }))
      : [];
  return {
    text,
    parser: json ? 'json' : logfmt ? 'logfmt' : null,
    fields,
    level: ((level) => (level === 'unknown' && !json && !logfmt ? levelFromText(text) : level))(detectLevel(line.labels, fields)),
    traceId: traceIdOf(line.labels, fields),
  };
}

/**
 * The name to filter on after `| json`: a key that clashes with a stream label becomes
 * `<key>_extracted` in Loki, unless the label is the extracted value itself.
 */
export function filterNameFor(field: LineField, labels: Record<string, string>): string {
  if (field.source === 'label') return field.key;
  const clash = labels[field.key] !== undefined && (labels[`${field.key}_extracted`] !== undefined || labels[field.key] !== field.value);
  return clash ? `${field.key}_extracted` : field.key;
}
