// Tempo's trace JSON read as it downloads: each span object is cut out of its `spans` array,
// parsed and converted while later bytes are still arriving, so once the last byte is in only
// the small rest (resources, scopes, the v2 wrapper) is left to parse. A 100,000-span trace is
// 35 MB; parsing it whole after the download took about a third of a second on its own.

import type { Span, Trace } from '../types';
import { JsonArrayCutter, type PathStep } from '../jsonArrayCutter';
import { assembleTrace, otlpSpan, TraceIdDecoder } from './otlp';
import type { OtlpSpan, TempoTraceV1, TempoTraceV2 } from './types';

const BATCH_KEYS = new Set(['batches', 'resourceSpans']);
const SCOPE_KEYS = new Set(['scopeSpans', 'instrumentationLibrarySpans']);

/**
 * `{batches|resourceSpans: [{scopeSpans|instrumentationLibrarySpans: [{spans: [...]}]}]}`,
 * possibly inside v2's `{trace: ...}`. Only these arrays hold spans; a `spans` key anywhere
 * else (an attribute's kvlist, say) is left alone.
 */
export function isSpansArray(path: readonly PathStep[]): boolean {
  const wrapped = path.length === 7;
  if (path.length !== 6 && !wrapped) return false;
  const at = (i: number) => path[wrapped ? i + 1 : i];
  if (path[0].kind !== '{' || (wrapped && (path[1].kind !== '{' || path[1].key !== 'trace'))) return false;
  const batches = at(1);
  const batch = at(2);
  const scopes = at(3);
  const scope = at(4);
  const spans = at(5);
  return (
    batches.kind === '[' &&
    BATCH_KEYS.has(batches.key ?? '') &&
    batch.kind === '{' &&
    scopes.kind === '[' &&
    SCOPE_KEYS.has(scopes.key ?? '') &&
    scope.kind === '{' &&
    spans.kind === '[' &&
    spans.key === 'spans'
  );
}

/** Takes the body's text piece by piece (`write`), then gives the Trace (`end`). */
export class OtlpTraceReader {
  private readonly spans: Span[] = [];
  private readonly traceIds = new TraceIdDecoder();
  private readonly cutter = new JsonArrayCutter(isSpansArray, (element) => {
    this.spans.push(otlpSpan(element as OtlpSpan, this.traceIds));
  });

  constructor(private readonly requestedTraceId = '') {}

  /** Throws a SyntaxError when a span is not valid JSON. */
  write(text: string): void {
    this.cutter.write(text);
  }

  /** Throws a SyntaxError when the text as a whole is not valid JSON. */
  end(): Trace {
    const skeleton = JSON.parse(this.cutter.end()) as TempoTraceV1 | TempoTraceV2;
    if (skeleton === null || typeof skeleton !== 'object') throw new SyntaxError('Expected a JSON object');
    return assembleTrace(skeleton, this.requestedTraceId, this.spans);
  }
}

/** The whole text at once, as the streaming path would read it (tests, fixtures). */
export function otlpTextToTrace(text: string, requestedTraceId = '', pieceLength = Infinity): Trace {
  const reader = new OtlpTraceReader(requestedTraceId);
  for (let i = 0; i < text.length; i += pieceLength) reader.write(text.slice(i, i + pieceLength));
  return reader.end();
}
