import { explainLokiLimit, parseErrorPosition } from './lokiErrors';

describe('parseErrorPosition', () => {
  it('maps Loki`s line and column to an offset in the query', () => {
    expect(parseErrorPosition('parse error at line 1, col 24: syntax error: unexpected $end', '{service_name="homebot"')).toEqual({ line: 1, column: 24, offset: 23 });
    expect(parseErrorPosition('parse error at line 2, col 3: x', '{a="b"}\n| jsn')).toEqual({ line: 2, column: 3, offset: 10 });
    expect(parseErrorPosition('bad_data: other', 'x')).toBeUndefined();
  });
});

describe('explainLokiLimit', () => {
  it('explains the max lines and range limits in words', () => {
    expect(explainLokiLimit('max entries limit per query exceeded, limit > max_entries_limit (5000 > 1000)')).toMatch(/at most 1000 lines per query/);
    expect(explainLokiLimit('the query time range exceeds the limit (query length: 721h0m0s, limit: 721h)')).toMatch(/longer than this Loki allows \(721h\)/);
    expect(explainLokiLimit('parse error at line 1, col 2')).toBeUndefined();
  });
});
