import { analyzeLogQL, quoteLogQL, searchTerms, unquoteLogQL } from './logql';
import { addFieldFilter, addLabelMatcher, selectorFromSelection, volumeQuery, volumeStepSeconds } from './queryBuild';

describe('analyzeLogQL', () => {
  it('reads selector, line filters and parsers', () => {
    const s = analyzeLogQL('{service_name="homebot", level=~"err.*"} |= "error" != `x` |~ "a\\\\.b" | json | level="error"');
    expect(s.isMetric).toBe(false);
    expect(s.selector).toBe('{service_name="homebot", level=~"err.*"}');
    expect(s.lineFilters).toEqual([
      { op: '|=', value: 'error' },
      { op: '!=', value: 'x' },
      { op: '|~', value: 'a\\.b' },
    ]);
    expect(s.parsers).toEqual(['json']);
    expect(s.hasSyntaxError).toBe(false);
  });
  it('tells metric queries and broken ones apart', () => {
    expect(analyzeLogQL('sum by (level) (count_over_time({a="b"} [1m]))').isMetric).toBe(true);
    expect(analyzeLogQL('{a="b"').hasSyntaxError).toBe(true);
  });
});

describe('searchTerms', () => {
  it('takes positive filters only', () => {
    const terms = searchTerms('{a="b"} |= "timeout" != "debug" |~ "SOL.USDT"');
    expect(terms[0]).toBe('timeout');
    expect(terms[1]).toBeInstanceOf(RegExp);
    expect(terms).toHaveLength(2);
  });
});

describe('quoting', () => {
  it('round-trips quotes and backslashes', () => {
    const v = 'say "hi" \\ bye';
    expect(unquoteLogQL(quoteLogQL(v))).toBe(v);
  });
});

describe('addFieldFilter', () => {
  it('adds | json once, then the label filter', () => {
    const q = addFieldFilter('{service_name="homebot"} |= "error"', 'event', 'scan_failed', true);
    expect(q).toBe('{service_name="homebot"} |= "error" | json | event="scan_failed"');
    expect(addFieldFilter(q, 'logger', 'app."x"', false)).toBe(`${q} | logger!="app.\\"x\\""`);
  });
  it('uses | logfmt for logfmt lines', () => {
    expect(addFieldFilter('{service_name="legacy-worker"}', 'queue', 'reports', true, 'logfmt')).toBe('{service_name="legacy-worker"} | logfmt | queue="reports"');
  });
});

describe('addLabelMatcher', () => {
  it('puts stream labels into the selector', () => {
    expect(addLabelMatcher('{service_name="homebot"} |= "x"', 'level', 'error', true)).toBe('{service_name="homebot", level="error"} |= "x"');
    expect(addLabelMatcher('', 'level', 'error', false)).toBe('{level!="error"}');
  });
});

describe('selectorFromSelection', () => {
  it('builds = for one value and an escaped =~ for several', () => {
    expect(selectorFromSelection([['service_name', ['homebot']], ['level', ['error', 'warning']], ['env', []]])).toBe('{service_name="homebot", level=~"error|warning"}');
    expect(selectorFromSelection([['path', ['/a.b', '(x)']]])).toBe('{path=~"/a\\\\.b|\\\\(x\\\\)"}');
  });
});

describe('volume', () => {
  it('counts the log query by level with a whole-second step', () => {
    expect(volumeStepSeconds(3_600_000)).toBe(60);
    expect(volumeStepSeconds(6 * 3_600_000)).toBe(600);
    expect(volumeQuery('{a="b"} |= "x"', 60)).toBe('sum by (level) (count_over_time({a="b"} |= "x" [60s]))');
  });
});
