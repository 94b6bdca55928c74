// Jaeger's trace JSON read as it downloads, as the Tempo client does (tempo/otlpStream.ts): each
// span is cut out of `data[i].spans`, parsed and converted while later bytes are still arriving.
// A 100,000-span trace is 65 MB of Jaeger JSON; parsed whole after the download, it took about
// half a second after the last byte. Processes come after the spans, so a span's service and
// resource are filled in at the end.

import type { Span, Trace } from '../types';
import { JsonArrayCutter, type PathStep } from '../jsonArrayCutter';
import { padTraceId, RepeatedIdConverter } from '../../lib/traceIds';
import { jaegerProcesses, jaegerSpan, setJaegerProcess } from './parse';
import type { JaegerResponse, JaegerSpan, JaegerTrace } from './types';

/** `{data: [{spans: [...]}]}`: only these arrays hold spans. */
export function isJaegerSpansArray(path: readonly PathStep[]): boolean {
  return (
    path.length === 4 &&
    path[0].kind === '{' &&
    path[1].kind === '[' &&
    path[1].key === 'data' &&
    path[2].kind === '{' &&
    path[3].kind === '[' &&
    path[3].key === 'spans'
  );
}

/** Takes the body's text piece by piece (`write`); `end` gives the first trace, or undefined when there is none. */
export class JaegerTraceReader {
  /** Spans converted so far, by ordinal, and the process id each names (`processes` arrive later). */
  private readonly spans: Span[] = [];
  private readonly processIds: string[] = [];
  private readonly traceIds = new RepeatedIdConverter(padTraceId);
  private readonly cutter = new JsonArrayCutter(isJaegerSpansArray, (element) => {
    const raw = element as JaegerSpan;
    // The span's own trace id stands for its trace's (Jaeger writes the same one), which decides
    // which references are its parent rather than links.
    this.spans.push(jaegerSpan(raw, this.traceIds.of(String(raw.traceID ?? '')), undefined));
    this.processIds.push(raw.processID);
  });

  /** Throws a SyntaxError when a span is not valid JSON. */
  write(text: string): void {
    this.cutter.write(text);
  }

  /** Throws a SyntaxError when the text as a whole is not valid JSON. */
  end(): Trace | undefined {
    const skeleton = JSON.parse(this.cutter.end()) as JaegerResponse<(Omit<JaegerTrace, 'spans'> & { spans?: unknown[] })[]>;
    if (skeleton === null || typeof skeleton !== 'object') throw new SyntaxError('Expected a JSON object');
    const trace = skeleton.data?.[0];
    if (!trace) return undefined;
    const traceId = padTraceId(trace.traceID);
    const processes = jaegerProcesses(trace);
    const spans: Span[] = [];
    for (const entry of trace.spans ?? []) {
      // An ordinal of the cutter's; anything else (a span that is not an object) is not a span.
      if (typeof entry !== 'number') continue;
      const span = this.spans[entry];
      span.traceId = traceId;
      setJaegerProcess(span, processes.get(this.processIds[entry]));
      spans.push(span);
    }
    return { traceId, spans };
  }
}
