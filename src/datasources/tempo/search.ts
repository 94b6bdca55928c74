// Tempo search and tag answers to our models.

import { nsToUs } from '../../lib/nanoseconds';
import { padTraceId } from '../../lib/traceIds';
import type { TraceSearchHit } from '../types';
import type { TempoSearchResponse, TempoSearchTrace, TempoTagScope, TempoTagValue } from './types';

/** What Tempo reports as the root service while the root span has not arrived (or never will). */
export const ROOT_NOT_YET_RECEIVED = '<root span not yet received>';

export function tempoSearchToHits(body: TempoSearchResponse): TraceSearchHit[] {
  return (body.traces ?? []).map((t) => ({
    // Search strips leading zeros (0074956c... comes back as 74956c...).
    traceId: padTraceId(t.traceID),
    rootServiceName: t.rootServiceName === ROOT_NOT_YET_RECEIVED ? undefined : t.rootServiceName,
    rootTraceName: t.rootTraceName,
    startUs: t.startTimeUnixNano ? nsToUs(t.startTimeUnixNano) : 0,
    // Left out when 0 (a 0.4 ms trace rounds down).
    durationMs: t.durationMs ?? 0,
    ...traceCounts(t),
  }));
}

/** Span and error totals from serviceStats when Tempo sends them; else how many spans matched. */
function traceCounts(t: TempoSearchTrace): Pick<TraceSearchHit, 'spanCount' | 'errorCount' | 'matchedSpans'> {
  if (t.serviceStats) {
    let spanCount = 0;
    let errorCount = 0;
    for (const stats of Object.values(t.serviceStats)) {
      spanCount += stats.spanCount ?? 0;
      errorCount += stats.errorCount ?? 0;
    }
    return { spanCount, errorCount };
  }
  const sets = t.spanSets ?? (t.spanSet ? [t.spanSet] : []);
  return sets.length ? { matchedSpans: sets.reduce((sum, set) => sum + (set.matched ?? 0), 0) } : {};
}

export function tempoTagScopes(body: { scopes?: TempoTagScope[] }): TempoTagScope[] {
  return (body.scopes ?? []).map((s) => ({ name: s.name, tags: s.tags ?? [] }));
}

/** v1 has one flat list with no scopes. */
export function tempoV1TagScopes(body: { tagNames?: string[] }): TempoTagScope[] {
  return [{ name: 'unscoped', tags: body.tagNames ?? [] }];
}

/** v2 lists values unsorted; sorted here so pickers read alike for both versions. */
export function tempoTagValues(body: { tagValues?: TempoTagValue[] }): TempoTagValue[] {
  return [...(body.tagValues ?? [])].sort((a, b) => a.value.localeCompare(b.value));
}

export function tempoV1TagValues(body: { tagValues?: string[] }): TempoTagValue[] {
  return (body.tagValues ?? []).map((value) => ({ type: 'string', value }));
}
