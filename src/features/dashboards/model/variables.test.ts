import { staticOptions, withAutoIntervals, applyVariableRegex, currentValue, parseVariableQuery, queryResultText, variablesFromSearch } from './variables';
import type { Variable } from './schema';
import { interpolate } from './interpolate';

describe('parseVariableQuery', () => {
  it('reads Grafana’s Prometheus variable functions', () => {
    expect(parseVariableQuery('label_values(up, job)')).toEqual({ kind: 'label_values', metric: 'up', label: 'job' });
    expect(parseVariableQuery('label_values(job)')).toEqual({ kind: 'label_values', label: 'job' });
    expect(parseVariableQuery('label_values(http_requests_total{job=~"a,b", x="("}, endpoint)')).toEqual({
      kind: 'label_values',
      metric: 'http_requests_total{job=~"a,b", x="("}',
      label: 'endpoint',
    });
    expect(parseVariableQuery('query_result(topk(3, sum by (job) (up)))')).toEqual({ kind: 'query_result', expr: 'topk(3, sum by (job) (up))' });
    expect(parseVariableQuery('metrics(^http_)')).toEqual({ kind: 'metrics', regex: '^http_' });
  });

  it('names what is wrong', () => {
    expect(() => parseVariableQuery('up')).toThrow('is not label_values');
    expect(() => parseVariableQuery('series(up)')).toThrow('unknown variable function "series"');
  });
});

describe('applyVariableRegex', () => {
  it('filters, and takes the first capture group', () => {
    expect(applyVariableRegex(['a-1', 'b-2', 'a-3'], '^a')).toEqual(['a-1', 'a-3']);
    expect(applyVariableRegex(['up{job="x"} 1 1', 'up{job="y"} 0 1'], '/job="([^"]+)"/')).toEqual(['x', 'y']);
  });
});

describe('queryResultText', () => {
  it('prints a sample as Grafana does', () => {
    expect(queryResultText({ __name__: 'up', job: 'a' }, 1, 1700000000000)).toBe('up{job="a"} 1 1700000000000');
  });
});

describe('currentValue', () => {
  const multi: Variable = { name: 's', kind: 'custom', values: ['a', 'b', 'c'], multi: true, includeAll: true };
  const single: Variable = { name: 'j', kind: 'custom', values: ['x', 'y'], multi: false, includeAll: false };
  const interval: Variable = { name: 'w', kind: 'interval', values: ['1m', '5m'], default: '5m', auto: false, autoCount: 30, autoMin: '10s' };

  it('takes the URL’s values, several for a multi-value variable', () => {
    expect(currentValue(multi, ['a', 'b', 'c'], ['a', 'c'])).toEqual({ values: ['a', 'c'], asRegex: true });
    expect(currentValue(single, ['x', 'y'], ['y', 'x'])).toEqual({ values: ['y'], asRegex: false });
  });

  it('reads $__all as every option', () => {
    expect(currentValue(multi, ['a', 'b', 'c'], '$__all')).toEqual({ values: ['a', 'b', 'c'], asRegex: true });
  });

  it('falls back to the default, then to All or the first option', () => {
    expect(currentValue(interval, ['1m', '5m'], undefined)).toEqual({ values: ['5m'], asRegex: false });
    expect(currentValue(multi, ['a', 'b', 'c'], undefined)).toEqual({ values: ['a', 'b', 'c'], asRegex: true });
    expect(currentValue(single, ['x', 'y'], undefined)).toEqual({ values: ['x'], asRegex: false });
  });
});

describe('variablesFromSearch', () => {
  it('keeps only var- params, repeated ones as lists', () => {
    expect(variablesFromSearch({ from: 'now-1h', 'var-a': 'x', 'var-b': ['1', '2'], 'var-n': 5 })).toEqual({ a: 'x', b: ['1', '2'], n: '5' });
  });
});

describe('interval variables on auto', () => {
  const auto: Variable = { name: 'iv', kind: 'interval', values: ['1m', '10m'], auto: true, autoCount: 30, autoMin: '10s' };
  const range = { fromMs: 0, toMs: 6 * 3_600_000 };

  it('offers auto first', () => {
    expect(staticOptions(auto)).toEqual(['auto', '1m', '10m']);
    expect(staticOptions({ ...auto, auto: false })).toEqual(['1m', '10m']);
  });

  it('substitutes the range split into autoCount steps, rounded, at least autoMin, and follows the range', () => {
    const value = currentValue(auto, staticOptions(auto)!, undefined);
    expect(value.values).toEqual(['auto']);
    const sixHours = withAutoIntervals([auto], { iv: value }, range.toMs - range.fromMs);
    // 6 h / 30 = 12 min, rounded up to a readable 15 min.
    expect(interpolate('rate(x[$iv])', sixHours)).toBe('rate(x[15m])');
    expect(sixHours.iv.values).toEqual(['auto']);
    const fiveMinutes = withAutoIntervals([auto], { iv: value }, 5 * 60_000);
    expect(interpolate('rate(x[$iv])', fiveMinutes)).toBe('rate(x[10s])');
  });

  it('leaves a picked interval as it is', () => {
    const picked = currentValue(auto, staticOptions(auto)!, '1m');
    expect(interpolate('$iv', withAutoIntervals([auto], { iv: picked }, 86_400_000))).toBe('1m');
  });
});
