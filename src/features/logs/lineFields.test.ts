import type { LogLine } from '../../datasources/types';
import { detectLevel, parseJsonLine, traceIdOf } from './lineFields';

const line = (text: string, labels: Record<string, string> = {}): LogLine => ({
  timestampNs: '1795353661706972768',
  timestampMs: 1795353661706,
  line: text,
  labels,
  id: 'x',
});

describe('parseJsonLine', () => {
  it('parses structlog JSON and refuses the rest', () => {
    expect(parseJsonLine('{"event":"scan","level":"info"}')).toEqual({ event: 'scan', level: 'info' });
    expect(parseJsonLine('ts=1 level=warn msg=x')).toBeNull();
    expect(parseJsonLine('{"truncated": ')).toBeNull();
    expect(parseJsonLine('[1,2]')).toBeNull();
  });
});

describe('detectLevel', () => {
  it('prefers the stream label, then the JSON field, then logfmt', () => {
    expect(detectLevel(line('{"level":"info"}', { level: 'error' }), { level: 'info' })).toBe('error');
    expect(detectLevel(line('{"level":"warning"}'), { level: 'warning' })).toBe('warning');
    expect(detectLevel(line('ts=1 level=WARN msg=x'), null)).toBe('warning');
    expect(detectLevel(line('plain text'), null)).toBe('unknown');
  });
});

describe('traceIdOf', () => {
  it('finds the trace id in a label, a JSON field or logfmt', () => {
    const id = 'df2c6e1ec2da684689500eaad0046eb9';
    expect(traceIdOf(line('x', { trace_id: id }), null)).toBe(id);
    expect(traceIdOf(line('{}'), { trace_id: id.toUpperCase() })).toBe(id);
    expect(traceIdOf(line(`ts=1 trace_id=${id} msg=x`), null)).toBe(id);
    expect(traceIdOf(line('{}'), { trace_id: 'not-a-trace' })).toBeUndefined();
  });
});
