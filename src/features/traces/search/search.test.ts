import { INTRINSIC_VALUES, scopedAttributeNames, traceqlCompletionContext, traceqlErrorOffset } from './completionContext';
import { isGoDuration, parseLogfmtTags } from './jaegerTags';
import { validateTraceSearch } from './searchParams';

describe('TraceQL completion context', () => {
  it('offers attribute names inside a filter', () => {
    expect(traceqlCompletionContext('{ resource.ser')).toEqual({ kind: 'attribute', prefix: 'resource.ser', from: 2 });
    expect(traceqlCompletionContext('{ .a = 1 && sp')).toEqual({ kind: 'attribute', prefix: 'sp', from: 12 });
    expect(traceqlCompletionContext('{ ')).toEqual({ kind: 'attribute', prefix: '', from: 2 });
  });

  it('offers values after an operator, quoted or not', () => {
    expect(traceqlCompletionContext('{ resource.service.name = "ho')).toEqual({
      kind: 'value',
      attribute: 'resource.service.name',
      quoted: true,
      prefix: 'ho',
      from: 27,
    });
    expect(traceqlCompletionContext('{ status = ')).toMatchObject({ kind: 'value', attribute: 'status', quoted: false, prefix: '' });
    expect(traceqlCompletionContext('{ span.http.status_code >= 5')).toMatchObject({ kind: 'value', attribute: 'span.http.status_code', prefix: '5' });
  });

  it('offers nothing outside a filter or after a finished value', () => {
    expect(traceqlCompletionContext('{ .a = 1 } ')).toBeNull();
    expect(traceqlCompletionContext('')).toBeNull();
    expect(traceqlCompletionContext('{ .a = "x}" ')).toMatchObject({ kind: 'attribute' });
    expect(traceqlCompletionContext('{ status = error ')).toMatchObject({ kind: 'attribute', prefix: '' });
  });

  it('knows the fixed values of status and kind', () => {
    expect(INTRINSIC_VALUES.status).toContain('error');
  });
});

describe('tag names', () => {
  it("writes Tempo's scopes the way a query names them", () => {
    expect(
      scopedAttributeNames([
        { name: 'intrinsic', tags: ['duration', 'name'] },
        { name: 'resource', tags: ['service.name'] },
        { name: 'span', tags: ['http.route'] },
        { name: 'unscoped', tags: ['foo'] },
      ]),
    ).toEqual(['.foo', 'duration', 'name', 'resource.service.name', 'span.http.route']);
  });
});

describe('TraceQL error position', () => {
  it("reads Tempo's line and column", () => {
    const q = '{ resource.service.name = "homebot" && }';
    expect(traceqlErrorOffset(q, 'invalid TraceQL query: parse error at line 1, col 40: syntax error: unexpected }')).toBe(39);
    expect(traceqlErrorOffset('{\n .a = }', 'parse error at line 2, col 7: x')).toBe(8);
    expect(traceqlErrorOffset(q, 'something else')).toBeUndefined();
  });
});

describe('Jaeger search fields', () => {
  it('reads logfmt tags, quoted values included', () => {
    expect(parseLogfmtTags('error=true http.status_code=500 db.statement="select \\"x\\" from t"')).toEqual({
      tags: { error: 'true', 'http.status_code': '500', 'db.statement': 'select "x" from t' },
    });
    expect(parseLogfmtTags('')).toEqual({ tags: {} });
    expect(parseLogfmtTags('error').error).toMatch(/key=value/);
  });

  it("accepts Go durations only", () => {
    expect(isGoDuration('1.5s')).toBe(true);
    expect(isGoDuration('100ms')).toBe(true);
    expect(isGoDuration('1m30s')).toBe(true);
    expect(isGoDuration('100')).toBe(false);
  });

  it('keeps URL params it understands and drops nonsense limits', () => {
    expect(validateTraceSearch({ service: 'homebot', limit: '20', minDuration: '100ms' })).toMatchObject({ service: 'homebot', limit: 20, minDuration: '100ms' });
    expect(validateTraceSearch({ limit: '-3' }).limit).toBeUndefined();
  });
});
