import { generateLargeTrace } from '../../demo/largeTrace';
import { jaegerEnvelope, toJaegerTrace } from '../../demo/jaegerJson';
import { readFixture } from '../testing';
import { jaegerToTrace } from './parse';
import { JaegerTraceReader } from './traceStream';
import type { JaegerResponse, JaegerTrace } from './types';

/** What parsing the whole body at once gives (the reference). */
const whole = (body: string) => jaegerToTrace((JSON.parse(body) as JaegerResponse<JaegerTrace[]>).data![0]);

function read(body: string, pieceLength: number) {
  const reader = new JaegerTraceReader();
  for (let i = 0; i < body.length; i += pieceLength) reader.write(body.slice(i, i + pieceLength));
  return reader.end();
}

describe('JaegerTraceReader', () => {
  it('reads the captured trace as jaegerToTrace does, in pieces of any size', () => {
    const body = readFixture(import.meta.url, 'trace-b-error.json');
    const expected = whole(body);
    expect(expected.spans.length).toBeGreaterThan(0);
    for (const size of [Infinity, 4096, 97, 13]) expect(read(body, size)).toEqual(expected);
  });

  it('reads a 10,000-span trace, with services and resources from processes listed after the spans', () => {
    const body = JSON.stringify(jaegerEnvelope([toJaegerTrace(generateLargeTrace(10_000, 5))]));
    const trace = read(body, 65_536)!;
    expect(trace).toEqual(whole(body));
    expect(new Set(trace.spans.map((s) => s.serviceName)).size).toBeGreaterThan(3);
  });

  it('gives nothing for an empty answer and a SyntaxError for a broken one', () => {
    expect(read(JSON.stringify(jaegerEnvelope([])), 10)).toBeUndefined();
    expect(read('{"data":null,"errors":[{"code":404,"msg":"trace not found"}]}', 10)).toBeUndefined();
    const body = readFixture(import.meta.url, 'trace-b-error.json');
    expect(() => read(body.replace('"operationName":', '"operationName"'), 4096)).toThrow(SyntaxError);
    expect(() => read(body.slice(0, -10), 4096)).toThrow(SyntaxError);
  });
});
