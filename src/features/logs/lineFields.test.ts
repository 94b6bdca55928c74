import { detectLevel, filterNameFor, flattenJson, levelFromText, parseJsonLine, parseLine, traceIdOf } from './lineFields';
import { parseLogfmt } from './logfmt';
import { stripAnsi } from './ansi';

const id = 'df2c6e1ec2da684689500eaad0046eb9';

describe('parseJsonLine', () => {
  it('parses structlog JSON and refuses the rest', () => {
    expect(parseJsonLine('{"event":"scan","level":"info"}')).toEqual({ event: 'scan', level: 'info' });
    expect(parseJsonLine('ts=1 level=warn msg=x')).toBeNull();
    expect(parseJsonLine('{"truncated": ')).toBeNull();
    expect(parseJsonLine('[1,2]')).toBeNull();
  });
});

describe('flattenJson', () => {
  it('names nested keys as Loki`s | json does', () => {
    expect(flattenJson({ checks: { database: true, 'redis-main': false }, n: 3, tags: ['a'], none: null })).toEqual([
      { key: 'checks_database', value: 'true', source: 'json', depth: 1 },
      { key: 'checks_redis_main', value: 'false', source: 'json', depth: 1 },
      { key: 'n', value: '3', source: 'json', depth: 0 },
      { key: 'tags', value: '["a"]', source: 'json', depth: 0 },
      { key: 'none', value: '', source: 'json', depth: 0 },
    ]);
  });
});

describe('parseLogfmt', () => {
  it('reads quoted values with escapes and bare flags', () => {
    expect(parseLogfmt('ts=2026-11-22T13:21:01Z level=error msg="job \\"x\\" failed" retry')).toEqual({
      ts: '2026-11-22T13:21:01Z',
      level: 'error',
      msg: 'job "x" failed',
      retry: '',
    });
  });
  it('does not take prose for logfmt', () => {
    expect(parseLogfmt('WARN  [scanner] unexpected token name from exchange: <img src=x onerror=alert(1)>')).toBeNull();
    expect(parseLogfmt('plain text')).toBeNull();
  });
});

describe('stripAnsi', () => {
  it('removes colour codes and keeps the text', () => {
    expect(stripAnsi('\u001b[1;31mERROR\u001b[0m [scanner] \u001b[33mtimeout\u001b[0m')).toBe('ERROR [scanner] timeout');
    expect(stripAnsi('\u001b]0;title\u0007done')).toBe('done');
    expect(stripAnsi('no codes')).toBe('no codes');
  });
});

describe('detectLevel', () => {
  it('prefers the stream label, then the field', () => {
    expect(detectLevel({ level: 'error' }, [{ key: 'level', value: 'info', source: 'json', depth: 0 }])).toBe('error');
    expect(detectLevel({}, [{ key: 'level', value: 'WARN', source: 'logfmt', depth: 0 }])).toBe('warning');
    expect(detectLevel({ detected_level: 'fatal' }, [])).toBe('critical');
    expect(detectLevel({}, [])).toBe('unknown');
  });
});

describe('parseLine', () => {
  it('parses JSON lines with their trace id', () => {
    const p = parseLine({ line: `{"event":"scan_failed","level":"error","trace_id":"${id.toUpperCase()}"}`, labels: {} });
    expect(p.parser).toBe('json');
    expect(p.level).toBe('error');
    expect(p.traceId).toBe(id);
  });
  it('parses logfmt lines after stripping ANSI codes', () => {
    const p = parseLine({ line: '\u001b[32mlevel=warn\u001b[0m msg="slow job" trace_id=74956cf36b07561fc0cc1c6fe2ffad', labels: {} });
    expect(p.text).toBe('level=warn msg="slow job" trace_id=74956cf36b07561fc0cc1c6fe2ffad');
    expect(p.parser).toBe('logfmt');
    expect(p.level).toBe('warning');
    expect(p.traceId).toBe('0074956cf36b07561fc0cc1c6fe2ffad');
  });
  it('leaves plain text unparsed', () => {
    expect(parseLine({ line: "INFO [scanner] <script>alert('xss')</script>", labels: {} }).fields).toEqual([]);
  });
});

describe('traceIdOf', () => {
  it('refuses values that are not hex trace ids', () => {
    expect(traceIdOf({}, [{ key: 'trace_id', value: 'not-a-trace', source: 'json', depth: 0 }])).toBeUndefined();
    expect(traceIdOf({ trace_id: id }, [])).toBe(id);
  });
});

describe('filterNameFor', () => {
  const field = { key: 'level', value: 'info', source: 'json' as const, depth: 0 };
  it('uses _extracted when the field clashes with a different stream label', () => {
    expect(filterNameFor(field, { level: 'error' })).toBe('level_extracted');
    expect(filterNameFor(field, { level: 'info', level_extracted: 'info' })).toBe('level_extracted');
    expect(filterNameFor(field, { level: 'info' })).toBe('level');
    expect(filterNameFor(field, {})).toBe('level');
  });
});

describe('levelFromText', () => {
  it('reads a leading level word in plain text, and nothing else', () => {
    expect(levelFromText('ERROR [scanner] timeout')).toBe('error');
    expect(levelFromText('[WARN] disk almost full')).toBe('warning');
    expect(levelFromText('  info: started')).toBe('info');
    expect(levelFromText('request failed with error')).toBe('unknown');
    expect(parseLine({ line: '\u001b[1;31mERROR\u001b[0m [scanner] timeout', labels: {} }).level).toBe('error');
  });
});
