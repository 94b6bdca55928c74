// Hand-built traces for the layout tests: times in ms relative to an epoch offset, written the
// way the reference docs draw trace A.

import { readFileSync } from 'node:fs';
import { otlpToTrace } from '../../../datasources/tempo/otlp';
import type { Span, SpanKind } from '../../../datasources/types';

const T0_US = 1_795_353_241_706_972;

export function span(id: string, parent: string | undefined, startMs: number, durationMs: number, extra: Partial<Span> = {}): Span {
  return {
    spanId: id,
    parentSpanId: parent,
    traceId: 't',
    name: id,
    serviceName: 'svc',
    kind: 'internal' as SpanKind,
    startUs: T0_US + startMs * 1000,
    durationUs: durationMs * 1000,
    status: { code: 'unset' },
    attributes: {},
    resource: {},
    events: [],
    links: [],
    ...extra,
  };
}

/** The captured Tempo answers for the fixtures' traces A (reference) and D (orphan, skew). */
export function fixtureTrace(name: 'trace-a-reference.json' | 'trace-d-orphan-skew.json' | 'trace-f-rootless.json') {
  const url = new URL(`../../../datasources/tempo/__fixtures__/${name}`, import.meta.url);
  return otlpToTrace(JSON.parse(readFileSync(url, 'utf8')));
}
