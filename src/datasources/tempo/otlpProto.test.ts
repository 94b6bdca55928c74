import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { generateLargeTraceOtlp } from '../../demo/largeTrace';
import { traceByIdResponseToProtobuf, traceToProtobuf } from '../../demo/otlpProtobuf';
import { jsonFixture } from '../testing';
import { otlpToTrace } from './otlp';
import { OtlpProtoReader, otlpProtoToTrace } from './otlpProto';
import type { TempoTraceV1 } from './types';

const FIXTURES = ['trace-a-reference.json', 'trace-b-error.json', 'trace-d-orphan-skew.json', 'trace-f-rootless.json', 'otlp-trace-b.json'];

describe('otlpProtoToTrace', () => {
  it.each(FIXTURES)('reads %s as protobuf into the trace its JSON gives', (name) => {
    const json = jsonFixture<TempoTraceV1>(import.meta.url, name);
    const expected = otlpToTrace(json);
    expect(expected.spans.length).toBeGreaterThan(0);
    expect(otlpProtoToTrace(traceToProtobuf(json), false)).toEqual(expected);
    expect(otlpProtoToTrace(traceByIdResponseToProtobuf({ trace: json }), true)).toEqual(expected);
  });

  it('reads 10,000 generated spans as their JSON reads, and a partial v2 answer as partial', () => {
    const json = generateLargeTraceOtlp(10_000, 4) as TempoTraceV1;
    expect(otlpProtoToTrace(traceToProtobuf(json), false)).toEqual(otlpToTrace(json));
    expect(otlpProtoToTrace(traceByIdResponseToProtobuf({ trace: json, status: 'PARTIAL' }), true).partial).toBe(true);
  });

  // The encoder above is ours too, so a field number wrong in both would pass the tests above:
  // here OpenTelemetry's own serializers write the same spans as protobuf and as OTLP JSON.
  it("reads OpenTelemetry's own protobuf as its JSON reads", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'checkout', 'service.version': '1.2.3' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('test-scope', '0.1');
    const attributes: Attributes = { 'http.method': 'POST', 'http.status_code': 503, ratio: 0.25, cached: false, tags: ['a', 'b'], counts: [1, 2], big: -42, 'é': 'ünïcode ✓' };
    tracer.startActiveSpan('POST /checkout', { kind: SpanKind.SERVER, attributes }, (root) => {
      const child = tracer.startSpan('charge card', { kind: SpanKind.CLIENT, links: [{ context: root.spanContext(), attributes: { why: 'retry' } }] });
      child.addEvent('exception', { 'exception.message': 'card declined' });
      child.setStatus({ code: SpanStatusCode.ERROR, message: 'declined' });
      child.end();
      root.setStatus({ code: SpanStatusCode.OK });
      root.end();
    });
    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(2);
    const json = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans))) as TempoTraceV1;
    const fromProtobuf = otlpProtoToTrace(ProtobufTraceSerializer.serializeRequest(spans)!, false);
    expect(fromProtobuf).toEqual(otlpToTrace(json));
    const charge = fromProtobuf.spans.find((s) => s.name === 'charge card')!;
    expect(charge).toMatchObject({ kind: 'client', serviceName: 'checkout', status: { code: 'error', message: 'declined' } });
    expect(charge.events[0]).toMatchObject({ name: 'exception', attributes: { 'exception.message': 'card declined' } });
    expect(fromProtobuf.spans.find((s) => s.name === 'POST /checkout')!.attributes).toEqual({ ...attributes });
  });

  it('reads a body that arrives in pieces of any size as the whole body', () => {
    const inPieces = (bytes: Uint8Array, v2: boolean, size: number) => {
      const reader = new OtlpProtoReader(v2);
      for (let i = 0; i < bytes.length; i += size) reader.write(bytes.subarray(i, i + size));
      return reader.end();
    };
    const small = jsonFixture<TempoTraceV1>(import.meta.url, 'trace-d-orphan-skew.json');
    const smallV1 = traceToProtobuf(small);
    const smallV2 = traceByIdResponseToProtobuf({ trace: small, status: 'PARTIAL' });
    for (const size of [1, 2, 3, 7, 100]) {
      expect(inPieces(smallV1, false, size)).toEqual(otlpToTrace(small));
      expect(inPieces(smallV2, true, size)).toEqual({ ...otlpToTrace(small), partial: true });
    }
    const large = generateLargeTraceOtlp(10_000, 9) as TempoTraceV1;
    const largeBytes = traceToProtobuf(large);
    for (const size of [4093, 65_536]) expect(inPieces(largeBytes, false, size)).toEqual(otlpToTrace(large));
  });

  it('throws a SyntaxError for bytes that are not a trace', () => {
    const bytes = traceToProtobuf(jsonFixture<TempoTraceV1>(import.meta.url, 'trace-a-reference.json'));
    expect(() => otlpProtoToTrace(bytes.subarray(0, bytes.length - 5), false)).toThrow(SyntaxError);
    expect(() => otlpProtoToTrace(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), false)).toThrow(SyntaxError);
    expect(() => otlpProtoToTrace(new Uint8Array([0x0f]), false)).toThrow(SyntaxError);
    // Nothing at all is an empty trace, as `{}` is in JSON.
    expect(otlpProtoToTrace(new Uint8Array(0), false, 'abc')).toEqual({ traceId: '0'.repeat(29) + 'abc', spans: [] });
  });
});
