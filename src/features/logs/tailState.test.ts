import { lokiStreamsToLines } from '../../datasources/loki';
import { appendTailLines, reconnectDelayMs } from './tailState';

const lines = (from: number, n: number) =>
  lokiStreamsToLines([{ stream: { a: 'b' }, values: Array.from({ length: n }, (_, i): [string, string] => [String(1795353661706972768n + BigInt(from + i)), `line ${from + i}`]) }], 'forward');

describe('appendTailLines', () => {
  it('keeps the newest lines within the bound and drops repeats', () => {
    let buffer = appendTailLines([], lines(0, 3), 4);
    buffer = appendTailLines(buffer, lines(2, 3), 4);
    expect(buffer.map((l) => l.line)).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 1 s up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => reconnectDelayMs(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
