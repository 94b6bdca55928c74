import { readFixture } from '../testing';
import { otlpToTrace } from './otlp';
import { isSpansArray, OtlpTraceReader, otlpTextToTrace } from './otlpStream';

const TRACES = ['trace-a-reference.json', 'trace-b-error.json', 'trace-d-orphan-skew.json', 'trace-f-rootless.json', 'otlp-trace-b.json'];
const text = (name: string) => readFixture(import.meta.url, name);
/** What parsing the whole body at once gives (the reference). */
const whole = (body: string, requested = '') => otlpToTrace(JSON.parse(body), requested);

describe('otlpTextToTrace', () => {
  it.each(TRACES)('reads %s as otlpToTrace does, in pieces of any size', (name) => {
    const body = text(name);
    const expected = whole(body);
    expect(expected.spans.length).toBeGreaterThan(0);
    for (const size of [Infinity, 65_536, 1000, 97, 13]) expect(otlpTextToTrace(body, '', size)).toEqual(expected);
  });

  it('gives the same trace wherever a small body is split in two', () => {
    const body = JSON.stringify({
      batches: [
        {
          scopeSpans: [
            {
              scope: { name: 's"}' },
              spans: [
                { traceId: 'AHSVbPNrB1YfwMwcb+L/rQ==', spanId: 'a04VN3z/UQo=', name: 'q\\"{[', startTimeUnixNano: '1', endTimeUnixNano: '3' },
                { traceId: 'AHSVbPNrB1YfwMwcb+L/rQ==', spanId: 'LSkuyFSfWHY=', parentSpanId: 'a04VN3z/UQo=', name: 'é\n', kind: 3 },
              ],
            },
          ],
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
        },
      ],
    });
    const expected = whole(body);
    for (let at = 0; at <= body.length; at++) {
      const reader = new OtlpTraceReader();
      reader.write(body.slice(0, at));
      reader.write(body.slice(at));
      expect(reader.end()).toEqual(expected);
    }
    for (const size of [1, 2, 3, 5]) expect(otlpTextToTrace(body, '', size)).toEqual(expected);
  });

  it('takes the resource from after the scopes, old Tempo field names, whitespace and the v2 wrapper', () => {
    const span = { traceId: '0074956cf36b07561fc0cc1c6fe2ffad', spanId: '6b4e8e2a6256fbfd', name: 'root' };
    const v1 = `{ "batches" : [ { "instrumentationLibrarySpans" : [ { "spans" : [ ${JSON.stringify(span)} ] } ] ,
      "resource" : { "attributes" : [ { "key" : "service.name" , "value" : { "stringValue" : "late" } } ] } } ] }`;
    expect(otlpTextToTrace(v1, '', 5).spans).toMatchObject([{ name: 'root', serviceName: 'late', resource: { 'service.name': 'late' } }]);
    const v2 = JSON.stringify({ trace: { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] }, status: 'PARTIAL' });
    expect(otlpTextToTrace(v2, '', 7)).toEqual(whole(v2));
    expect(otlpTextToTrace(v2).partial).toBe(true);
  });

  it('keeps JSON.parse semantics for duplicate keys and an empty trace', () => {
    const span = (name: string) => ({ traceId: '0074956cf36b07561fc0cc1c6fe2ffad', spanId: '6b4e8e2a6256fbfd', name });
    const dup = `{"batches": [{"scopeSpans": [{"spans": [${JSON.stringify(span('first'))}], "spans": [${JSON.stringify(span('second'))}]}]}]}`;
    expect(otlpTextToTrace(dup).spans.map((s) => s.name)).toEqual(['second']);
    expect(otlpTextToTrace('{}', 'abc')).toEqual({ traceId: '00000000000000000000000000000abc', spans: [] });
  });

  it('throws a SyntaxError for invalid JSON anywhere', () => {
    const span = (id: string) => `{"traceId": "0074956cf36b07561fc0cc1c6fe2ffad", "spanId": "${id}"}`;
    const good = `{"batches": [{"scopeSpans": [{"spans": [${span('6b4e8e2a6256fbfd')}, ${span('c9a246b462cc3ef9')}]}]}]}`;
    expect(() => otlpTextToTrace(good)).not.toThrow();
    for (const bad of [
      good.replace('}, {', '} {'), // a missing comma between spans
      good.replace('"6b4e8e2a6256fbfd"}', '"6b4e8e2a6256fbfd",}'), // a trailing comma inside a span
      good.slice(0, -1), // truncated
      good.replace('"scopeSpans": [', '"scopeSpans" ['), // a missing colon
      good.replace('"scopeSpans"', '"scope\\xSpans"'), // an invalid escape in a key
      '',
      'null',
      '{"batches": [}',
    ]) {
      expect(bad).not.toBe(good);
      expect(() => otlpTextToTrace(bad, '', 9), bad).toThrow(SyntaxError);
    }
  });
});

describe('isSpansArray', () => {
  const obj = (key: string | null) => ({ kind: '{' as const, key });
  const arr = (key: string | null) => ({ kind: '[' as const, key });
  it('matches spans arrays of v1 and v2 bodies only', () => {
    const v1 = [obj(null), arr('batches'), obj(null), arr('scopeSpans'), obj(null), arr('spans')];
    expect(isSpansArray(v1)).toBe(true);
    expect(isSpansArray([obj(null), obj('trace'), arr('resourceSpans'), obj(null), arr('instrumentationLibrarySpans'), obj(null), arr('spans')])).toBe(true);
    expect(isSpansArray([...v1.slice(0, 5), arr('events')])).toBe(false);
    expect(isSpansArray([obj(null), obj('other'), ...v1.slice(1)])).toBe(false);
    expect(isSpansArray([obj(null), arr('batches'), obj(null), arr('scopeSpans'), obj(null), obj('attributes'), arr('spans')])).toBe(false);
  });
});
