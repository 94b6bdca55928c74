// Links from a span (or a whole trace) to its logs in the Logs view. The app's structlog lines
// carry `trace_id` in their JSON body, so `| json | trace_id="..."` selects exactly them; the
// stream selector keeps Loki from scanning every stream.

import type { Span } from '../../datasources/types';

/** Loki's clock and the span's may disagree a little; the trace id filter keeps the padding harmless. */
const PAD_MS = 1000;

export interface LogsSearch {
  q: string;
  from: string;
  to: string;
}

function quote(value: string): string {
  return JSON.stringify(value);
}

function regexEscape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function logsWindow(startUs: number, endUs: number): { from: string; to: string } {
  return { from: String(Math.floor(startUs / 1000) - PAD_MS), to: String(Math.ceil(endUs / 1000) + PAD_MS) };
}

export function spanLogsSearch(span: Span): LogsSearch {
  return {
    q: `{service_name=${quote(span.serviceName)}} | json | trace_id=${quote(span.traceId)}`,
    ...logsWindow(span.startUs, span.startUs + span.durationUs),
  };
}

export function traceLogsSearch(traceId: string, services: string[], startUs: number, endUs: number): LogsSearch {
  const selector =
    services.length === 1 ? `service_name=${quote(services[0])}` : `service_name=~${quote(services.map(regexEscape).join('|'))}`;
  return { q: `{${selector}} | json | trace_id=${quote(traceId)}`, ...logsWindow(startUs, endUs) };
}
