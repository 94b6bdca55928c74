import type { LogLine } from '../../datasources/types';

export type LogLevel = 'critical' | 'error' | 'warning' | 'info' | 'debug' | 'trace' | 'unknown';

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

function normalizeLevel(raw: unknown): LogLevel | null {
  if (typeof raw !== 'string') return null;
  return LEVEL_ALIASES[raw.toLowerCase()] ?? null;
}

/** Level from the stream labels first (as Loki and Grafana do), then the line's own field. */
export function detectLevel(line: LogLine, fields: Record<string, unknown> | null): LogLevel {
  return (
    normalizeLevel(line.labels.level) ??
    normalizeLevel(line.labels.detected_level) ??
    normalizeLevel(line.labels.level_extracted) ??
    normalizeLevel(fields?.level) ??
    normalizeLevel(/\blevel=(\w+)/.exec(line.line)?.[1]) ??
    'unknown'
  );
}

const TRACE_ID = /^[0-9a-f]{16,32}$/i;

/** The trace this line belongs to: a `trace_id` label (after `| json`) or JSON field. */
export function traceIdOf(line: LogLine, fields: Record<string, unknown> | null): string | undefined {
  const candidate = line.labels.trace_id ?? fields?.trace_id ?? fields?.traceId ?? /\btrace_id=([0-9a-fA-F]{16,32})\b/.exec(line.line)?.[1];
  return typeof candidate === 'string' && TRACE_ID.test(candidate) ? candidate.toLowerCase().padStart(32, '0') : undefined;
}
